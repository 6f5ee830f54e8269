package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.anomaly.AnomalyEditorWindow;
import org.karyolab.client.ui.band.BandEditorWindow;
import org.karyolab.client.ui.review.ReviewMode;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.client.ui.view.SignInView;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.testfx.api.FxToolkit;

/**
 * Issue 10.1: whatever is typed into a text input is text, never a shortcut. With an annotation selected, every
 * printable key, Backspace and Delete are typed (as real key presses, {@link Typist}) into every text input of
 * every view: the review comments of the editor, the ISCN fields of the anomaly editor, the band editor's
 * spinner, the sign-in form. Each input holds exactly what was typed; the document and the server are unchanged.
 */
class TypingIsNeverAShortcutFxTest extends EditorFxFixture {

    static final int W = 900;
    static final int H = 640;

    final Typist typist = new Typist(robot);

    @Test
    void keysTypedIntoTheEditorsTextInputsChangeNothingInTheDocumentOrOnTheServer() throws Exception {
        String projectId = server.project(admin, "typing-" + System.nanoTime());
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, FxTesting.rods(6, W, H, 3), 3), "image/png", "case-t").id();
        KaryoLabClient ana = member(projectId, "annotator");
        List<Annotation> saved = save(ana, imageId, List.of(new Box(100, 100, 60, 120), new Box(300, 100, 60, 120)),
                List.of(AnnotationLabels.ofClass(ChromosomeClass.C7, Polarity.P_UP), AnnotationLabels.ofClass(ChromosomeClass.of(3), null)));
        ana.submit(imageId);
        String selected = saved.getFirst().id();

        // The owner reviews (every shortcut is theirs to use: on the old code "p" flipped, "r" rotated, Backspace deleted).
        openEditor(admin, imageId, 1440, 900);
        await("annotations", () -> doc().size() == 2 && editor.model().editable());
        onFx(() -> ReviewMode.of(editor).setActive(true));
        for (Annotation a : saved) await("row of " + a.id(), () -> editor.lookup("#review-comment-" + a.id()) != null);
        onFx(() -> editor.model().selectAnnotations(List.of(selected)));
        List<Annotation> docBefore = sorted(doc().annotations());
        ImageLabels labelsBefore = doc().imageLabels();
        List<Annotation> serverBefore = sorted(onServer(imageId));

        List<Node> inputs = textInputs(editor);
        assertThat(inputs).as("the image comment and one comment per row").hasSize(3);
        for (Node input : inputs) typeEverythingInto(input);
        assertThat(ReviewMode.of(editor).active()).isTrue();
        unchanged(imageId, selected, docBefore, labelsBefore, serverBefore);

        // The side windows' text inputs, out of review mode: the ISCN fields and the band editor's spinner.
        onFx(() -> ReviewMode.of(editor).setActive(false));
        onFx(() -> editor.model().selectAnnotations(List.of(selected)));
        Stage anomalies = onFx(() -> AnomalyEditorWindow.show(editor));
        focus(anomalies);
        inputs = textInputs(anomalies.getScene().getRoot());
        assertThat(inputs).as("the karyotype and the anomalies").hasSize(2);
        for (Node input : inputs) typeEverythingInto(input);
        Stage bands = onFx(() -> BandEditorWindow.show(editor));
        focus(bands);
        inputs = textInputs(bands.getScene().getRoot());
        assertThat(inputs).as("the half-width spinner").hasSize(1);
        for (Node input : inputs) typeEverythingInto(input);
        assertThat(bands.isShowing()).as("Shift+B typed into the spinner is a B, it does not close the window").isTrue();
        unchanged(imageId, selected, docBefore, labelsBefore, serverBefore);
        assertThat(editor.canvas().tool()).isInstanceOf(SelectTool.class);
    }

    @Test
    void keysTypedIntoTheSignInFormAreTheFormsText() throws Exception {
        var signedIn = new AtomicBoolean();
        FxToolkit.setupStage(stage -> FxTesting.showAtOrigin(stage, new SignInView(server.url(), null, c -> signedIn.set(true)), 800, 600));
        Parent root = onFx(() -> FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot());
        List<Node> inputs = textInputs(root);
        assertThat(inputs).as("server, user, password").hasSize(3);
        for (Node input : inputs) typeEverythingInto(input);
        assertThat(signedIn).isFalse();
        assertThat(((SignInView) root).errorLabel().getText()).isEmpty();
    }

    /** Focuses {@code input} with the caret at its end, types every printable key, Backspace, Home and Delete; checks its text. */
    private void typeEverythingInto(Node input) throws Exception {
        TextInputControl text = input instanceof Spinner<?> s ? s.getEditor() : (TextInputControl) input;
        String before = onFx(() -> {
            text.requestFocus();
            text.positionCaret(text.getLength());
            return text.getText();
        });
        await("focus in " + input.getId(), () -> text.isFocused() && text.getScene().getWindow().isFocused());
        typist.type(Typist.PRINTABLE);
        typist.pressBracketKeys();
        typist.press(KeyCode.BACK_SPACE, KeyCode.HOME, KeyCode.DELETE);
        String all = before + Typist.PRINTABLE;
        String expected = all.substring(1, all.length() - 1);
        await(input.getId() + " holds what was typed", () -> text.getText().equals(expected));
        assertThat(TextEntry.hasFocus(text.getScene())).isTrue();
    }

    private void unchanged(String imageId, String selected, List<Annotation> docBefore, ImageLabels labelsBefore,
                           List<Annotation> serverBefore) {
        assertThat(sorted(doc().annotations())).isEqualTo(docBefore);
        assertThat(doc().imageLabels()).isEqualTo(labelsBefore);
        assertThat(doc().selection()).containsExactly(selected);
        assertThat(editor.model().undo().canUndo()).as("no edit was made").isFalse();
        assertThat(sorted(onServer(imageId))).isEqualTo(serverBefore);
        assertThat(admin.imageLabels(imageId).labels()).isEqualTo(labelsBefore);
    }

    private static void focus(Stage stage) throws Exception {
        onFx(stage::requestFocus);
        await("window focused", stage::isFocused);
    }

    /** The visible, enabled text inputs under {@code root}, in scene order. */
    private static List<Node> textInputs(Parent root) throws Exception {
        return onFx(() -> {
            var out = new ArrayList<Node>();
            collect(root, out);
            return out;
        });
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) return;
        if (n instanceof TextInputControl || n instanceof Spinner<?>) {
            out.add(n);
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    private static List<Annotation> sorted(List<Annotation> annotations) {
        return annotations.stream().sorted(Comparator.comparing(Annotation::id)).toList();
    }
}
