package org.karyolab.client.sync;

import org.karyolab.schema.api.AnnotationDraft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.karyolab.client.document.Contents;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Origin;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Box;

/**
 * The change tracker against a model of the server (If-Match checked, every revision kept): random edits of a
 * document, in two rounds with a diff after each, and the ops always take the base to the document, with a create,
 * update, delete or restore exactly for what changed and nothing for what did not.
 */
class ChangeTrackerPropertyTest {

    static final String IMAGE = "img";
    static final ImageAsset ASSET = new ImageAsset(IMAGE, "0".repeat(64), 640, 480, 8, ImageKind.METAPHASE, Stain.G, null, "c", null, null);

    /** One edit, by position, so that any list of them applies to any document (one that does not fit is skipped). */
    sealed interface Edit {
        record Draw(Box box, ChromosomeClass chromosomeClass) implements Edit {}

        record Move(int which, double dx) implements Edit {}

        record Relabel(int which, ChromosomeClass chromosomeClass) implements Edit {}

        record Delete(int which) implements Edit {}

        /** An undo of an earlier delete: the annotation comes back as it was. */
        record Undelete(int which) implements Edit {}
    }

    /** A document, the tracker listening to it, and the model server both started from {@code base}. */
    static final class World {
        final ImageDocument document = new ImageDocument(ASSET, "me");
        final ChangeTracker tracker = new ChangeTracker();
        final Server server;
        final List<Annotation> deleted = new ArrayList<>();
        int drawn;

        World(List<Annotation> base) {
            document.load(base, List.of(), ImageLabels.EMPTY);
            tracker.reset(base, List.of());
            server = new Server(base);
            document.addListener(e -> {
                if (e.origin() == Origin.EDIT) tracker.mark(e);
            });
        }

        void edit(List<Edit> edits) {
            edits.forEach(this::edit);
        }

        void edit(Edit edit) {
            List<Annotation> all = document.annotations();
            switch (edit) {
                case Edit.Draw d -> document.add(List.of(new Annotation("new-" + drawn++, IMAGE, d.box(),
                        AnnotationLabels.ofClass(d.chromosomeClass(), null), Provenance.human("me"), 0, AnnotationStatus.DRAFT, null, null)),
                        Origin.EDIT);
                case Edit.Move m when !all.isEmpty() -> {
                    Annotation a = all.get(m.which() % all.size());
                    Box b = (Box) a.shape();
                    document.replace(List.of(with(a, new Box(b.x() + m.dx(), b.y(), b.width(), b.height()), a.labels())), Origin.EDIT);
                }
                case Edit.Relabel r when !all.isEmpty() -> {
                    Annotation a = all.get(r.which() % all.size());
                    document.replace(List.of(with(a, a.shape(), AnnotationLabels.ofClass(r.chromosomeClass(), null))), Origin.EDIT);
                }
                case Edit.Delete d when !all.isEmpty() -> {
                    Annotation a = all.get(d.which() % all.size());
                    deleted.add(a);
                    document.remove(List.of(a.id()), Origin.EDIT);
                }
                case Edit.Undelete u when !deleted.isEmpty() -> {
                    Annotation a = deleted.remove(u.which() % deleted.size());
                    if (!document.contains(a.id())) document.add(List.of(a), Origin.EDIT);
                }
                default -> { }
            }
        }

        /** Diffs, checks the ops are exactly the changes, applies them to the server and checks it shows the document. */
        List<SyncOp> diffAndApply() {
            List<SyncOp> ops = tracker.diff(document, id -> false);
            assertExactlyTheChanges(ops);
            ops.forEach(server::apply);
            assertServerShowsTheDocument();
            return ops;
        }

        private void assertExactlyTheChanges(List<SyncOp> ops) {
            var creates = new HashSet<String>();
            var updates = new HashSet<String>();
            var deletes = new HashSet<String>();
            var restores = new HashSet<String>();
            for (Annotation mine : document.annotations()) {
                String id = mine.id();
                Annotation theirs = server.live.get(id);
                if (theirs == null && server.revisions.containsKey(id)) {
                    restores.add(id);
                    theirs = server.history.get(id).get(server.revisions.get(id) - 1);
                }
                if (theirs == null) creates.add(id);
                else if (!sameContent(mine, theirs)) updates.add(id);
            }
            server.live.keySet().stream().filter(id -> !document.contains(id)).forEach(deletes::add);

            var changes = ops.stream().filter(op -> op instanceof SyncOp.Batch).flatMap(op -> ((SyncOp.Batch) op).changes().stream()).toList();
            assertThat(targets(changes, "create")).as("creates").containsExactlyInAnyOrderElementsOf(creates);
            assertThat(targets(changes, "update")).as("updates: what changed, nothing else").containsExactlyInAnyOrderElementsOf(updates);
            assertThat(targets(changes, "delete")).as("deletes").containsExactlyInAnyOrderElementsOf(deletes);
            assertThat(ops.stream().filter(op -> op instanceof SyncOp.Restore).map(op -> ((SyncOp.Restore) op).id()).toList())
                    .as("restores").containsExactlyInAnyOrderElementsOf(restores);
            assertThat(ops).allMatch(op -> op instanceof SyncOp.Batch || op instanceof SyncOp.Restore);
        }

