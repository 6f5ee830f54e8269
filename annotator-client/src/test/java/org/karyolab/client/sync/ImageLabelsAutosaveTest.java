package org.karyolab.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.command.Edits;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.ImageLabelsAt;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.Problems;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.QualityFlag;

/**
 * The image's labels (karyotype of the cell, quality flags) are saved by autosave like annotations: journalled,
 * sent with If-Match, loaded with the image, and a concurrent change is a conflict, never a silent overwrite.
 */
class ImageLabelsAutosaveTest {

    static final Autosave.Settings FAST = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300));

    @TempDir
    Path serverData;
    @TempDir
    Path clientData;
    @TempDir
    Path otherClientData;

    @Test
    void aTypedKaryotypeReachesTheServerAndIsThereWhenTheImageOpensAgain() throws Exception {
        try (LiveServer server = LiveServer.start(serverData)) {
            KaryoLabClient client = server.admin();
            String imageId = server.image(client, server.project(client, "labels"), 320, 240);
            assertThat(client.imageLabels(imageId)).isEqualTo(ImageLabelsAt.NONE);
            ImageLabels typed = new ImageLabels("47,XX,+21", Set.of(QualityFlag.DEBRIS));

            try (Autosave autosave = Autosave.open(client, imageId, clientData, FAST)) {
                var undo = new UndoManager(autosave.document());
                undo.perform(Edits.setImageLabels(autosave.document(), typed));
                Autosave.Status after = autosave.flushNow();
                assertThat(after.unsentChanges()).isZero();
                assertThat(after.conflicts()).isZero();
                ImageLabelsAt saved = client.imageLabels(imageId);
                assertThat(saved.labels()).isEqualTo(typed);
                assertThat(saved.revision()).isEqualTo(1);
                assertThat(saved.changedBy()).isEqualTo(LiveServer.ADMIN);

                // Undo is an edit too: the labels before are saved as the next revision.
                undo.undo();
                autosave.flushNow();
                assertThat(client.imageLabels(imageId).labels()).isEqualTo(ImageLabels.EMPTY);
                assertThat(client.imageLabels(imageId).revision()).isEqualTo(2);
                undo.redo();
                autosave.flushNow();
                assertThat(client.imageLabels(imageId).revision()).isEqualTo(3);
                assertThat(autosave.hasUnsentEdits()).isFalse();
            }

            try (Autosave reopened = Autosave.open(client, imageId, clientData, FAST)) {
                assertThat(reopened.document().imageLabels()).isEqualTo(typed);
                // The reopened autosave knows the revision: its next edit is no conflict.
                new UndoManager(reopened.document()).perform(Edits.setImageLabels(reopened.document(), new ImageLabels("47,XY,+21", Set.of())));
                assertThat(reopened.flushNow().conflicts()).isZero();
                assertThat(client.imageLabels(imageId).revision()).isEqualTo(4);
                assertThat(client.imageLabels(imageId).labels().karyotype()).isEqualTo("47,XY,+21");
            }
        }
    }

    @Test
    void aConcurrentChangeByAnotherExpertIsAConflictNotAnOverwrite() throws Exception {
        try (LiveServer server = LiveServer.start(serverData)) {
            KaryoLabClient admin = server.admin();
            String projectId = server.project(admin, "labels-conflict");
            String imageId = server.image(admin, projectId, 320, 240);
            KaryoLabClient anna = server.annotator("anna", projectId);
            KaryoLabClient ben = server.annotator("ben", projectId);
            var seen = new CopyOnWriteArrayList<LabelsConflict>();

            try (Autosave annas = Autosave.open(anna, imageId, clientData, FAST);
                 Autosave bens = Autosave.open(ben, imageId, otherClientData, FAST)) {
                bens.addListener(new Autosave.Listener() {
                    public void labelsConflict(LabelsConflict c) {
                        seen.add(c);
                    }
                });
                new UndoManager(annas.document()).perform(Edits.setImageLabels(annas.document(),
                        new ImageLabels("46,XX", Set.of(QualityFlag.BLURRED))));
                annas.flushNow();
                new UndoManager(bens.document()).perform(Edits.setImageLabels(bens.document(), new ImageLabels("46,XY", Set.of())));
                Autosave.Status status = bens.flushNow();

                assertThat(status.conflicts()).isEqualTo(1);
                assertThat(bens.hasUnsentEdits()).isTrue();
                assertThat(seen).hasSize(1);
                LabelsConflict c = seen.getFirst();
                assertThat(bens.labelsConflict()).contains(c);
                assertThat(c.mine()).isEqualTo(new ImageLabels("46,XY", Set.of()));
                assertThat(c.theirs()).isEqualTo(new ImageLabels("46,XX", Set.of(QualityFlag.BLURRED)));
                assertThat(c.theirRevision()).isEqualTo(1);
                assertThat(c.theirAuthor()).isEqualTo("anna");
                assertThat(c.ancestor()).isEqualTo(ImageLabels.EMPTY);
                assertThat(c.merge()).as("my karyotype, their flag").isEqualTo(new ImageLabels("46,XY", Set.of(QualityFlag.BLURRED)));
                assertThat(admin.imageLabels(imageId).labels().karyotype()).as("nothing overwritten").isEqualTo("46,XX");
                assertThat(bens.document().imageLabels().karyotype()).as("mine still shown").isEqualTo("46,XY");
                assertThat(bens.journalPending()).isZero();

                bens.resolveLabels(c.merge());
                waitUntil(() -> !bens.hasUnsentEdits());
                ImageLabelsAt now = admin.imageLabels(imageId);
                assertThat(now.labels()).isEqualTo(new ImageLabels("46,XY", Set.of(QualityFlag.BLURRED)));
                assertThat(now.revision()).isEqualTo(2);
                assertThat(now.changedBy()).isEqualTo("ben");

                // Anna takes Ben's change in when told (image-labels-changed): no conflict, her document follows.
                assertThat(annas.refreshLabels()).isTrue();
                assertThat(annas.document().imageLabels()).isEqualTo(now.labels());
                new UndoManager(annas.document()).perform(Edits.setImageLabels(annas.document(), new ImageLabels("46,XY", Set.of())));
                assertThat(annas.flushNow().conflicts()).isZero();
                assertThat(admin.imageLabels(imageId).revision()).isEqualTo(3);
            }
        }
    }

    @Test
    void keepingTheirsDropsMineAndSendsNothing() throws Exception {
        try (LiveServer server = LiveServer.start(serverData)) {
            KaryoLabClient admin = server.admin();
            String projectId = server.project(admin, "labels-theirs");
            String imageId = server.image(admin, projectId, 320, 240);
            KaryoLabClient anna = server.annotator("anna", projectId);
            try (Autosave annas = Autosave.open(anna, imageId, clientData, FAST)) {
                anna.putImageLabels(imageId, new ImageLabels("45,X", Set.of()), 0); // someone else, meanwhile
                new UndoManager(annas.document()).perform(Edits.setImageLabels(annas.document(), new ImageLabels("46,XX", Set.of())));
                annas.flushNow();
                LabelsConflict c = annas.labelsConflict().orElseThrow();
                annas.resolveLabels(c.theirs());
                assertThat(annas.flushNow().conflicts()).isZero();
                assertThat(annas.hasUnsentEdits()).isFalse();
                assertThat(annas.document().imageLabels().karyotype()).isEqualTo("45,X");
                assertThat(admin.imageLabels(imageId).revision()).isEqualTo(1);
            }
        }
    }

    @Test
    void aKaryotypeThatIsNotIscnIsRefusedWithItsPositionAndNotRetried() throws Exception {
        try (LiveServer server = LiveServer.start(serverData)) {
            KaryoLabClient client = server.admin();
            String imageId = server.image(client, server.project(client, "labels-refused"), 320, 240);
            var refusals = new CopyOnWriteArrayList<ApiException>();
            try (Autosave autosave = Autosave.open(client, imageId, clientData, FAST)) {
                autosave.addListener(new Autosave.Listener() {
                    public void refused(SyncOp op, ApiException reason) {
                        refusals.add(reason);
                    }
                });
                new UndoManager(autosave.document()).perform(Edits.setImageLabels(autosave.document(),
                        new ImageLabels("46,XY,t(9;22)(q34", Set.of())));
                Autosave.Status status = autosave.flushNow();
                assertThat(status.queuedOps()).isZero();
                assertThat(autosave.journalPending()).isZero();
                assertThat(refusals).singleElement().isInstanceOf(Problems.InvalidException.class);
                assertThat(refusals.getFirst().violations()).anyMatch(v -> v.pointer().equals("/karyotype") && v.message().contains("column"));
                assertThat(client.imageLabels(imageId).revision()).isZero();

                // Corrected, it goes through on top of the server's revision.
                new UndoManager(autosave.document()).perform(Edits.setImageLabels(autosave.document(),
                        new ImageLabels("46,XY,t(9;22)(q34;q11.2)", Set.of())));
                assertThat(autosave.flushNow().conflicts()).isZero();
                assertThat(client.imageLabels(imageId).labels().karyotype()).isEqualTo("46,XY,t(9;22)(q34;q11.2)");
            }
        }
    }

    @Test
    void labelsEditedWhileTheServerIsAwayAreJournalledAndSentWhenItIsBack() throws Exception {
        int port = LiveServer.freePort();
        LiveServer server = LiveServer.start(serverData, port);
        KaryoLabClient client = server.admin();
        String imageId = server.image(client, server.project(client, "labels-offline"), 320, 240);
        try (Autosave autosave = Autosave.open(client, imageId, clientData, FAST)) {
            server.close(); // the server goes away
            var undo = new UndoManager(autosave.document());
            undo.perform(Edits.setImageLabels(autosave.document(), new ImageLabels("46,XX", Set.of())));
            assertThat(autosave.flushNow().online()).isFalse();
            undo.perform(Edits.setImageLabels(autosave.document(), new ImageLabels("47,XX,+21", Set.of(QualityFlag.INCOMPLETE))));
            Autosave.Status offline = autosave.flushNow();
            assertThat(offline.online()).isFalse();
            assertThat(offline.queuedOps()).isEqualTo(2);
            List<String> lines = Files.readAllLines(autosave.journalFile());
            assertThat(lines).hasSize(2).allMatch(l -> l.contains("\"kind\":\"labels\""));
            assertThat(lines.get(0)).contains("\"expectedRevision\":0").contains("46,XX");
            assertThat(lines.get(1)).contains("\"expectedRevision\":1").contains("47,XX,+21");

            try (LiveServer again = LiveServer.start(serverData, port)) {
                waitUntil(() -> !autosave.hasUnsentEdits());
                assertThat(autosave.journalPending()).isZero();
                ImageLabelsAt now = again.admin().imageLabels(imageId);
                assertThat(now.revision()).isEqualTo(2);
                assertThat(now.labels()).isEqualTo(new ImageLabels("47,XX,+21", Set.of(QualityFlag.INCOMPLETE)));
            }
        }
    }

    @Test
    void labelsLeftInTheJournalByAClosedClientAreSentBeforeTheImageOpensAgain() throws Exception {
        int port = LiveServer.freePort();
        LiveServer server = LiveServer.start(serverData, port);
        KaryoLabClient client = server.admin();
        String imageId = server.image(client, server.project(client, "labels-recovery"), 320, 240);
        Autosave autosave = Autosave.open(client, imageId, clientData, FAST);
        server.close();
        new UndoManager(autosave.document()).perform(Edits.setImageLabels(autosave.document(), new ImageLabels("46,XY", Set.of())));
        autosave.close(); // the expert quits offline: the labels are in the journal
        assertThat(Files.readAllLines(autosave.journalFile())).singleElement().asString().contains("\"kind\":\"labels\"");

        try (LiveServer again = LiveServer.start(serverData, port);
             Autosave reopened = Autosave.open(again.admin(), imageId, clientData, FAST)) {
            assertThat(reopened.document().imageLabels().karyotype()).isEqualTo("46,XY");
            assertThat(reopened.journalPending()).isZero();
            assertThat(again.admin().imageLabels(imageId).revision()).isEqualTo(1);
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        AutosaveTest.waitUntil(condition);
    }
}
