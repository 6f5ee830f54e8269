package org.karyolab.client.sync;

import org.karyolab.schema.api.ServerEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.LossyProxy;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationSource;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;

/** Autosave against a real server: batches, revisions, conflicts, suggestions, lost answers. */
class AutosaveTest {

    static final Autosave.Settings FAST = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(400));

    @TempDir
    static Path serverData;
    static LiveServer server;
    static KaryoLabClient admin;

    @TempDir
    Path clientData;
    String projectId;
    String imageId;
    final List<Conflict> conflicts = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        server = LiveServer.start(serverData);
        admin = server.admin();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void image() {
        projectId = server.project(admin, "autosave-" + System.nanoTime());
        imageId = server.image(admin, projectId, 640, 480);
    }

    private Autosave open(KaryoLabClient client) {
        Autosave autosave = Autosave.open(client, imageId, clientData, FAST);
        autosave.addListener(new Autosave.Listener() {
            public void conflict(Conflict c) {
                conflicts.add(c);
            }

            public void refused(SyncOp op, org.karyolab.client.net.ApiException reason) {
                refusals.add(reason.detail());
            }
        });
        return autosave;
    }

    private static String draw(UndoManager undo, ImageDocument doc, Box box) {
        var add = (Commands.AddAnnotations) Edits.add(doc, box, AnnotationLabels.EMPTY);
        undo.perform(add);
        return add.annotations().getFirst().id();
    }

    @Test
    void editsReachTheServerInBatchesWithTheRevisionsTheyWereBasedOn() throws Exception {
        try (Autosave autosave = open(admin)) {
            ImageDocument doc = autosave.document();
            var undo = new UndoManager(doc);
            String a = draw(undo, doc, new Box(10, 10, 30, 80));
            String b = draw(undo, doc, new Box(100, 10, 30, 80));
            undo.perform(Edits.setClass(doc, List.of(a), ChromosomeClass.C21));
            assertThat(autosave.hasUnsentEdits()).isTrue();
            assertThat(autosave.status().unsentChanges()).isEqualTo(2);

            // The debounce sends without being asked.
            waitUntil(() -> !autosave.hasUnsentEdits());
            List<Annotation> onServer = admin.annotations(imageId);
            assertThat(onServer).extracting(Annotation::id).containsExactlyInAnyOrder(a, b);
            assertThat(onServer).allMatch(x -> x.revision() == 1); // draw + label before the flush: one create
            assertThat(admin.annotation(a).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C21);
            assertThat(doc.annotation(a).revision()).isEqualTo(1);

            undo.perform(Edits.translate(doc, List.of(a), 5, 0));
            undo.perform(Edits.translate(doc, List.of(a), 5, 0));
            undo.perform(Edits.delete(doc, List.of(b)));
            autosave.flushNow();
            assertThat(admin.annotation(a).revision()).as("two moves in one flush: one update").isEqualTo(2);
            assertThat(admin.annotation(a).shape()).isEqualTo(new Box(20, 10, 30, 80));
            assertThat(doc.annotation(a).revision()).isEqualTo(2);
            assertThat(admin.annotations(imageId)).extracting(Annotation::id).containsExactly(a);

            // Undo of a delete the server already has: the annotation comes back through revert.
            undo.undo();
            autosave.flushNow();
            assertThat(admin.annotations(imageId)).extracting(Annotation::id).containsExactlyInAnyOrder(a, b);
            List<HistoryEntry> history = admin.history(b);
            assertThat(history).extracting(HistoryEntry::kind).containsExactly("created", "deleted", "reverted");

            // An edit undone before the flush sends nothing.
            undo.perform(Edits.translate(doc, List.of(a), 1, 1));
            undo.undo();
            autosave.flushNow();
            assertThat(admin.annotation(a).revision()).isEqualTo(2);
            assertThat(autosave.hasUnsentEdits()).isFalse();
            assertThat(autosave.journalPending()).isZero();
            assertThat(refusals).isEmpty();
        }
    }

    /** A second annotator changes the same annotation first. */
    private Conflict conflictOn(Autosave autosave, UndoManager undo, String id, KaryoLabClient other) {
        ImageDocument doc = autosave.document();
        Annotation theirs = other.annotation(id);
        other.saveBatch(imageId, List.of(BatchOperation.update(new Annotation(id, imageId, theirs.shape(),
                AnnotationLabels.ofClass(ChromosomeClass.X, null), theirs.provenance(), 1, theirs.status(), null, null), 1)));
        undo.perform(Edits.translate(doc, List.of(id), 7, 0));
        autosave.flushNow();
        assertThat(conflicts).hasSize(1);
        Conflict c = conflicts.getFirst();
        assertThat(c.mine().shape()).isEqualTo(new Box(17, 10, 30, 80));
        assertThat(c.mine().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C1);
        assertThat(c.theirs().labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
        assertThat(c.theirs().shape()).isEqualTo(new Box(10, 10, 30, 80));
        assertThat(c.theirRevision()).isEqualTo(2);
        assertThat(c.ancestor().revision()).isEqualTo(1);
        assertThat(autosave.conflicts()).containsExactly(c);
        assertThat(autosave.hasUnsentEdits()).as("an unsettled conflict counts as unsent").isTrue();
        return c;
    }

    private String savedBox(Autosave autosave, UndoManager undo) {
        ImageDocument doc = autosave.document();
        String id = draw(undo, doc, new Box(10, 10, 30, 80));
        undo.perform(Edits.setClass(doc, List.of(id), ChromosomeClass.C1));
        autosave.flushNow();
        return id;
    }

    @Test
    void keepMineSendsMyVersionOnTopOfTheirs() {
        KaryoLabClient bo = server.annotator("bo-" + System.nanoTime(), projectId);
        try (Autosave autosave = open(admin)) {
            var undo = new UndoManager(autosave.document());
            String id = savedBox(autosave, undo);
            String other = draw(undo, autosave.document(), new Box(200, 10, 30, 80));
            Conflict c = conflictOn(autosave, undo, id, bo);
            // The rest of the batch was not held back by the conflict.
            assertThat(admin.annotations(imageId)).extracting(Annotation::id).contains(other);
            autosave.resolve(c, new Conflict.Resolution.KeepMine());
            autosave.flushNow();
            Annotation now = admin.annotation(id);
            assertThat(now.revision()).isEqualTo(3);
            assertThat(now.shape()).isEqualTo(new Box(17, 10, 30, 80));
            assertThat(now.labels().chromosomeClass()).isEqualTo(ChromosomeClass.C1);
            assertThat(autosave.hasUnsentEdits()).isFalse();
        }
    }

    @Test
    void keepTheirsDropsMine() {
        KaryoLabClient bo = server.annotator("bo-" + System.nanoTime(), projectId);
        try (Autosave autosave = open(admin)) {
            var undo = new UndoManager(autosave.document());
            String id = savedBox(autosave, undo);
            Conflict c = conflictOn(autosave, undo, id, bo);
            autosave.resolve(c, new Conflict.Resolution.KeepTheirs());
            autosave.flushNow();
            assertThat(autosave.document().annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
            assertThat(autosave.document().annotation(id).shape()).isEqualTo(new Box(10, 10, 30, 80));
            assertThat(admin.annotation(id).revision()).isEqualTo(2);
            assertThat(autosave.hasUnsentEdits()).isFalse();
        }
    }

    @Test
    void mergeKeepsMyShapeAndTheirLabels() {
        KaryoLabClient bo = server.annotator("bo-" + System.nanoTime(), projectId);
        try (Autosave autosave = open(admin)) {
            var undo = new UndoManager(autosave.document());
            String id = savedBox(autosave, undo);
            Conflict c = conflictOn(autosave, undo, id, bo);
            Annotation merged = c.merge();
            assertThat(merged.shape()).isEqualTo(new Box(17, 10, 30, 80));
            assertThat(merged.labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
            assertThat(c.mineShapeTheirLabels().shape()).isEqualTo(merged.shape());
            autosave.resolve(c, new Conflict.Resolution.Merged(merged));
            autosave.flushNow();
            Annotation now = admin.annotation(id);
            assertThat(now.revision()).isEqualTo(3);
            assertThat(now.shape()).isEqualTo(new Box(17, 10, 30, 80));
            assertThat(now.labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
            assertThat(autosave.document().annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
        }
    }

    @Test
    void anEditOfWhatSomeoneElseDeletedIsAConflictAndKeepMineRestoresIt() {
        KaryoLabClient bo = server.annotator("bo-" + System.nanoTime(), projectId);
        try (Autosave autosave = open(admin)) {
            var undo = new UndoManager(autosave.document());
            String id = savedBox(autosave, undo);
            bo.saveBatch(imageId, List.of(BatchOperation.delete(id, 1)));
            undo.perform(Edits.translate(autosave.document(), List.of(id), 3, 0));
            autosave.flushNow();
            assertThat(conflicts).hasSize(1);
            Conflict c = conflicts.getFirst();
            assertThat(c.deletedByThem()).isTrue();
            assertThat(c.theirRevision()).isEqualTo(2);
            autosave.resolve(c, new Conflict.Resolution.KeepMine());
            autosave.flushNow();
            Annotation back = admin.annotation(id);
            assertThat(back.shape()).isEqualTo(new Box(13, 10, 30, 80));
            assertThat(admin.history(id)).extracting(HistoryEntry::kind).containsExactly("created", "deleted", "reverted", "updated");
        }
    }

    @Test
    void suggestionsAreAcceptedAndRejectedThroughTheirRoutes() {
        server.suggest(imageId, LiveServer.boxSuggestions(List.of(
                new double[] {10, 10, 20, 60, 1, 0.3}, new double[] {50, 10, 20, 60, 2, 0.75},
                new double[] {90, 10, 20, 60, 3, 0.95}, new double[] {130, 10, 20, 60, 4, 0.9})));
        try (Autosave autosave = open(admin)) {
            ImageDocument doc = autosave.document();
            var undo = new UndoManager(doc);
            assertThat(doc.openSuggestions()).hasSize(4);
            ModelSuggestion low = doc.openSuggestions().stream().filter(s -> s.confidence() < 0.5).findFirst().orElseThrow();
            ModelSuggestion four = doc.openSuggestions().stream().filter(s -> s.confidence() == 0.9).findFirst().orElseThrow();
            undo.perform(Edits.rejectSuggestion(doc, low.id()));
            undo.perform(Edits.rejectSuggestion(doc, four.id()));
            undo.undo(); // un-rejected before it was sent: nothing goes to the server for it
            undo.perform(Edits.acceptAbove(doc, 0.7));
            assertThat(doc.size()).isEqualTo(3);
            String edited = doc.annotations().stream().filter(a -> a.labels().chromosomeClass() == ChromosomeClass.C2)
                    .findFirst().orElseThrow().id();
            undo.perform(Edits.translate(doc, List.of(edited), 4, 0)); // edited before it was saved
            autosave.flushNow();

            assertThat(refusals).isEmpty();
            List<ModelSuggestion> all = admin.suggestions(imageId, true);
            assertThat(all).filteredOn(s -> s.id().equals(low.id())).extracting(ModelSuggestion::state).containsExactly(SuggestionState.REJECTED);
            assertThat(all).extracting(ModelSuggestion::state)
                    .containsExactlyInAnyOrder(SuggestionState.REJECTED, SuggestionState.EDITED, SuggestionState.ACCEPTED, SuggestionState.ACCEPTED);
            List<Annotation> saved = admin.annotations(imageId);
            assertThat(saved).hasSize(3);
            // The document now uses the ids the server gave; the old ids still resolve.
            assertThat(doc.annotations()).extracting(Annotation::id).containsExactlyInAnyOrderElementsOf(saved.stream().map(Annotation::id).toList());
            assertThat(doc.annotation(edited).shape()).isEqualTo(new Box(54, 10, 20, 60));
            Annotation editedOnServer = admin.annotation(doc.resolve(edited));
            assertThat(editedOnServer.provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_EDITED);
            assertThat(editedOnServer.revision()).isEqualTo(2);
            assertThat(saved).filteredOn(a -> a.labels().chromosomeClass() == ChromosomeClass.C3)
                    .allMatch(a -> a.provenance().source() == AnnotationSource.SUGGESTION_ACCEPTED && "yolo-chrom".equals(a.provenance().modelId()));

            // Accepted, saved, then edited: the update says suggestion-edited.
            String three = saved.stream().filter(a -> a.labels().chromosomeClass() == ChromosomeClass.C3).findFirst().orElseThrow().id();
            undo.perform(Edits.setClass(doc, List.of(three), ChromosomeClass.C5));
            autosave.flushNow();
            assertThat(admin.annotation(three).provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_EDITED);
            assertThat(admin.annotation(three).revision()).isEqualTo(2);

            // Undo the whole accept-above after it was saved: the annotations are deleted on the server.
            undo.undo();
            undo.undo();
            undo.undo();
            autosave.flushNow();
            assertThat(admin.annotations(imageId)).isEmpty();
            assertThat(autosave.hasUnsentEdits()).isFalse();
            assertThat(refusals).isEmpty();
        }
    }

    @Test
    void aBatchRetriedAfterItsAnswerWasLostDoesNotDuplicateCreates() throws Exception {
        try (LossyProxy proxy = new LossyProxy(server.port())) {
            var viaProxy = new KaryoLabClient(proxy.url(), Duration.ofSeconds(10));
            viaProxy.login(LiveServer.ADMIN, LiveServer.ADMIN_PASSWORD);
            try (Autosave autosave = open(viaProxy)) {
                ImageDocument doc = autosave.document();
                var undo = new UndoManager(doc);
                String a = draw(undo, doc, new Box(10, 10, 30, 80));
                proxy.loseNextAnswerTo("/annotations/batch");
                Autosave.Status afterLoss = autosave.flushNow();
                assertThat(proxy.dropped()).isEqualTo(1);
                assertThat(afterLoss.online()).isFalse();
                assertThat(afterLoss.queuedOps()).isEqualTo(1);
                assertThat(admin.annotations(imageId)).as("the server did the work").hasSize(1);

                waitUntil(() -> !autosave.hasUnsentEdits()); // the retry finds it applied
                assertThat(admin.annotations(imageId)).extracting(Annotation::id).containsExactly(a);
                assertThat(admin.history(a)).hasSize(1);

                // The same for an update.
                undo.perform(Edits.translate(doc, List.of(a), 2, 0));
                proxy.loseNextAnswerTo("/annotations/batch");
                autosave.flushNow();
                waitUntil(() -> !autosave.hasUnsentEdits());
                assertThat(admin.history(a)).hasSize(2);
                undo.perform(Edits.translate(doc, List.of(a), 2, 0));
                autosave.flushNow();
                assertThat(admin.annotation(a).revision()).isEqualTo(3);
                assertThat(admin.annotation(a).shape()).isEqualTo(new Box(14, 10, 30, 80));
                assertThat(conflicts).isEmpty();
            }
        }
    }

    @Test
    void contentTheServerRefusesIsReportedWithItsViolations() {
        try (Autosave autosave = open(admin)) {
            ImageDocument doc = autosave.document();
            // Bypass the command checks to send something the server refuses: a box outside the image.
            doc.add(List.of(new Annotation("bad-1", imageId, new Box(600, 10, 100, 10), AnnotationLabels.EMPTY,
                    org.karyolab.schema.Provenance.human("admin"), 0, null, null, null)), org.karyolab.client.document.Origin.EDIT);
            autosave.flushNow();
            assertThat(refusals).singleElement().asString().contains("not valid");
            assertThat(autosave.hasUnsentEdits()).isFalse();
            assertThat(autosave.status().lastError()).contains("422");
        }
    }

    @Test
    void anEditOfAnImageSomeoneElseHoldsIsRolledBackNamingTheHolder() {
        KaryoLabClient bo = server.annotator("bo-" + System.nanoTime(), projectId);
        var lease = bo.nextImage(projectId).orElseThrow();
        assertThat(lease.imageId()).isEqualTo(imageId);
        try (Autosave autosave = open(admin)) {
            var undo = new UndoManager(autosave.document());
            String id = draw(undo, autosave.document(), new Box(10, 10, 30, 80));
            autosave.flushNow();
            // 423 leased: refused for good, rolled back, and the refusal says who holds it until when
            assertThat(refusals).singleElement().asString().contains(bo.username()).contains("until");
            assertThat(autosave.document().contains(id)).isFalse();
            assertThat(autosave.hasUnsentEdits()).isFalse();
            assertThat(autosave.status().lastError()).contains("423");
            assertThat(admin.annotations(imageId)).isEmpty();
        }
    }

    @Test
    void someoneElsesSavedChangeIsTakenInUnlessIHaveAnUnsentEditOfIt() throws Exception {
        KaryoLabClient bo = server.annotator("bo-" + System.nanoTime(), projectId);
        try (Autosave autosave = open(admin)) {
            var undo = new UndoManager(autosave.document());
            String id = savedBox(autosave, undo);
            var seen = new java.util.concurrent.LinkedBlockingQueue<String>();
            // Last-Event-ID 0: the server replays its buffer first, so bo's save is seen even if it lands
            // before the stream is connected (no waiting for the subscription).
            try (var stream = admin.events(projectId, "0", e -> {
                if (e.event() instanceof ServerEvent.AnnotationSaved s && s.by() != null && s.by().startsWith("bo")) seen.add(s.annotationId());
            })) {
                Annotation theirs = bo.annotation(id);
                bo.saveBatch(imageId, List.of(BatchOperation.update(new Annotation(id, imageId, new Box(30, 10, 30, 80),
                        theirs.labels(), theirs.provenance(), 1, theirs.status(), null, null), 1)));
                String changed = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(changed).isEqualTo(id);
                assertThat(autosave.refresh(changed)).isTrue();
                assertThat(autosave.document().annotation(id).shape()).isEqualTo(new Box(30, 10, 30, 80));
                assertThat(autosave.document().annotation(id).revision()).isEqualTo(2);
                assertThat(autosave.hasUnsentEdits()).as("taken from the server, not an edit of mine").isFalse();

                undo.perform(Edits.translate(autosave.document(), List.of(id), 1, 0));
                assertThat(autosave.refresh(id)).as("my unsent edit is not overwritten").isFalse();
                autosave.flushNow();
                assertThat(admin.annotation(id).shape()).isEqualTo(new Box(31, 10, 30, 80));
                assertThat(admin.annotation(id).revision()).isEqualTo(3);
            }
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(20);
        }
    }
}