        private void assertServerShowsTheDocument() {
            assertThat(server.live.keySet()).containsExactlyInAnyOrderElementsOf(document.annotations().stream().map(Annotation::id).toList());
            for (Annotation mine : document.annotations()) {
                Annotation theirs = server.live.get(mine.id());
                assertThat(sameContent(mine, theirs)).as("%s on the server", mine.id()).isTrue();
                Annotation base = tracker.base(mine.id());
                assertThat(base.revision()).as("the base predicts the server's revision").isEqualTo(theirs.revision());
                assertThat(Contents.same(base, theirs)).as("the base predicts the server's content").isTrue();
            }
            deleted.forEach(a -> {
                if (!document.contains(a.id())) assertThat(tracker.base(a.id())).isNull();
            });
        }
    }

    /** What the server would do with the ops: If-Match on every update, delete and restore; every revision kept. */
    static final class Server {
        final Map<String, Annotation> live = new HashMap<>();
        /** The current revision of every annotation the server has had (a tombstone's too). */
        final Map<String, Long> revisions = new HashMap<>();
        final Map<String, Map<Long, Annotation>> history = new HashMap<>();

        Server(List<Annotation> base) {
            base.forEach(a -> put(a, a.revision()));
        }

        void apply(SyncOp op) {
            switch (op) {
                case SyncOp.Batch b -> b.changes().forEach(this::apply);
                case SyncOp.Restore r -> {
                    assertThat(live).doesNotContainKey(r.id());
                    assertThat(revisions.get(r.id())).as("restore If-Match").isEqualTo(r.expectedRevision());
                    put(history.get(r.id()).get(r.toRevision()), r.expectedRevision() + 1);
                }
                default -> throw new AssertionError("not made by these edits: " + op);
            }
        }

        private void apply(BatchOperation c) {
            String id = c.target();
            switch (c.op()) {
                case "create" -> {
                    assertThat(revisions).as("a create of a new id").doesNotContainKey(id);
                    put(draft(c, AnnotationStatus.DRAFT), 1);
                }
                case "update" -> {
                    Annotation now = live.get(id);
                    assertThat(now).as("an update of what the server has").isNotNull();
                    assertThat(c.revision()).as("update If-Match").isEqualTo(now.revision());
                    put(draft(c, now.status()), now.revision() + 1); // an edit never sends a status
                }
                case "delete" -> {
                    Annotation now = live.remove(id);
                    assertThat(now).as("a delete of what the server has").isNotNull();
                    assertThat(c.revision()).as("delete If-Match").isEqualTo(now.revision());
                    revisions.put(id, now.revision() + 1);
                    history.get(id).put(now.revision() + 1, now);
                }
                default -> throw new AssertionError(c.op());
            }
        }

        private static Annotation draft(BatchOperation c, AnnotationStatus status) {
            AnnotationDraft d = c.annotation();
            return new Annotation(c.target(), IMAGE, d.shape(), d.labels(), d.provenance(), 0, status, null, null);
        }

        private void put(Annotation a, long revision) {
            Annotation at = a.withRevision(revision);
            live.put(a.id(), at);
            revisions.put(a.id(), revision);
            history.computeIfAbsent(a.id(), k -> new HashMap<>()).put(revision, at);
        }
    }

    @Property(tries = 400)
    void theOpsTakeTheBaseToTheDocument(@ForAll("bases") List<Annotation> base, @ForAll("edits") List<Edit> first,
                                        @ForAll("edits") List<Edit> second) {
        var world = new World(base);
        world.edit(first);
        world.diffAndApply();
        world.edit(second); // deleted ones the server has come back through a restore; revisions build on the first round
        world.diffAndApply();
    }

    @Property(tries = 200)
    void anAnnotationTouchedButNotChangedSendsNothing(@ForAll("bases") List<Annotation> base, @ForAll("edits") List<Edit> edits) {
        var world = new World(base);
        world.edit(edits);
        world.diffAndApply();
        // Mark every annotation there is or was, as edits that were all undone would: nothing differs, nothing is sent.
        world.document.annotations().forEach(a -> world.tracker.mark(a.id()));
        world.deleted.forEach(a -> world.tracker.mark(a.id()));
        base.forEach(a -> world.tracker.mark(a.id()));
        assertThat(world.tracker.diff(world.document, id -> false)).isEmpty();
        assertThat(world.tracker.hasMarks()).isFalse();
    }

