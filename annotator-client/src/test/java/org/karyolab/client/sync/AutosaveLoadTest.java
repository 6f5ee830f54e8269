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
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.ServerUnreachableException;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;

/**
 * {@link Autosave#open} in two steps ({@link Autosave#prepare}, then {@link Autosave#load}), as the
 * editor's progressive open uses it: the document is empty until {@code load} returns; a journal left
 * by an earlier session is sent first; a failed {@code load} loads nothing and can be retried on the
 * same autosave without sending anything twice.
 */
class AutosaveLoadTest {

    static final Autosave.Settings FAST = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300));

    @TempDir
    Path serverData;
    @TempDir
    Path clientData;

    @Test
    void aFailedLoadLoadsNothingKeepsTheJournalAndARetrySendsItOnceThenLoads() throws Exception {
        int port = LiveServer.freePort();
        LiveServer server = LiveServer.start(serverData, port);
        KaryoLabClient admin = server.admin();
        String imageId = server.image(admin, server.project(admin, "progressive"), 640, 480);
        ImageInfo info = admin.image(imageId);
        String other = admin.saveBatch(imageId, List.of(org.karyolab.schema.api.BatchOperation.create(new Annotation(
                java.util.UUID.randomUUID().toString(), imageId, new Box(200, 200, 40, 90), AnnotationLabels.EMPTY,
                org.karyolab.schema.Provenance.human(LiveServer.ADMIN), 0, org.karyolab.schema.AnnotationStatus.DRAFT, null, null))))
                .getFirst().id();

        // An earlier session: edits made while the server is away stay in the journal.
        Autosave earlier = Autosave.open(admin, imageId, clientData, FAST);
        ImageDocument doc = earlier.document();
        var undo = new UndoManager(doc);
        server.close();
        var add = (Commands.AddAnnotations) Edits.add(doc, new Box(10, 10, 30, 80), AnnotationLabels.EMPTY);
        undo.perform(add);
        String a = add.annotations().getFirst().id();
        undo.perform(Edits.setClass(doc, List.of(a), ChromosomeClass.X));
        earlier.flushNow();
        earlier.close();
        Path journal = earlier.journalFile();
        assertThat(Files.readAllLines(journal)).hasSize(1);

        // The editor opens on an empty document at once; loading fails while the server is away: nothing loaded, journal kept.
        var client = new KaryoLabClient("http://127.0.0.1:" + port, Duration.ofSeconds(2));
        client.useToken("from-before", LiveServer.ADMIN); // signed in before the server went away
        try (Autosave autosave = Autosave.prepare(client, info, clientData, FAST)) {
            assertThat(autosave.document().size()).isZero();
            assertThat(autosave.document().imageId()).isEqualTo(imageId);
            assertThatThrownBy(autosave::load).isInstanceOf(ServerUnreachableException.class);
            assertThat(autosave.document().size()).isZero();
            assertThat(Files.readAllLines(journal)).hasSize(1);

            // The server is back: Retry (load again on the same autosave) sends the journal once, then loads everything.
            try (LiveServer again = LiveServer.start(serverData, port)) {
                client.login(LiveServer.ADMIN, LiveServer.ADMIN_PASSWORD);
                autosave.load();
                assertThat(autosave.document().size()).isEqualTo(2);
                Annotation back = autosave.document().annotation(a);
                assertThat(back.labels().chromosomeClass()).isEqualTo(ChromosomeClass.X);
                assertThat(back.revision()).isEqualTo(1);
                assertThat(autosave.document().annotation(other)).isNotNull();
                assertThat(autosave.hasUnsentEdits()).isFalse();
                assertThat(again.admin().history(a)).hasSize(1);
                assertThat(again.admin().annotations(imageId)).hasSize(2);

                // and it edits and saves as an opened one does
                var undo2 = new UndoManager(autosave.document());
                undo2.perform(Edits.setClass(autosave.document(), List.of(other), ChromosomeClass.C7));
                autosave.flushNow();
                assertThat(again.admin().annotation(other).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);
            }
        }
    }
}
