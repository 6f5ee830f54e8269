package org.karyolab.client.ui.extras;

import java.time.Duration;
import java.util.Set;
import org.karyolab.client.LossyProxy;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.client.ui.EditorFxFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.live.LiveEvents;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.service.EventBus;

/** The editor follows the project's event stream: another user's save appears; job progress shows as bars. */
class LiveEventsFxTest extends EditorFxFixture {

    @Test
    void anotherUsersSaveRefreshesTheOpenDocumentAndProgressShows() throws Exception {
        String projectId = server.project(admin, "live-" + System.nanoTime());
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(800, 600, FxTesting.rods(8, 800, 600, 2), 2), "image/png", "c").id();
        KaryoLabClient ana = member(projectId, "annotator");
        KaryoLabClient bob = member(projectId, "annotator");
        openEditor(ana, imageId, 1280, 820);
        LiveEvents live = onFx(() -> LiveEvents.attach(editor, projectId));
        await("connected", live::connected);

        // Progress: published until the stream shows it (the subscription may need a moment after connecting).
        var bus = server.services().events();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (onFx(() -> live.progress().bar("training", "job-1")) == null) {
            if (System.nanoTime() > deadline) throw new AssertionError("no training progress shown");
            bus.publish(projectId, new org.karyolab.schema.api.ServerEvent.TrainingProgress("job-1", 0.4, "epoch 4 of 10"));
            FxTesting.await("a moment", () -> true);
        }
        bus.publish(projectId, new org.karyolab.schema.api.ServerEvent.TrainingProgress("job-1", 0.7, "epoch 7 of 10"));
        await("70 %", () -> live.progress().bar("training", "job-1").getProgress() == 0.7);
        assertThat(live.progress().label("training", "job-1").getText()).isEqualTo("Training 70%");
        bus.publish(projectId, new org.karyolab.schema.api.ServerEvent.ImportProgress("imp-9", 0.25, "reading 25 of 100"));
        await("import bar", () -> live.progress().bar("import", "imp-9") != null
                && live.progress().bar("import", "imp-9").getProgress() == 0.25);
        assertThat(editor.lookup("#progress-area")).isNotNull();
        FxTesting.screenshot(editor, "live-progress");

        // Bob saves an annotation on the same image: it appears in Ana's open editor.
        double[] b = FxTesting.rods(8, 800, 600, 2).get(1).box();
        var saved = save(bob, imageId, List.of(new Box(b[0], b[1], b[2], b[3])), List.of(AnnotationLabels.ofClass(ChromosomeClass.C4, null)));
        String id = saved.getFirst().id();
        await("bob's annotation", () -> doc().contains(id));
        assertThat(doc().annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C4);
        assertThat(live.refreshed()).isEqualTo(1);

        // ... and his change of it, too.
        var changed = new Annotation(id, imageId, saved.getFirst().shape(), AnnotationLabels.ofClass(ChromosomeClass.C5, null),
                saved.getFirst().provenance(), saved.getFirst().revision(), saved.getFirst().status(), null, null);
        bob.saveBatch(imageId, List.of(BatchOperation.update(changed, saved.getFirst().revision())));
        await("bob's change", () -> doc().annotation(id).labels().chromosomeClass() == ChromosomeClass.C5);
        await("said so", () -> editor.model().messageProperty().get().contains(bob.username()));

        // Bob writes the cell's karyotype: Ana's open editor takes it in and says who did.
        bob.putImageLabels(imageId, new ImageLabels("47,XY,+21", Set.of()), 0);
        await("bob's karyotype", () -> "47,XY,+21".equals(doc().imageLabels().karyotype()));
        await("said so", () -> editor.model().messageProperty().get().contains("karyotype"));
    }

    /**
     * The same user's edit made from another client (a script, a second annotator) is taken in; only the echo of
     * this client's own writes (its X-Client-Id) is skipped.
     */
    @Test
    void theSameUsersEditFromAnotherClientIsTakenInAndOnlyThisClientsOwnAreSkipped() throws Exception {
        String projectId = server.project(admin, "live-self-" + System.nanoTime());
        var rods = FxTesting.rods(8, 800, 600, 2);
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(800, 600, rods, 2), "image/png", "c").id();
        KaryoLabClient ana = member(projectId, "annotator");
        KaryoLabClient script = new KaryoLabClient(server.url(), Duration.ofSeconds(10));
        script.login(ana.username(), ana.username() + "-password");
        openEditor(ana, imageId, 1280, 820);
        LiveEvents live = onFx(() -> LiveEvents.attach(editor, projectId));
        await("connected", live::connected);

        // This client's own write (as autosave makes them): its echo is skipped...
        double[] own = rods.get(0).box();
        String ownId = save(ana, imageId, List.of(new Box(own[0], own[1], own[2], own[3])),
                List.of(AnnotationLabels.ofClass(ChromosomeClass.C3, null))).getFirst().id();
        // ...the same user's from a script is not: it appears in the open editor, after the skipped echo.
        double[] b = rods.get(1).box();
        String id = save(script, imageId, List.of(new Box(b[0], b[1], b[2], b[3])),
                List.of(AnnotationLabels.ofClass(ChromosomeClass.C4, null))).getFirst().id();
        await("ana's edit from the script", () -> doc().contains(id));
        assertThat(doc().annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C4);
        assertThat(live.refreshed()).isEqualTo(1);
        assertThat(live.ownSkipped()).as("the echo of this client's own save").isEqualTo(1);
        assertThat(doc().contains(ownId)).as("not fetched back: its write is the client's own").isFalse();
        await("said who", () -> editor.model().messageProperty().get().startsWith("You (elsewhere) created"));
    }

    /** The stream drops (a network blip) and comes back: "reconnecting" shows while it is away and goes once it is back. */
    @Test
    void reconnectingDisappearsOnceReconnected() throws Exception {
        String projectId = server.project(admin, "live-blip-" + System.nanoTime());
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(400, 300, FxTesting.rods(4, 400, 300, 2), 2), "image/png", "c").id();
        KaryoLabClient direct = member(projectId, "annotator");
        try (var proxy = new LossyProxy(server.port())) {
            KaryoLabClient ana = new KaryoLabClient(proxy.url(), Duration.ofSeconds(10));
            ana.login(direct.username(), direct.username() + "-password");
            openEditor(ana, imageId, 1280, 820);
            LiveEvents live = onFx(() -> LiveEvents.attach(editor, projectId));
            await("connected", () -> live.connections() == 1 && live.connected());

            proxy.cutAll();
            await("lost, said so", () -> editor.model().messageProperty().get().contains("reconnecting"));
            await("reconnected", () -> live.connections() == 2 && live.connected());
            String message = onFx(() -> editor.model().messageProperty().get()); // after the reconnection's update ran
            assertThat(message).doesNotContain("reconnecting").isEqualTo("Live updates reconnected");
            // ...and live again: another user's save arrives over the new stream.
            double[] b = FxTesting.rods(4, 400, 300, 2).get(0).box();
            String id = save(member(projectId, "annotator"), imageId, List.of(new Box(b[0], b[1], b[2], b[3])),
                    List.of(AnnotationLabels.ofClass(ChromosomeClass.C2, null))).getFirst().id();
            await("taken in after the reconnection", () -> doc().contains(id));
        }
    }
}
