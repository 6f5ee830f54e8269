package org.karyolab.server.bench;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.bench.BenchSeed.SeededImage;
import org.karyolab.server.store.AnnotationRepository;
import org.karyolab.server.store.BatchResult;
import org.karyolab.server.store.Change;
import org.karyolab.server.store.SaveResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The floor: the same edits as {@link HttpSession} saves, with the same pauses before each save,
 * straight through {@link AnnotationRepository} on the server's own database (no HTTP, no JSON, no
 * authorization, no audit row, no reads between opens). Whatever the server adds is its overhead.
 */
final class JdbcSession implements TimedRun.Client {

    private final AnnotationRepository repository;
    private final List<SeededImage> images;
    private final EditMix mix;
    private final SaveRoute route;
    private final SplittableRandom random;
    /** Per image, its annotations as this client last saved them (read once, then kept up to date). */
    private final Map<String, List<Annotation>> held = new HashMap<>();
    private int next;

    JdbcSession(AnnotationRepository repository, List<SeededImage> images, EditMix mix, SaveRoute route, long seed) {
        this.repository = repository;
        this.images = images;
        this.mix = mix;
        this.route = route;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void iterate(TimedRun.Recorder r) throws InterruptedException {
        for (int i = 0; i < 3; i++) r.think(); // where the HTTP client pauses around its three reads of an open
        SeededImage image = images.get(next++ % images.size());
        List<Annotation> annotations = held.computeIfAbsent(image.id(), id -> new ArrayList<>(repository.current(id)));
        for (int[] save : mix.plan(random, annotations.size())) {
            r.think();
            if (!r.running()) return;
            List<Change.Update> changes = new ArrayList<>(save.length);
            for (int i : save) {
                Annotation a = annotations.get(i);
                Box moved = EditMix.nudge((Box) a.shape(), random, image.width(), image.height());
                changes.add(new Change.Update(a.id(), a.revision(), a.withShape(moved)));
            }
            boolean ok = route == SaveRoute.BATCH ? saveBatch(r, image, save, changes, annotations)
                    : saveEach(r, save, changes, annotations);
            if (!ok) {
                held.remove(image.id()); // re-read on the next open
                return;
            }
        }
    }

    private boolean saveBatch(TimedRun.Recorder r, SeededImage image, int[] positions, List<Change.Update> changes,
                              List<Annotation> annotations) {
        long t = System.nanoTime();
        BatchResult result = repository.saveBatch(image.id(), changes);
        if (!(result instanceof BatchResult.Applied(List<Annotation> saved, var unchanged))) {
            r.error(Op.SAVE, "batch rejected: " + ((BatchResult.Rejected) result).reason().getClass().getSimpleName());
            return false;
        }
        r.done(Op.SAVE, t);
        r.saved(saved.size(), t);
        for (int i = 0; i < positions.length; i++) annotations.set(positions[i], saved.get(i));
        return true;
    }

    private boolean saveEach(TimedRun.Recorder r, int[] positions, List<Change.Update> changes, List<Annotation> annotations)
            throws InterruptedException {
        for (int i = 0; i < positions.length; i++) {
            if (i > 0) r.think();
            if (!r.running()) return false;
            Change.Update u = changes.get(i);
            long t = System.nanoTime();
            SaveResult result = repository.update(u.id(), u.expectedRevision(), u.changed());
            if (!(result instanceof SaveResult.Saved(Annotation saved))) {
                r.error(Op.SAVE, "update: " + result.getClass().getSimpleName());
                return false;
            }
            r.done(Op.SAVE, t);
            r.saved(1, t);
            annotations.set(positions[i], saved);
        }
        return true;
    }
}
