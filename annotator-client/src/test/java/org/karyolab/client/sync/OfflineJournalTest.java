package org.karyolab.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.ServerUnreachableException;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;

/**
 * The server goes away while the expert keeps working: edits go to the journal on disk, in order,
 * and reach the restarted server (same data dir, same port) when it is back; nothing is lost.
 */
class OfflineJournalTest {

    static final Autosave.Settings FAST = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300));

    @TempDir
    Path serverData;
    @TempDir
    Path clientData;

    @Test
    void editsMadeWhileTheServerIsDownAreJournaledAndSentInOrderWhenItReturns() throws Exception {
        int port = LiveServer.freePort();
        LiveServer server = LiveServer.start(serverData, port);
        KaryoLabClient client = server.admin();
        String projectId = server.project(client, "offline");
        String imageId = server.image(client, projectId, 640, 480);
        var statuses = new java.util.concurrent.CopyOnWriteArrayList<Autosave.Status>();

        try (Autosave autosave = Autosave.open(client, imageId, clientData, FAST)) {
            autosave.addListener(new Autosave.Listener() {
                public void statusChanged(Autosave.Status s) {
                    statuses.add(s);
                }
            });
            ImageDocument doc = autosave.document();
            var undo = new UndoManager(doc);
            var add = (Commands.AddAnnotations) Edits.add(doc, new Box(10, 10, 30, 80), AnnotationLabels.EMPTY);
            undo.perform(add);
            String a = add.annotations().getFirst().id();
            autosave.flushNow();
            assertThat(autosave.status().online()).isTrue();

            server.close(); // the server goes away

            undo.perform(Edits.translate(doc, List.of(a), 10, 0));
            Autosave.Status first = autosave.flushNow();
            assertThat(first.online()).isFalse();
            assertThat(first.queuedOps()).isEqualTo(1);
            undo.perform(Edits.setClass(doc, List.of(a), ChromosomeClass.C7));
            autosave.flushNow();
            var second = (Commands.AddAnnotations) Edits.add(doc, new Box(200, 10, 30, 80), AnnotationLabels.EMPTY);
            undo.perform(second);
            String b = second.annotations().getFirst().id();
            autosave.flushNow();
            undo.perform(Edits.setClass(doc, List.of(a), ChromosomeClass.C7)); // no change: nothing queued
            undo.perform(Edits.translate(doc, List.of(a), 0, 5));
            Autosave.Status offline = autosave.flushNow();

            // Every edit is on disk, in order, and the document still shows all of it.
            assertThat(offline.queuedOps()).isEqualTo(4);
            assertThat(offline.unsentChanges()).isEqualTo(4);
            assertThat(autosave.journalPending()).isEqualTo(4);
            assertThat(autosave.hasUnsentEdits()).isTrue();
            List<String> lines = Files.readAllLines(autosave.journalFile());
            assertThat(lines).hasSize(4).allMatch(l -> l.contains("\"kind\":\"batch\""));
            assertThat(lines.get(0)).contains("\"op\":\"update\"").contains("\"revision\":1");
            assertThat(lines.get(1)).contains("\"revision\":2").contains("\"chromosomeClass\":\"7\"");
            assertThat(lines.get(2)).contains("\"op\":\"create\"").contains(b);
            assertThat(lines.get(3)).contains("\"revision\":3");
            assertThat(doc.annotation(a).shape()).isEqualTo(new Box(20, 15, 30, 80));
            assertThat(statuses).anyMatch(s -> !s.online());

            // Back, on the same data and port: the retry timer drains the journal by itself.
            try (LiveServer again = LiveServer.start(serverData, port)) {
                AutosaveTest.waitUntil(() -> !autosave.hasUnsentEdits());
                assertThat(autosave.status().online()).isTrue();
                assertThat(autosave.journalPending()).isZero();
                assertThat(Files.size(autosave.journalFile())).as("emptied once everything was acknowledged").isZero();

                KaryoLabClient admin = again.admin();
                List<HistoryEntry> history = admin.history(a);
                assertThat(history).extracting(HistoryEntry::revision).containsExactly(1L, 2L, 3L, 4L);
                assertThat(history.get(1).annotation().shape()).isEqualTo(new Box(20, 10, 30, 80));
                assertThat(history.get(2).annotation().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);
                assertThat(history.get(3).annotation().shape()).isEqualTo(new Box(20, 15, 30, 80));
                assertThat(admin.annotations(imageId)).extracting(Annotation::id).containsExactlyInAnyOrder(a, b);
                assertThat(doc.annotation(a).revision()).isEqualTo(4);
            }
        }
    }

    @Test
    void aJournalLeftByAClosedClientIsSentBeforeTheImageOpensAgain() throws Exception {
        int port = LiveServer.freePort();
        String imageId;
        String a;
        LiveServer server = LiveServer.start(serverData, port);
        KaryoLabClient client = server.admin();
        imageId = server.image(client, server.project(client, "recovery"), 640, 480);
        Autosave autosave = Autosave.open(client, imageId, clientData, FAST);
        ImageDocument doc = autosave.document();
        var undo = new UndoManager(doc);
        server.close();
        var add = (Commands.AddAnnotations) Edits.add(doc, new Box(10, 10, 30, 80), AnnotationLabels.EMPTY);
        undo.perform(add);
        a = add.annotations().getFirst().id();
        undo.perform(Edits.setClass(doc, List.of(a), ChromosomeClass.X));
        autosave.flushNow();
        undo.perform(Edits.translate(doc, List.of(a), 1, 1));
        autosave.close(); // the expert quits (the UI asked first: hasUnsentEdits was true)
        Path journal = autosave.journalFile();
        assertThat(Files.readAllLines(journal)).hasSize(2);

        // Opening while the server is still away fails, and keeps the journal.
        var offlineClient = new KaryoLabClient("http://127.0.0.1:" + port, Duration.ofSeconds(2));
        offlineClient.useToken("whatever", LiveServer.ADMIN);
        assertThatThrownBy(() -> Autosave.open(offlineClient, imageId, clientData, FAST)).isInstanceOf(ServerUnreachableException.class);
        assertThat(Files.readAllLines(journal)).hasSize(2);

        try (LiveServer again = LiveServer.start(serverData, port);
             Autosave reopened = Autosave.open(again.admin(), imageId, clientData, FAST)) {
            Annotation back = reopened.document().annotation(a);
            assertThat(back.shape()).isEqualTo(new Box(11, 11, 30, 80));
            assertThat(back.labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
            assertThat(back.revision()).isEqualTo(2);
            assertThat(reopened.hasUnsentEdits()).isFalse();
            assertThat(again.admin().history(a)).hasSize(2);
        }
    }
}
