package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.tool.PolygonTool;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationSource;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Polygon;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The editor driven with real mouse and keyboard input (JavaFX's headless platform, TestFX's glass
 * robot) against a real server: every edit must reach the server through autosave.
 */
class EditorFxTest {

    static final Autosave.Settings FAST = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(400));
    static final int W = 900;
    static final int H = 640;
    static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path serverData;
    static LiveServer server;
    static KaryoLabClient admin;

    @TempDir
    Path clientData;
    final FxRobot robot = new FxRobot();
    String projectId;
    String imageId;
    KaryoLabClient annotator;
    EditorView editor;
    List<Rod> rods;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(serverData);
        admin = server.admin();
        FxTesting.startToolkit();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void image() {
        projectId = server.project(admin, "editor-" + System.nanoTime());
        rods = FxTesting.rods(12, W, H, 7);
        imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, rods, 7), "image/png", "case-7").id();
        annotator = server.annotator("ana" + USERS.incrementAndGet(), projectId);
    }

    @AfterEach
    void closeEditor() throws Exception {
        if (editor != null) editor.close();
        FxToolkit.cleanupStages();
    }

    private void openEditor() throws Exception {
        Autosave autosave = Autosave.open(annotator, imageId, clientData, FAST);
        FxToolkit.setupStage(stage -> {
            editor = new EditorView(autosave, null);
            FxTesting.showAtOrigin(stage, editor, 1280, 820);
        });
        onFx(() -> editor.loadImage());
        await("the full image", () -> editor.fullImageShown());
        onFx(() -> editor.canvas().requestFocus());
    }

    private ImageDocument doc() {
        return editor.autosave().document();
    }

    /** Screen point of an image point. */
    private Point2D at(double x, double y) throws Exception {
        return onFx(() -> editor.canvas().localToScreen(editor.canvas().imageToLocal(x, y)));
    }

    private List<Annotation> onServer() {
        editor.autosave().flushNow();
        return admin.annotations(imageId);
    }

    @Test
    void drawABoxLabelItByTypingUndoAndRedo() throws Exception {
        openEditor();
        robot.type(KeyCode.B);
        assertThat(editor.canvas().tool().name()).isEqualTo("Box");

        robot.moveTo(at(100, 120)).press(MouseButton.PRIMARY).moveTo(at(160, 170)).moveTo(at(190, 230)).release(MouseButton.PRIMARY);
        await("one box", () -> doc().size() == 1);
        Annotation drawn = doc().annotations().getFirst();
        Box box = (Box) drawn.shape();
        assertThat(box.x()).isCloseTo(100, Offset.offset(1.5));
        assertThat(box.y()).isCloseTo(120, Offset.offset(1.5));
        assertThat(box.width()).isCloseTo(90, Offset.offset(2.0));
        assertThat(box.height()).isCloseTo(110, Offset.offset(2.0));
        assertThat(doc().selection()).containsExactly(drawn.id());

        robot.type(KeyCode.DIGIT2, KeyCode.DIGIT1, KeyCode.ENTER);
        await("class 21", () -> doc().annotations().getFirst().labels().chromosomeClass() == ChromosomeClass.C21);
        robot.type(KeyCode.P);
        await("polarity", () -> doc().annotations().getFirst().labels().polarity() == Polarity.P_DOWN);

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("polarity undone", () -> doc().annotations().getFirst().labels().polarity() == null);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("class undone", () -> doc().annotations().getFirst().labels().chromosomeClass() == null);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("box undone", () -> doc().size() == 0);
        assertThat(onServer()).isEmpty();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        await("box redone", () -> doc().size() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        await("class redone", () -> doc().annotations().getFirst().labels().chromosomeClass() == ChromosomeClass.C21);

        List<Annotation> saved = onServer();
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().id()).isEqualTo(drawn.id());
        assertThat(saved.getFirst().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C21);
        assertThat(saved.getFirst().shape()).isEqualTo(box);
        assertThat(saved.getFirst().provenance().author()).isEqualTo(annotator.username());
        await("status says saved", () -> editor.saveStateLabel().getText().contains("All changes saved"));
    }

    @Test
    void acceptASuggestionWithEnterAndRejectOneWithDelete() throws Exception {
        double[] b0 = rods.get(0).box(), b1 = rods.get(1).box();
        server.suggest(imageId, LiveServer.boxSuggestions(List.of(
                new double[] {b0[0], b0[1], b0[2], b0[3], 7, 0.93},
                new double[] {b1[0], b1[1], b1[2], b1[3], 4, 0.41})));
        openEditor();
        assertThat(doc().openSuggestions()).hasSize(2);

        robot.clickOn(at(b0[0] + b0[2] / 2, b0[1]));
        await("suggestion selected", () -> editor.model().selectedSuggestionValue() != null);
        robot.type(KeyCode.ENTER);
        await("accepted", () -> doc().size() == 1);
        assertThat(doc().annotations().getFirst().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);

        robot.clickOn(at(b1[0] + b1[2] / 2, b1[1]));
        await("second selected", () -> editor.model().selectedSuggestionValue() != null);
        robot.type(KeyCode.DELETE);
        await("rejected", () -> doc().openSuggestions().isEmpty());

        List<Annotation> saved = onServer();
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_ACCEPTED);
        assertThat(saved.getFirst().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);
        List<ModelSuggestion> all = admin.suggestions(imageId, true);
        assertThat(all).extracting(ModelSuggestion::state).containsExactlyInAnyOrder(SuggestionState.ACCEPTED, SuggestionState.REJECTED);
    }

    @Test
    void typingAClassOnASelectedSuggestionAcceptsItAsThatClass() throws Exception {
        double[] b = rods.get(2).box();
        server.suggest(imageId, LiveServer.boxSuggestions(List.<double[]>of(new double[] {b[0], b[1], b[2], b[3], 5, 0.7})));
        openEditor();
        robot.clickOn(at(b[0] + b[2] / 2, b[1]));
        await("suggestion selected", () -> editor.model().selectedSuggestionValue() != null);
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT8);
        await("accepted as 18", () -> doc().size() == 1 && doc().annotations().getFirst().labels().chromosomeClass() == ChromosomeClass.C18);
        List<Annotation> saved = onServer();
        assertThat(saved.getFirst().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C18);
        assertThat(saved.getFirst().provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_EDITED);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("one undo step takes it all back", () -> doc().size() == 0 && doc().openSuggestions().size() == 1);
    }

    @Test
    void acceptEverySuggestionAboveTheThresholdWithOneKey() throws Exception {
        var list = new ArrayList<double[]>();
        for (int i = 0; i < 6; i++) {
            double[] b = rods.get(i).box();
            list.add(new double[] {b[0], b[1], b[2], b[3], i + 1, 0.5 + i * 0.09});
        }
        server.suggest(imageId, LiveServer.boxSuggestions(list));
        openEditor();
        onFx(() -> editor.model().thresholdProperty().set(0.75)); // 0.77, 0.86, 0.95 are above
        robot.type(KeyCode.A);
        await("three accepted", () -> doc().size() == 3);
        assertThat(doc().openSuggestions()).hasSize(3);
        assertThat(onServer()).hasSize(3);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("one step", () -> doc().size() == 0 && doc().openSuggestions().size() == 6);
    }

    @Test
    void drawAPolygonByClickingAndFinishWithEnter() throws Exception {
        openEditor();
        robot.type(KeyCode.G);
        assertThat(editor.canvas().tool()).isInstanceOf(PolygonTool.class);
        robot.clickOn(at(300, 300)).clickOn(at(360, 290)).clickOn(at(380, 350)).clickOn(at(310, 370));
        await("four points", () -> ((PolygonTool) editor.canvas().tool()).points().size() == 4);
        robot.type(KeyCode.BACK_SPACE);
        await("three points", () -> ((PolygonTool) editor.canvas().tool()).points().size() == 3);
        robot.clickOn(at(322, 378)); // not where the last click was: that would be a double-click, which finishes
        robot.type(KeyCode.ENTER);
        await("polygon", () -> doc().size() == 1);
        Polygon p = (Polygon) doc().annotations().getFirst().shape();
        assertThat(p.exterior()).hasSize(4);
        assertThat(p.exterior().getFirst().x()).isCloseTo(300, Offset.offset(1.5));
        robot.type(KeyCode.X);
        await("class X", () -> doc().annotations().getFirst().labels().chromosomeClass() == ChromosomeClass.X);
        assertThat(onServer().getFirst().shape()).isInstanceOf(Polygon.class);
    }

    @Test
    void moveAndResizeWithTheSelectTool() throws Exception {
        openEditor();
        robot.type(KeyCode.B);
        robot.moveTo(at(200, 200)).press(MouseButton.PRIMARY).moveTo(at(240, 260)).moveTo(at(260, 280)).release(MouseButton.PRIMARY);
        await("box", () -> doc().size() == 1);
        robot.type(KeyCode.V);
        // Move: drag from inside the box.
        robot.moveTo(at(230, 240)).press(MouseButton.PRIMARY).moveTo(at(260, 250)).moveTo(at(280, 260)).release(MouseButton.PRIMARY);
        await("moved", () -> ((Box) doc().annotations().getFirst().shape()).x() > 240);
        Box moved = (Box) doc().annotations().getFirst().shape();
        assertThat(moved.x()).isCloseTo(250, Offset.offset(2.0));
        assertThat(moved.y()).isCloseTo(220, Offset.offset(2.0));
        // Resize: drag the south-east grip.
        robot.moveTo(at(moved.x() + moved.width(), moved.y() + moved.height())).press(MouseButton.PRIMARY)
                .moveTo(at(340, 320)).moveTo(at(350, 330)).release(MouseButton.PRIMARY);
        await("resized", () -> ((Box) doc().annotations().getFirst().shape()).width() > 80);
        Box resized = (Box) doc().annotations().getFirst().shape();
        assertThat(resized.x()).isCloseTo(moved.x(), Offset.offset(0.01));
        assertThat(resized.x() + resized.width()).isCloseTo(350, Offset.offset(2.0));
        assertThat(editor.model().undo().undoSize()).isEqualTo(3); // draw, move, resize: one step each
        assertThat(onServer().getFirst().shape()).isEqualTo(resized);
    }

    @Test
    void wheelZoomsAboutThePointer() throws Exception {
        openEditor();
        var viewport = editor.canvas().viewport();
        double s0 = viewport.scale(), ox0 = viewport.offsetX(), oy0 = viewport.offsetY();
        var seen = new CopyOnWriteArrayList<Point2D>();
        onFx(() -> editor.canvas().addEventFilter(ScrollEvent.SCROLL, e -> seen.add(new Point2D(e.getX(), e.getY()))));
        robot.moveTo(at(450, 320)).scroll(3, VerticalDirection.UP);
        await("three wheel steps", () -> seen.size() == 3);
        assertThat(viewport.scale()).isGreaterThan(s0 * 1.2);
        // The image point under the pointer (where the events say it was) stays under it.
        Point2D p = seen.getFirst();
        assertThat(viewport.toImageX(p.getX())).isCloseTo((p.getX() - ox0) / s0, Offset.offset(1e-6));
        assertThat(viewport.toImageY(p.getY())).isCloseTo((p.getY() - oy0) / s0, Offset.offset(1e-6));
    }

    @Test
    void leavingWithUnsentEditsAsksFirst() throws Exception {
        openEditor();
        var asked = new AtomicReference<String>();
        onFx(() -> editor.setConfirm(q -> {
            asked.set(q);
            return false;
        }));
        robot.type(KeyCode.B);
        robot.moveTo(at(50, 50)).press(MouseButton.PRIMARY).moveTo(at(80, 90)).release(MouseButton.PRIMARY);
        await("box", () -> doc().size() == 1);
        server.close(); // the server goes away: the edit stays unsent
        try {
            boolean left = onFx(() -> editor.leave(() -> { }));
            if (editor.autosave().hasUnsentEdits()) {
                assertThat(left).isFalse();
                assertThat(asked.get()).contains("not on the server yet").contains("journal");
            }
        } finally {
            server = LiveServer.start(serverData, 0);
            admin = server.admin();
        }
    }
}
