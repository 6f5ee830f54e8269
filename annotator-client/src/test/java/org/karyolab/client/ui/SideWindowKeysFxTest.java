package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.karyolab.client.ui.anomaly.AnomalyEditorWindow;
import org.karyolab.client.ui.band.BandEditorView;
import org.karyolab.client.ui.band.BandEditorWindow;
import org.karyolab.client.ui.karyogram.KaryogramWindow;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;

/**
 * Issue 10.7, the side windows' keys: Shift+B opens the band editor and does nothing else (it also picked the Box
 * tool), the band editor opens with the focus on the chromosome (typing a class wrote into its spinner), and Esc
 * closes each side window.
 */
class SideWindowKeysFxTest extends EditorFxFixture {

    String imageId;
    Annotation nine;

    private void open() throws Exception {
        String projectId = server.project(admin, "side-" + System.nanoTime());
        imageId = admin.uploadImage(projectId, FxTesting.metaphase(640, 480, FxTesting.rods(4, 640, 480, 2), 2), "image/png", "case-s").id();
        nine = save(admin, imageId, List.of(new Box(100, 100, 40, 110)), List.of(AnnotationLabels.ofClass(ChromosomeClass.C9, Polarity.P_UP)))
                .getFirst();
        openEditor(admin, imageId, 1280, 820);
        await("editable", () -> doc().size() == 1 && editor.model().editable());
        onFx(() -> editor.model().selectAnnotations(List.of(nine.id())));
    }

    @Test
    void shiftBOpensTheBandEditorAndNothingElseWithTheFocusOnTheChromosomeNotTheSpinner() throws Exception {
        open();
        assertThat(editor.canvas().tool()).isInstanceOf(SelectTool.class);
        robot.press(KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT);
        await("the band editor", () -> BandEditorWindow.of(editor) != null);
        BandEditorView view = BandEditorWindow.of(editor);
        Stage stage = (Stage) onFx(() -> view.getScene().getWindow());
        assertThat(editor.canvas().tool()).as("Shift+B is the band editor's key only, not also B for the Box tool")
                .isInstanceOf(SelectTool.class);

        onFx(stage::requestFocus);
        await("focused", stage::isFocused);
        Node focus = onFx(() -> view.getScene().getFocusOwner());
        assertThat(focus).as("the focus is on the straightened chromosome").isSameAs(view.board());
        assertThat(TextEntry.hasFocus(view.getScene())).isFalse();
        Spinner<?> halfWidth = robot.lookup("#band-half-width").queryAs(Spinner.class);
        String before = onFx(() -> halfWidth.getEditor().getText());
        robot.type(KeyCode.DIGIT7).type(KeyCode.DIGIT1);
        assertThat(onFx(() -> halfWidth.getEditor().getText())).as("typing a class does not write into the half-width").isEqualTo(before);
        assertThat(doc().annotation(nine.id())).isEqualTo(nine);

        robot.type(KeyCode.ESCAPE);
        await("closed by Esc", () -> BandEditorWindow.of(editor) == null);
        assertThat(Window.getWindows()).doesNotContain(stage);
    }

    @Test
    void escClosesEverySideWindow() throws Exception {
        open();
        closesWithEsc("band editor", () -> robot.press(KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT),
                e -> BandEditorWindow.of(e) == null ? null : BandEditorWindow.of(e).getScene().getWindow());
        closesWithEsc("anomaly editor", () -> robot.type(KeyCode.T),
                e -> AnomalyEditorWindow.of(e) == null ? null : AnomalyEditorWindow.of(e).getScene().getWindow());
        closesWithEsc("karyogram", () -> robot.press(KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT),
                e -> KaryogramWindow.of(e) == null ? null : KaryogramWindow.of(e).getScene().getWindow());
        assertThat(doc().annotation(nine.id())).isEqualTo(nine);
        assertThat(editor.model().undo().canUndo()).isFalse();
    }

    private void closesWithEsc(String what, Runnable openKey, Function<EditorView, Window> window) throws Exception {
        Stage main = (Stage) onFx(() -> editor.getScene().getWindow());
        onFx(main::requestFocus);
        await("the editor focused", main::isFocused);
        onFx(() -> editor.canvas().requestFocus());
        openKey.run();
        await("the " + what, () -> window.apply(editor) != null);
        Window w = window.apply(editor);
        onFx(w::requestFocus);
        await(what + " focused", w::isFocused);
        robot.type(KeyCode.ESCAPE);
        await(what + " closed by Esc", () -> !w.isShowing());
        assertThat(window.apply(editor)).isNull();
    }
}
