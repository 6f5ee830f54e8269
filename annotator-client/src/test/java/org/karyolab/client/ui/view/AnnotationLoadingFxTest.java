package org.karyolab.client.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.Edits;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.EditorFxFixture;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Shape;
import org.testfx.api.FxToolkit;

/**
 * The progressive open against a real server behind a proxy that holds back or cuts the answer to GET
 * annotations: the editor shows the image and a loading card first, refuses edits while pan and zoom
 * work, then paints the shapes and edits; a failed load shows the error and Retry loads them.
 */
class AnnotationLoadingFxTest extends EditorFxFixture {

    static final int W = 900;
    static final int H = 640;

    String imageId;
    KaryoLabClient ana;
    HeldAnswersProxy proxy;
    KaryoLabClient viaProxy;
    AnnotationLoading loading;
    final AtomicInteger ready = new AtomicInteger();

    @BeforeEach
    void imageWithFiveBoxes() throws Exception {
        String projectId = server.project(admin, "progressive-" + System.nanoTime());
        ana = member(projectId, "annotator");
        List<Rod> rods = FxTesting.rods(12, W, H, 11);
        imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, rods, 11), "image/png", "case-11").id();
        var shapes = new ArrayList<Shape>();
        var labels = new ArrayList<AnnotationLabels>();
        for (int i = 0; i < 5; i++) {
            double[] b = rods.get(i).box();
            shapes.add(new Box(b[0], b[1], b[2], b[3]));
            labels.add(AnnotationLabels.ofClass(ChromosomeClass.of(i + 1), null));
        }
        save(ana, imageId, shapes, labels);
        proxy = new HeldAnswersProxy(server.port(), "/" + imageId + "/annotations HTTP");
        viaProxy = new KaryoLabClient(proxy.url(), Duration.ofSeconds(10));
        viaProxy.login(ana.username(), ana.username() + "-password");
    }

    @AfterEach
    void closeProxy() throws Exception {
        proxy.close();
    }

    /** As KaryoLabApp.openImage: the editor on an empty document at once, the image, then the annotations behind it. */
    private void openProgressively() throws Exception {
        Autosave autosave = Autosave.prepare(viaProxy, viaProxy.image(imageId), clientData.resolve("ana"), FAST);
        FxToolkit.setupStage(stage -> {
            editor = new EditorView(autosave, null);
            stage.setScene(new Scene(editor, 1280, 820));
            stage.show();
        });
        onFx(() -> {
            editor.loadImage();
            loading = editor.loadAnnotations(ready::incrementAndGet);
            editor.canvas().requestFocus();
        });
    }

    private boolean toolButtonsOff() {
        return editor.lookupAll(".tool-button").stream().allMatch(n -> n.isDisabled() && !((ToggleButton) n).isSelected());
    }

    private String message() {
        return ((Label) editor.lookup("#message")).getText();
    }

    @Test
    void theImageAndALoadingCardComeFirstEditsWaitThenTheShapesArriveAndEditingWorks() throws Exception {
        proxy.hold();
        openProgressively();
        await("the full image, with the annotations still held back", () -> editor.fullImageShown() && proxy.waiting() == 1);

        assertThat(loading.state()).isEqualTo(AnnotationLoading.State.LOADING);
        assertThat(loading.card().isVisible()).isTrue();
        assertThat(((Label) editor.lookup("#annotations-loading")).getText()).isEqualTo("Loading annotations\u2026");
        assertThat(doc().size()).isZero();
        assertThat(editor.canvas().tool()).isNull();
        assertThat(onFx(this::toolButtonsOff)).isTrue();
        assertThat(message()).contains("Loading the annotations").contains("editing starts");

        // tools and edit keys refuse, and say why
        onFx(() -> editor.model().say(""));
        robot.type(KeyCode.B);
        assertThat(editor.canvas().tool()).isNull();
        assertThat(message()).contains("Loading the annotations");
        robot.type(KeyCode.DELETE);
        Object refused = onFx(() -> editor.model().perform(() -> Edits.add(editor.model().document(), new Box(10, 10, 50, 50), AnnotationLabels.EMPTY)));
        assertThat(refused).isNull();
        robot.moveTo(editor.canvas()).press(MouseButton.PRIMARY).moveBy(40, 30).release(MouseButton.PRIMARY);
        assertThat(doc().size()).isZero();

        // zoom (keys) and pan (middle button) work meanwhile
        double scale = onFx(() -> editor.canvas().viewport().scale());
        robot.type(KeyCode.EQUALS);
        await("zoomed in", () -> editor.canvas().viewport().scale() > scale * 1.2);
        double x = onFx(() -> editor.canvas().viewport().offsetX());
        robot.moveTo(editor.canvas()).press(MouseButton.MIDDLE).moveBy(-80, 0).moveBy(-80, 0).release(MouseButton.MIDDLE);
        await("panned", () -> Math.abs(editor.canvas().viewport().offsetX() - x) > 100);
        robot.type(KeyCode.F);
        FxTesting.screenshot(editor, "annotations-loading");
        assertThat(ready.get()).isZero();

        proxy.release();
        await("the annotations", () -> loading.state() == AnnotationLoading.State.READY);
        assertThat(ready.get()).isEqualTo(1);
        assertThat(doc().size()).isEqualTo(5);
        assertThat(loading.card().isVisible()).isFalse();
        assertThat(editor.canvas().tool()).isInstanceOf(SelectTool.class);
        assertThat(onFx(() -> editor.lookupAll(".tool-button").stream().noneMatch(Node::isDisabled))).isTrue();
        assertThat(message()).contains("5 annotations loaded");
        await("the shapes painted", () -> !editor.canvas().shapeLayerRendering() && editor.canvas().shapeLayerRenders() > 0);
        FxTesting.screenshot(editor, "annotations-loaded");

        // editing works now, and reaches the server
        robot.type(KeyCode.B);
        assertThat(editor.canvas().tool().name()).isEqualTo("Box");
        robot.moveTo(at(700, 500)).press(MouseButton.PRIMARY).moveTo(at(740, 540)).moveTo(at(780, 600)).release(MouseButton.PRIMARY);
        await("a sixth box", () -> doc().size() == 6);
        assertThat(onServer(imageId)).hasSize(6);
    }

    @Test
    void theCardCountsTheAnnotationsOnceTheyArriveAndNothingIsShownBeforeAllIsLoaded() throws Exception {
        // the annotations arrive, the suggestions (fetched next) are held back: the load is not done yet
        proxy.close();
        proxy = new HeldAnswersProxy(server.port(), "/" + imageId + "/suggestions?state=all HTTP");
        viaProxy = new KaryoLabClient(proxy.url(), Duration.ofSeconds(10));
        viaProxy.login(ana.username(), ana.username() + "-password");
        proxy.hold();
        openProgressively();
        await("the count on the card", () -> ((Label) editor.lookup("#annotations-loading")).getText().equals("Loading 5 annotations\u2026"));
        await("the suggestions held back", () -> proxy.waiting() == 1);
        assertThat(doc().size()).isZero();
        assertThat(loading.state()).isEqualTo(AnnotationLoading.State.LOADING);
        proxy.release();
        await("loaded", () -> loading.state() == AnnotationLoading.State.READY);
        assertThat(doc().size()).isEqualTo(5);
    }

    @Test
    void aFailedLoadShowsTheErrorLoadsNothingAndRetryLoadsThem() throws Exception {
        proxy.fail(true);
        openProgressively();
        await("the load failed", () -> loading.state() == AnnotationLoading.State.FAILED);
        await("the full image", () -> editor.fullImageShown());

        String error = ((Label) editor.lookup("#annotations-loading")).getText();
        assertThat(error).startsWith("The annotations could not be loaded:");
        Button retry = (Button) editor.lookup("#annotations-retry");
        assertThat(retry.isVisible()).isTrue();
        assertThat(doc().size()).isZero();
        assertThat(onFx(this::toolButtonsOff)).isTrue();
        assertThat(message()).contains("Retry");
        robot.type(KeyCode.B);
        assertThat(editor.canvas().tool()).isNull();
        assertThat(ready.get()).isZero();
        FxTesting.screenshot(editor, "annotations-failed");

        proxy.fail(false);
        robot.clickOn("#annotations-retry");
        await("loaded on retry", () -> loading.state() == AnnotationLoading.State.READY);
        assertThat(ready.get()).isEqualTo(1);
        assertThat(doc().size()).isEqualTo(5);
        assertThat(doc().annotations()).extracting(Annotation::revision).allMatch(r -> r >= 1);
        assertThat(loading.card().isVisible()).isFalse();

        // editing works: a class for one of them reaches the server
        String first = doc().annotations().getFirst().id();
        onFx(() -> editor.model().selectAnnotations(List.of(first)));
        robot.type(KeyCode.DIGIT9, KeyCode.ENTER);
        await("class 9", () -> doc().annotation(first).labels().chromosomeClass() == ChromosomeClass.C9);
        assertThat(onServer(imageId)).filteredOn(a -> a.id().equals(first))
                .extracting(a -> a.labels().chromosomeClass()).containsExactly(ChromosomeClass.C9);
    }
}
