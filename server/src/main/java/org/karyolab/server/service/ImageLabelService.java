package org.karyolab.server.service;

import org.karyolab.schema.api.ServerEvent;
import org.karyolab.learning.karyotype.KaryotypeService;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.ImageLabelsAt;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Mode;
import org.karyolab.server.store.ImageLabelRepository;
import org.karyolab.server.store.ImageLabelRepository.SetResult;
import org.karyolab.server.store.ImageLabelRepository.StoredLabels;
import org.karyolab.server.store.ImageRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The labels of a whole image: the cell's karyotype in ISCN and quality flags. Saved with a revision
 * (compare-and-set), like annotations, so a stale save is a conflict and never a silent overwrite.
 */
public final class ImageLabelService {

    /** Labels as sent: {@code revision} 0 and no author when no one has set them yet. */
    static ImageLabelsAt wire(StoredLabels s) {
        return new ImageLabelsAt(s.labels(), s.revision(), s.changedBy(), s.changedAt());
    }

    private final ImageLabelRepository labels;
    private final ImageRepository images;
    private final EventBus events;
    private final LeaseCheck leases;

    /** @param leases who may write to a leased image, asked before every save */
    public ImageLabelService(ImageLabelRepository labels, ImageRepository images, EventBus events, LeaseCheck leases) {
        this.labels = Objects.requireNonNull(labels);
        this.images = Objects.requireNonNull(images);
        this.events = Objects.requireNonNull(events);
        this.leases = Objects.requireNonNull(leases);
    }

    /** The image's labels, {@link ImageLabels#EMPTY} at revision 0 when never set. */
    public Outcome<ImageLabelsAt> get(String imageId) {
        if (images.projectOf(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        return Outcome.done(wire(labels.current(imageId).orElse(StoredLabels.none(imageId))));
    }

    /** Every saved revision of the image's labels, oldest first. */
    public Outcome<List<ImageLabelsAt>> history(String imageId) {
        if (images.projectOf(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        return Outcome.done(labels.history(imageId).stream().map(ImageLabelService::wire).toList());
    }

    /**
     * Saves {@code wanted}, by {@code writer}, if the labels are still at {@code expectedRevision} (0: never set).
     * The karyotype, if any, must parse as ISCN (lenient mode: lab-style spacing and case are accepted, garbage
     * is not). Someone else's live lease of the image refuses it ({@link LeaseCheck}).
     */
    public Outcome<ImageLabelsAt> set(String imageId, ImageLabels wanted, long expectedRevision, LeaseCheck.Writer writer) {
        if (leases.onImage(imageId, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        List<Violation> violations = new ArrayList<>(wanted.validate());
        List<IscnIssue> issues = List.of();
        String karyotype = wanted.karyotype();
        if (violations.isEmpty() && karyotype != null) {
            if (karyotype.length() > KaryotypeService.MAX_TEXT) {
                violations.add(new Violation("/karyotype", "longer than " + KaryotypeService.MAX_TEXT + " characters; no karyotype is that long"));
            } else if (Iscn.parse(karyotype, Mode.LENIENT) instanceof IscnResult.Failed failed) {
                failed.errors().stream().map(KaryotypeService::violation).forEach(violations::add);
                issues = failed.errors();
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome.Invalid<>("the image labels are not valid (the karyotype must be ISCN, e.g. 47,XX,+21); nothing was saved",
                    violations, issues);
        }
        String by = writer.username();
        return switch (labels.set(imageId, wanted, expectedRevision, by)) {
            case SetResult.Saved saved -> {
                images.projectOf(imageId).ifPresent(projectId -> events.publish(projectId,
                        new ServerEvent.ImageLabelsChanged(imageId, saved.saved().revision(), by)));
                yield Outcome.done(wire(saved.saved()));
            }
            case SetResult.NoSuchImage n -> Outcome.notFound("image", imageId);
            case SetResult.Stale stale -> new Outcome.Stale<>("labels", imageId, stale.expectedRevision(),
                    stale.current().revision(), wire(stale.current()));
        };
    }
}
