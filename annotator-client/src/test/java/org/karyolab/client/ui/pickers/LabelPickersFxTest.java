package org.karyolab.client.ui.pickers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorFxFixture;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.keys.Shortcut;
import org.karyolab.client.ui.tool.SplitTool;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Box;

/**
 * The cluster type picker and the status chip of the side panel, driven with the mouse and the Alt keys
 * against a real server: every pick is one undo step and reaches the server; the status is shown, never set.
 */
class LabelPickersFxTest extends EditorFxFixture {

    static final int W = 900;
    static final int H = 640;

    String projectId;
    String imageId;
    KaryoLabClient ana;
    String first;
    String second;
    LabelPickers pickers;

    @BeforeEach
    void image() throws Exception {
        projectId = server.project(admin, "pickers-" + System.nanoTime());
        imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, FxTesting.rods(12, W, H, 5), 5), "image/png", "case-5").id();
        ana = member(projectId, "annotator");
        List<Annotation> saved = save(ana, imageId, List.of(new Box(100, 100, 60, 120), new Box(300, 100, 60, 120)),
                List.of(AnnotationLabels.ofClass(ChromosomeClass.of(1), null), AnnotationLabels.ofClass(ChromosomeClass.of(2), null)));
        first = saved.get(0).id();
        second = saved.get(1).id();
    }

    /** What the cluster question was asked about (the tests not about the dialog answer "clear"). */
    final List<List<String>> asked = new CopyOnWriteArrayList<>();

    private void open() throws Exception {
        openAndWait(2);
        pickers.setClusterQuestion((type, losses) -> {
            asked.add(losses);
            return ClusterConfirm.Choice.CLEAR;
        });
    }

    private void openAndWait(int annotations) throws Exception {
        openEditor(ana, imageId, 1280, 820);
        await("the annotations, editable", () -> doc().size() == annotations && editor.model().editable());
        await("the pickers", () -> LabelPickers.of(editor) != null);
        pickers = LabelPickers.of(editor);
    }

    /** Drags a selection rectangle around both boxes (Select tool). */
    private void selectBoth() throws Exception {
        robot.type(KeyCode.V);
        robot.moveTo(at(70, 70)).press(MouseButton.PRIMARY).moveTo(at(200, 150)).moveTo(at(400, 260))
                .release(MouseButton.PRIMARY);
        await("both selected", () -> doc().selection().size() == 2);
    }

    private Map<String, Annotation> server() {
        return onServer(imageId).stream().collect(Collectors.toMap(Annotation::id, Function.identity()));
    }

    private boolean onServerBoth(Function<Annotation, Object> value, Object expected) {
        Map<String, Annotation> s = server();
        return s.size() == 2 && Objects.equals(value.apply(s.get(first)), expected)
                && Objects.equals(value.apply(s.get(second)), expected);
    }

    private List<ToggleButton> allButtons() {
        var out = new ArrayList<ToggleButton>();
        for (ClusterType t : ClusterType.values()) out.add(pickers.clusterButton(t));
        out.add(pickers.clusterButton(null));
        return out;
    }

    @Test
    void touchingPickedWithTheMouseReachesTheServerForBothAndOneUndoRestoresBoth() throws Exception {
        open();
        // nothing selected: off, and the panel says why
        assertThat(allButtons()).allSatisfy(b -> assertThat(b.isDisabled()).isTrue());
        assertThat(pickers.noteLabel().getText()).isEqualTo(LabelPickers.NOTHING_SELECTED);
        assertThat(pickers.statusLabel().isVisible()).isFalse();
        robot.push(KeyCode.ALT, KeyCode.DIGIT2);
        await("the reason in the status line", () -> editor.model().messageProperty().get().equals(LabelPickers.NOTHING_SELECTED));

        selectBoth();
        assertThat(allButtons()).allSatisfy(b -> assertThat(b.isDisabled()).isFalse());
        assertThat(pickers.noteLabel().isVisible()).isFalse();
        assertThat(pickers.clusterButton(null).isSelected()).as("no cluster type yet: none").isTrue();
        assertThat(pickers.statusLabel().getText()).isEqualTo("draft");

        robot.clickOn(pickers.clusterButton(ClusterType.TOUCHING));
        await("touching here", () -> doc().annotation(first).labels().clusterType() == ClusterType.TOUCHING
                && doc().annotation(second).labels().clusterType() == ClusterType.TOUCHING);
        assertThat(pickers.clusterButton(ClusterType.TOUCHING).isSelected()).isTrue();
        assertThat(pickers.clusterButton(null).isSelected()).isFalse();
        await("touching on the server for both", () -> onServerBoth(a -> a.labels().clusterType(), ClusterType.TOUCHING));
        // a cluster of several chromosomes has no single class (the core's rule, said in the tooltip)
        assertThat(server().values()).allSatisfy(a -> assertThat(a.labels().chromosomeClass()).isNull());
        assertThat(editor.model().undo().undoName()).isEqualTo("Set cluster type");
        assertThat(asked).as("asked once first").hasSize(1); // the selection is a set: its order is not the point
        assertThat(asked.getFirst()).as("naming what is cleared").containsExactlyInAnyOrder("class 1", "class 2");

        Pane.shot(editor, "label-pickers-side-panel");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("both restored on the server by one undo", () -> {
            Map<String, Annotation> s = server();
            return s.get(first).labels().clusterType() == null && s.get(second).labels().clusterType() == null
                    && s.get(first).labels().chromosomeClass() == ChromosomeClass.of(1)
                    && s.get(second).labels().chromosomeClass() == ChromosomeClass.of(2);
        });
        await("the picker follows the undo", () -> pickers.clusterButton(null).isSelected()
                && !pickers.clusterButton(ClusterType.TOUCHING).isSelected());
        assertThat(editor.model().undo().canUndo()).isFalse();
    }

    @Test
    void altKeysSetOverlappingOnTheServerAndMixedShowsNothingChecked() throws Exception {
        open();
        robot.type(KeyCode.V);
        robot.clickOn(at(130, 160));
        await("first selected", () -> doc().selection().equals(Set.of(first)));
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        await("first is an instance", () -> doc().annotation(first).labels().clusterType() == ClusterType.INSTANCE);
        assertThat(doc().annotation(first).labels().chromosomeClass()).as("an instance keeps its class").isEqualTo(ChromosomeClass.of(1));

        selectBoth();
        await("mixed: nothing checked", () -> pickers.mixedLabel().isVisible());
        for (ClusterType t : ClusterType.values()) assertThat(pickers.clusterButton(t).isSelected()).isFalse();
        assertThat(pickers.clusterButton(null).isSelected()).isFalse();

        robot.push(KeyCode.ALT, KeyCode.DIGIT3);
        await("overlapping on the server for both", () -> onServerBoth(a -> a.labels().clusterType(), ClusterType.OVERLAPPING));
        assertThat(pickers.clusterButton(ClusterType.OVERLAPPING).isSelected()).isTrue();
        assertThat(pickers.mixedLabel().isVisible()).isFalse();

        robot.push(KeyCode.ALT, KeyCode.DIGIT0);
        await("none on the server", () -> onServerBoth(a -> a.labels().clusterType(), null));
    }

    @Test
    void theCanvasShowsTheClusterColourAfterAPick() throws Exception {
        open();
        robot.type(KeyCode.V);
        robot.clickOn(at(130, 160));
        await("first selected", () -> doc().selection().size() == 1);
        double before = nearestTo(ClassColors.CLUSTER);
        robot.push(KeyCode.ALT, KeyCode.DIGIT4);
        await("touching-overlapping", () -> doc().annotation(first).labels().clusterType() == ClusterType.TOUCHING_OVERLAPPING);
        double after = nearestTo(ClassColors.CLUSTER);
        assertThat(before).as("class 1's colour is not the cluster colour").isGreaterThan(0.3);
        assertThat(after).as("the outline is redrawn in the cluster colour").isLessThan(0.12);
    }

    /** Deselects, waits for the shape layer, and returns how close the left edge of the first box comes to {@code color}. */
    private double nearestTo(Color color) throws Exception {
        robot.type(KeyCode.ESCAPE);
        await("deselected", () -> doc().selection().isEmpty());
        await("shape layer", () -> !editor.canvas().shapeLayerRendering());
        var shot = onFx(() -> {
            editor.canvas().draw();
            return editor.canvas().snapshot(null, null);
        });
        var p = onFx(() -> editor.canvas().imageToLocal(100, 160));
        PixelReader px = shot.getPixelReader();
        double best = Double.MAX_VALUE;
        for (int d = -4; d <= 4; d++) {
            int argb = px.getArgb((int) p.getX() + d, (int) p.getY());
            double r = (argb >> 16 & 0xff) / 255.0, g = (argb >> 8 & 0xff) / 255.0, b = (argb & 0xff) / 255.0;
            best = Math.min(best, Math.abs(r - color.getRed()) + Math.abs(g - color.getGreen()) + Math.abs(b - color.getBlue()));
        }
        robot.clickOn(at(130, 160));
        await("selected again", () -> doc().selection().size() == 1);
        return best;
    }

    @Test
    void offWhileEditingIsBlockedAndTheStatusIsTheWorkflows() throws Exception {
        KaryoLabClient rita = member(projectId, "reviewer");
        ana.submit(imageId);
        rita.reviewAnnotation(second, "accept", null);
        open();
        robot.type(KeyCode.V);
        robot.clickOn(at(130, 160));
        await("first selected", () -> doc().selection().size() == 1);
        assertThat(pickers.statusLabel().getText()).isEqualTo("submitted");

        String why = "Annotations are still loading";
        onFx(() -> editor.model().editingBlockedProperty().set(why));
        await("off while blocked", () -> pickers.clusterButton(ClusterType.TOUCHING).isDisabled());
        assertThat(allButtons()).allSatisfy(b -> assertThat(b.isDisabled()).isTrue());
        assertThat(pickers.noteLabel().getText()).isEqualTo(why);
        FxTesting.screenshot(editor.getRight(), "label-pickers-blocked");
        robot.push(KeyCode.ALT, KeyCode.DIGIT2);
        await("refused with the reason", () -> editor.model().messageProperty().get().equals(why));
        assertThat(doc().annotation(first).labels().clusterType()).isNull();
        onFx(() -> editor.model().editingBlockedProperty().set(null));
        await("on again", () -> !pickers.clusterButton(ClusterType.TOUCHING).isDisabled());

        // the reviewer accepted the second: its status is shown, and where it comes from; no key or button sets it
        selectBoth();
        assertThat(pickers.statusLabel().getText()).isEqualTo("mixed");
        assertThat(pickers.clusterButton(ClusterType.TOUCHING).isDisabled()).as("cluster type still settable").isFalse();
        assertThat(robot.lookup("#status-hint").queryAs(Label.class).getText())
                .isEqualTo(LabelPickers.STATUS_HINT);
        assertThat(robot.lookup("#status-draft").tryQuery()).as("no status buttons").isEmpty();
        FxTesting.screenshot(editor.getRight(), "label-pickers-accepted-mixed");
        long undoable = onFx(() -> editor.model().undo().canUndo() ? 1L : 0L);
        robot.push(KeyCode.ALT, KeyCode.D);
        robot.push(KeyCode.ALT, KeyCode.S);
        assertThat(onFx(() -> editor.model().undo().canUndo() ? 1L : 0L)).as("no edit made").isEqualTo(undoable);
        assertThat(server().get(second).status()).isEqualTo(AnnotationStatus.ACCEPTED);
        assertThat(server().get(first).status()).isEqualTo(AnnotationStatus.SUBMITTED);
    }

    @Test
    void aClusterTypeAsksBeforeClearingClassPolarityAndBandsOffersTheSplitToolAndIsOneUndoStep() throws Exception {
        var bands = List.of(new BandCall(BandName.parse("7q11.2"), 0.5, 0.7), new BandCall(BandName.parse("7q21"), 0.7, 0.9));
        String seven = save(ana, imageId, List.of(new Box(500, 300, 60, 140)), List.of(new AnnotationLabels(ChromosomeClass.C7,
                Polarity.P_UP, null, bands, List.of("del(7)(q11.2q22)")))).getFirst().id();
        openAndWait(3);
        Annotation before = doc().annotation(seven);
        robot.type(KeyCode.V);
        robot.clickOn(at(530, 370));
        await("the 7 selected", () -> doc().selection().equals(Set.of(seven)));

        // Alt+2 asks, saying what would be lost; Cancel loses nothing.
        robot.push(KeyCode.ALT, KeyCode.DIGIT2);
        DialogPane dialog = awaitDialog();
        String said = onFx(dialog::getContentText);
        assertThat(said).contains("class 7, polarity p up, 2 band calls").contains("Split tool, C").contains("Anomalies are kept");
        assertThat(onFx(dialog::getHeaderText)).startsWith("Touching means one shape holding several chromosomes");
        FxTesting.screenshot(dialog, "cluster-type-confirm");
        robot.clickOn("#cluster-confirm-cancel");
        await("closed", () -> robot.lookup("#cluster-confirm").tryQuery().isEmpty());
        assertThat(doc().annotation(seven)).isEqualTo(before);
        assertThat(editor.model().undo().canUndo()).isFalse();
        assertThat(editor.model().messageProperty().get()).contains("not changed");
        assertThat(pickers.clusterButton(ClusterType.TOUCHING).isSelected()).as("the button shows the unchanged type").isFalse();

        // The button asks too; "Split it instead" takes the split tool and changes nothing.
        robot.clickOn(pickers.clusterButton(ClusterType.OVERLAPPING));
        awaitDialog();
        robot.clickOn("#cluster-confirm-split");
        await("the split tool", () -> editor.canvas().tool() instanceof SplitTool);
        assertThat(doc().annotation(seven)).isEqualTo(before);
        assertThat(editor.model().undo().canUndo()).isFalse();

        // Clear: touching, class, polarity and bands gone (anomalies kept), on the server too; one undo brings them back.
        robot.push(KeyCode.ALT, KeyCode.DIGIT2);
        awaitDialog();
        robot.clickOn("#cluster-confirm-clear");
        await("touching", () -> doc().annotation(seven).labels().clusterType() == ClusterType.TOUCHING);
        AnnotationLabels cleared = doc().annotation(seven).labels();
        assertThat(cleared.chromosomeClass()).isNull();
        assertThat(cleared.polarity()).isNull();
        assertThat(cleared.bands()).isEmpty();
        assertThat(cleared.anomalies()).containsExactly("del(7)(q11.2q22)");
        await("cleared on the server", () -> server().get(seven).labels().equals(cleared));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("one undo restores everything", () -> doc().annotation(seven).labels().equals(before.labels()));
        assertThat(editor.model().undo().canUndo()).isFalse();
        await("restored on the server", () -> server().get(seven).labels().equals(before.labels()));

        // Nothing to lose (the type back to none, then instance): no question.
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        await("instance", () -> doc().annotation(seven).labels().clusterType() == ClusterType.INSTANCE);
        assertThat(robot.lookup("#cluster-confirm").tryQuery()).isEmpty();
        assertThat(doc().annotation(seven).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);
    }

    private DialogPane awaitDialog() {
        await("the question", () -> robot.lookup("#cluster-confirm").tryQuery().isPresent());
        return robot.lookup("#cluster-confirm").queryAs(DialogPane.class);
    }

    @Test
    void theKeysAreOnTheF1Sheet() throws Exception {
        open();
        var keys = editor.keys().sheet().stream().map(Shortcut::keys).toList();
        assertThat(keys).contains("Alt+1 / 2 / 3 / 4", "Alt+0").doesNotContain("Alt+D / Alt+S");
        assertThat(keys).doesNotHaveDuplicates();
    }

    /** Screenshot of the side panel (the pickers under the palette). */
    static final class Pane {
        static void shot(EditorView editor, String name) throws Exception {
            var file = FxTesting.screenshot(editor.getRight(), name);
            assertThat(file).exists();
            FxTesting.screenshot(editor, name + "-editor");
        }
    }
}
