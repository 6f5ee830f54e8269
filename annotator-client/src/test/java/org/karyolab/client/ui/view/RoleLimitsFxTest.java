package org.karyolab.client.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.sync.SyncOp;
import org.karyolab.client.ui.EditorFxFixture;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.review.ReviewMode;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;

/** A reviewer in the editor: what the role may not do is disabled with the reason, and what the server refuses is rolled back. */
class RoleLimitsFxTest extends EditorFxFixture {

    static final int W = 900;
    static final int H = 640;

    private String message() {
        return editor.model().messageProperty().get();
    }

    private boolean disabled(String selector) {
        return ((ButtonBase) editor.lookup(selector)).isDisabled();
    }

    @Test
    void aReviewerCannotDrawReclassOrDeleteAndWhatTheServerRefusesIsUndoneAndSaid() throws Exception {
        String projectId = server.project(admin, "roles-" + System.nanoTime());
        KaryoLabClient ana = member(projectId, "annotator");
        KaryoLabClient rita = member(projectId, "reviewer");
        List<Rod> rods = FxTesting.rods(12, W, H, 9);
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, rods, 9), "image/png", "case-roles").id();
        double[] b = rods.getFirst().box();
        String first = save(ana, imageId, List.of(new Box(b[0], b[1], b[2], b[3])), List.of(AnnotationLabels.ofClass(ChromosomeClass.C1, null)))
                .getFirst().id();
        Annotation before = admin.annotation(first);

        openEditor(rita, imageId, 1440, 900);
        await("the role's limits", () -> editor.model().readOnlyProperty().get() != null);
        String why = editor.model().readOnlyProperty().get();
        assertThat(why).contains("reviewer");
        assertThat(disabled("#tool-B")).isTrue();
        assertThat(disabled("#submit")).isTrue();
        assertThat(disabled("#tool-V")).as("selecting is viewing").isFalse();
        assertThat(ReviewMode.of(editor).toggle().isDisabled()).as("reviewing is the reviewer's").isFalse();

        // Draw, re-class, delete: each refused in the editor, with the reason in the status line.
        onFx(() -> editor.model().selectAnnotations(List.of(first)));
        robot.type(KeyCode.B);
        assertThat(editor.canvas().tool()).isInstanceOf(SelectTool.class);
        assertThat(message()).isEqualTo(why);
        onFx(() -> editor.model().messageProperty().set(""));
        robot.type(KeyCode.DIGIT7);
        assertThat(message()).isEqualTo(why);
        onFx(() -> editor.model().messageProperty().set(""));
        robot.type(KeyCode.DELETE);
        assertThat(message()).isEqualTo(why);
        assertThat(doc().annotations()).containsExactly(before);
        assertThat(editor.autosave().hasUnsentEdits()).isFalse();

        // Had the role not been known yet, the server refuses: each edit is rolled back and the status says so.
        var refusals = new AtomicInteger();
        editor.autosave().addListener(new Autosave.Listener() {
            @Override
            public void refused(SyncOp op, ApiException reason) {
                refusals.incrementAndGet();
            }
        });
        var seen = new CopyOnWriteArrayList<DocumentEvent>();
        doc().addListener(seen::add);
        onFx(() -> editor.model().readOnlyProperty().set(null));
        robot.type(KeyCode.DIGIT7);
        await("refused once", () -> refusals.get() == 1);
        assertThat(seen).anyMatch(e -> e instanceof DocumentEvent.AnnotationsChanged c
                && c.after().getFirst().labels().chromosomeClass() == ChromosomeClass.C7);
        assertThat(doc().annotation(first).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C1);
        await("said", () -> editor.saveStateLabel().getText().contains("refused"));
        assertThat(editor.saveStateLabel().getText()).doesNotContain("All changes saved");
        await("in the message line too", () -> message().contains("refused") && message().contains("undone"));

        robot.type(KeyCode.DELETE);
        await("refused twice", () -> refusals.get() == 2);
        assertThat(seen).anyMatch(e -> e instanceof DocumentEvent.AnnotationsRemoved);
        assertThat(doc().contains(first)).isTrue();

        robot.type(KeyCode.B);
        robot.moveTo(at(600, 300)).press(MouseButton.PRIMARY).moveTo(at(640, 360)).moveTo(at(660, 420)).release(MouseButton.PRIMARY);
        await("refused three times", () -> refusals.get() == 3);
        assertThat(seen).anyMatch(e -> e instanceof DocumentEvent.AnnotationsAdded);
        assertThat(doc().size()).isEqualTo(1);
        editor.autosave().flushNow();

        assertThat(doc().annotations()).containsExactly(before);
        assertThat(admin.annotations(imageId)).containsExactly(before);
        assertThat(editor.saveStateLabel().getText()).contains("refused").doesNotContain("All changes saved");
    }

    @Test
    void anAnnotatorMayNotReview() throws Exception {
        String projectId = server.project(admin, "roles-ana-" + System.nanoTime());
        KaryoLabClient ana = member(projectId, "annotator");
        List<Rod> rods = FxTesting.rods(4, W, H, 9);
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, rods, 9), "image/png", "case-roles-ana").id();
        openEditor(ana, imageId, 1440, 900);
        await("review toggle off", () -> ReviewMode.of(editor).toggle().isDisabled());
        assertThat(ReviewMode.of(editor).toggle().getTooltip().getText()).contains("annotator");
        assertThat(editor.model().readOnlyProperty().get()).isNull();
        assertThat(disabled("#tool-B")).isFalse();
    }
}
