package org.karyolab.client.ui.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.karyolab.client.LiveServer;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.client.ui.EditorFxFixture;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Box;

/**
 * The anomaly editor typed into with the keyboard against a real server: live validation through
 * {@code /karyotype/check}, the positioned error and its one-click fix, the band-level reading from
 * {@code /karyotype/lgf}, and Enter saving through the core's edits.
 */
class AnomalyEditorFxTest extends EditorFxFixture {

    static final String BAD = "46,XY,t(9;22)(q34;q11.2";
    static final String GOOD = "46,XY,t(9;22)(q34;q11.2)";

    String imageId;
    String chromosomeId;

    @Test
    void aBadKaryotypeShowsItsColumnAndTheFixClearsIt() throws Exception {
        openEditorWithOneChromosome();
        onFx(() -> editor.model().selectAnnotations(List.of(chromosomeId)));
        robot.type(KeyCode.T);
        await("the anomaly editor", () -> AnomalyEditorWindow.of(editor) != null);
        AnomalyEditorView view = AnomalyEditorWindow.of(editor);

        // the chromosome's anomalies: valid, read as a fusion by band, saved with Enter
        robot.clickOn("#iscn-anomalies").write("t(9;22)(q34;q11.2)");
        await("anomaly checked", () -> label("#iscn-anomalies-status").startsWith("\u2714 Valid"));
        await("its reading", () -> readingLines("#iscn-anomalies-reading").stream().anyMatch(l -> l.startsWith("Fusion") && l.contains("9q34::22q11.2")));
        robot.type(KeyCode.ENTER);
        await("anomalies saved", () -> doc().annotation(chromosomeId).labels().anomalies().equals(List.of("t(9;22)(q34;q11.2)")));

        // the karyotype: an unclosed parenthesis, placed at column 23 with the server's message
        robot.clickOn("#iscn-karyotype").write(BAD);
        await("the positioned error", () -> label("#iscn-karyotype-error").startsWith("column 23: "));
        assertThat(label("#iscn-karyotype-error")).contains("expected another band, ';' or ')' in the breakpoints but the text ended");
        assertThat(label("#iscn-karyotype-status")).contains("Not valid ISCN");
        TextFlow pointer = robot.lookup("#iscn-karyotype-pointer").query();
        assertThat(pointer.isVisible()).isTrue();
        String shown = onFx(() -> pointer.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat));
        assertThat(shown).isEqualTo(BAD + "\u2423\n" + " ".repeat(23) + "^"); // the text, a marked blank where ')' is missing, a caret under it
        Text offending = (Text) pointer.getChildren().get(1);
        assertThat(offending.isUnderline()).isTrue();
        Button fix = robot.lookup("#iscn-karyotype-fix").queryButton();
        await("the fix offered", fix::isVisible);
        assertThat(fix.getText()).endsWith(GOOD);
        // Enter does not save text that does not parse
        robot.type(KeyCode.ENTER);
        await("refused", () -> label("#iscn-karyotype-status").contains("fix the error first"));
        assertThat(doc().imageLabels().karyotype()).isNull();
        Path shot = FxTesting.screenshot(view, "anomaly-editor");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // one click fixes it; the error clears; the reading shows the fusion
        robot.clickOn(fix);
        await("fixed", () -> robot.lookup("#iscn-karyotype").queryAs(TextField.class).getText().equals(GOOD));
        await("valid", () -> label("#iscn-karyotype-status").startsWith("\u2714 Valid"));
        assertThat(robot.lookup("#iscn-karyotype-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(pointer.isVisible()).isFalse();
        assertThat(fix.isVisible()).isFalse();
        assertThat(readingLines("#iscn-karyotype-reading")).contains("Fusion  9q34::22q11.2, 22q11.2::9q34");
        onFx(() -> robot.lookup("#iscn-karyotype").query().requestFocus());
        robot.type(KeyCode.ENTER);
        await("karyotype saved", () -> GOOD.equals(doc().imageLabels().karyotype()));
        assertThat(editor.model().undo().undoName()).isNotBlank();

        // the anomaly reached the server
        editor.autosave().flushNow();
        assertThat(admin.annotation(chromosomeId).labels().anomalies()).containsExactly("t(9;22)(q34;q11.2)");

        // an anomaly's error is placed in the text typed (not in the wrapper it is checked in)
        // Clear, focus and place the caret on the FX thread: a robot click on a field that was just cleared
        // could land on a caret position from the old layout (index -1).
        onFx(() -> {
            TextField anomalies = robot.lookup("#iscn-anomalies").queryAs(TextField.class);
            anomalies.clear();
            anomalies.requestFocus();
            anomalies.positionCaret(0);
        });
        robot.write("del(5)(q13q33");
        await("anomaly error", () -> label("#iscn-anomalies-error").startsWith("column 13: "));
        robot.clickOn("#iscn-anomalies-fix");
        await("anomaly fixed", () -> label("#iscn-anomalies-status").startsWith("\u2714 Valid"));
        assertThat(robot.lookup("#iscn-anomalies").queryAs(TextField.class).getText()).isEqualTo("del(5)(q13q33)");
        await("its loss", () -> readingLines("#iscn-anomalies-reading").stream().anyMatch(l -> l.startsWith("Loss") && l.contains("5q13")));
    }

    /**
     * 10.7: {@code del(5)(q13q33)} on a chromosome 9 is warned about, before and after Enter; with nothing typed,
     * Ctrl+Z in the field undoes the image's edit (and Ctrl+Shift+Z redoes it), while typing it is the field's own;
     * Esc drops the typing, then closes the window.
     */
    @Test
    void anAnomalyOfAnotherChromosomeIsWarnedCtrlZOutsideTypingUndoesTheImageAndEscCloses() throws Exception {
        openEditorWithOneChromosome();
        onFx(() -> editor.model().selectAnnotations(List.of(chromosomeId)));
        robot.type(KeyCode.T);
        await("the anomaly editor", () -> AnomalyEditorWindow.of(editor) != null);
        Stage stage = (Stage) onFx(() -> AnomalyEditorWindow.of(editor).getScene().getWindow());
        TextField field = robot.lookup("#iscn-anomalies").queryAs(TextField.class);
        onFx(() -> {
            stage.requestFocus();
            field.requestFocus();
        });
        await("typing in the anomaly field", () -> stage.isFocused() && field.isFocused());
        robot.targetWindow(stage); // robot.write types into the robot's target window

        robot.write("del(5)(q13q33)");
        await("the warning", () -> label("#iscn-anomalies-warning").contains(
                "del(5)(q13q33) names chromosome 5, but this annotation is chromosome 9"));
        await("still valid ISCN", () -> label("#iscn-anomalies-status").startsWith("\u2714 Valid"));
        FxTesting.screenshot(AnomalyEditorWindow.of(editor), "anomaly-editor-other-chromosome");
        robot.type(KeyCode.ENTER);
        await("saved", () -> doc().annotation(chromosomeId).labels().anomalies().equals(List.of("del(5)(q13q33)")));
        assertThat(editor.model().messageProperty().get()).contains("names chromosome 5");
        assertThat(label("#iscn-anomalies-warning")).as("the warning stays while the anomaly does").contains("chromosome 5");

        // Nothing typed since: Ctrl+Z in the field undoes the image's edit, here and on the server; Ctrl+Shift+Z redoes it.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("undone in the document", () -> doc().annotation(chromosomeId).labels().anomalies().isEmpty());
        await("the field follows", () -> field.getText().isEmpty() && label("#iscn-anomalies-warning").isEmpty());
        editor.autosave().flushNow();
        assertThat(admin.annotation(chromosomeId).labels().anomalies()).isEmpty();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        await("redone", () -> doc().annotation(chromosomeId).labels().anomalies().equals(List.of("del(5)(q13q33)")));
        await("shown again", () -> field.getText().equals("del(5)(q13q33)"));

        // While typing, Ctrl+Z is the text's.
        onFx(() -> field.positionCaret(field.getLength()));
        robot.write(",+8");
        await("typed", () -> field.getText().equals("del(5)(q13q33),+8"));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("the typing undone", () -> !field.getText().endsWith("+8"));
        assertThat(doc().annotation(chromosomeId).labels().anomalies()).containsExactly("del(5)(q13q33)");

        // Esc drops what was typed (the window stays), then closes the window.
        onFx(() -> field.setText("del(5)(q13q33),+9"));
        robot.type(KeyCode.ESCAPE);
        await("the typing dropped", () -> field.getText().equals("del(5)(q13q33)"));
        assertThat(stage.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        await("closed", () -> !stage.isShowing());
        assertThat(AnomalyEditorWindow.of(editor)).isNull();
        assertThat(doc().annotation(chromosomeId).labels().anomalies()).containsExactly("del(5)(q13q33)");
    }

    private String label(String id) {
        try {
            return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> readingLines(String id) {
        try {
            return onFx(() -> robot.lookup(id).queryAs(VBox.class).getChildren().stream().map(n -> ((Label) n).getText()).toList());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void openEditorWithOneChromosome() throws Exception {
        String projectId = server.project(admin, "iscn-" + System.nanoTime());
        imageId = admin.uploadImage(projectId, LiveServer.png(320, 240), "image/png", "case-i").id();
        chromosomeId = UUID.randomUUID().toString();
        admin.saveBatch(imageId, List.of(BatchOperation.create(new Annotation(chromosomeId, imageId, new Box(40, 30, 30, 90),
                AnnotationLabels.ofClass(ChromosomeClass.C9, Polarity.P_UP), Provenance.human("admin"), 0, AnnotationStatus.DRAFT, null, null))));
        openEditor(admin, imageId, 1280, 820);
    }
}