    @Property(tries = 200)
    void anEditUndoneBeforeTheDiffSendsNothing(@ForAll("bases") List<Annotation> base, @ForAll("edits") List<Edit> edits) {
        var world = new World(base);
        world.edit(edits);
        world.diffAndApply();
        List<Annotation> before = world.document.annotations();
        world.edit(edits);
        // Undo all of it before the next diff: every annotation back as it was.
        world.document.annotations().stream().filter(a -> before.stream().noneMatch(b -> b.id().equals(a.id())))
                .forEach(a -> world.document.remove(List.of(a.id()), Origin.EDIT));
        for (Annotation b : before) {
            if (world.document.contains(b.id())) world.document.replace(List.of(b), Origin.EDIT);
            else world.document.add(List.of(b), Origin.EDIT);
        }
        assertThat(world.tracker.diff(world.document, id -> false)).isEmpty();
    }

    @Property(tries = 100)
    void aHeldAnnotationIsLeftOutAndItsMarkGoes(@ForAll("bases") List<Annotation> base, @ForAll("edits") List<Edit> edits) {
        var world = new World(base);
        world.edit(edits);
        Set<String> held = new HashSet<>();
        world.document.annotations().stream().limit(2).forEach(a -> held.add(a.id()));
        List<SyncOp> ops = world.tracker.diff(world.document, held::contains);
        assertThat(ops.stream().flatMap(op -> op.targets().stream())).noneMatch(held::contains);
        assertThat(world.tracker.hasMarks()).isFalse();
    }

    @Example
    void manyChangesGoInBatchesOfAThousandInOrder() {
        var world = new World(List.of());
        for (int i = 0; i < 2500; i++) world.edit(new Edit.Draw(new Box(i % 600, 10, 5, 5), ChromosomeClass.C1));
        List<SyncOp> ops = world.diffAndApply();
        assertThat(ops).extracting(SyncOp::size).containsExactly(1000, 1000, 500);
        assertThat(ops).flatMap(SyncOp::targets).containsExactlyElementsOf(IntStream.range(0, 2500).mapToObj(i -> "new-" + i).toList());
    }

    // --- generators -----------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Annotation>> bases() {
        Arbitrary<Annotation> one = Combinators.combine(boxes(), classes(), Arbitraries.longs().between(1, 4))
                .as((box, c, revision) -> new Annotation("x", IMAGE, box, AnnotationLabels.ofClass(c, null), Provenance.human("them"),
                        revision, AnnotationStatus.DRAFT, null, null));
        return one.list().ofMaxSize(8)
                .map(list -> IntStream.range(0, list.size()).mapToObj(i -> list.get(i).withId("s" + i)).toList());
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 20);
        // Moves of +-3 and three classes: edits that cancel out (an annotation touched, not changed) are common.
        return Arbitraries.<Edit>oneOf(
                Combinators.combine(boxes(), classes()).as(Edit.Draw::new),
                Combinators.combine(which, Arbitraries.of(-3.0, 3.0)).as(Edit.Move::new),
                Combinators.combine(which, classes()).as(Edit.Relabel::new),
                which.map(Edit.Delete::new),
                which.map(Edit.Undelete::new)).list().ofMaxSize(30);
    }

    private static Arbitrary<Box> boxes() {
        return Combinators.combine(Arbitraries.integers().between(10, 500), Arbitraries.integers().between(10, 400),
                Arbitraries.integers().between(5, 60), Arbitraries.integers().between(5, 60)).as(Box::new);
    }

    private static Arbitrary<ChromosomeClass> classes() {
        return Arbitraries.of(ChromosomeClass.C1, ChromosomeClass.C2, ChromosomeClass.X);
    }

    private static Annotation with(Annotation a, org.karyolab.schema.shape.Shape shape, AnnotationLabels labels) {
        return new Annotation(a.id(), a.imageId(), shape, labels, a.provenance(), a.revision(), a.status(), a.createdAt(), a.updatedAt());
    }

    private static boolean sameContent(Annotation a, Annotation b) {
        return Objects.equals(a.shape(), b.shape()) && Objects.equals(a.labels(), b.labels())
                && a.provenance().source() == b.provenance().source();
    }

    private static List<String> targets(List<BatchOperation> changes, String op) {
        return changes.stream().filter(c -> op.equals(c.op())).map(BatchOperation::target).toList();
    }
}
