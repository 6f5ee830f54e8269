package org.karyolab.client.ui.extras;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.sync.Conflict;
import org.karyolab.client.ui.EditorFxFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.karyolab.client.ui.keys.Shortcut;
import org.testfx.util.WaitForAsyncUtils;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.review.ReviewMode;
import org.karyolab.client.ui.review.ReviewTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Shape;

/** Review mode against a real server: a reviewer accepts and rejects; reviewing one's own work is refused plainly. */
class ReviewModeFxTest extends EditorFxFixture {

    static final int W = 900;
    static final int H = 640;

    String projectId;
    String imageId;
    List<Rod> rods;

    void submittedImage(KaryoLabClient author, int count) {
        projectId = projectId == null ? server.project(admin, "review-" + System.nanoTime()) : projectId;
        rods = FxTesting.rods(12, W, H, 9);
        imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, rods, 9), "image/png", "case-9").id();
    }

    @Test
    void aReviewerAcceptsOneAndRejectsAnotherWithAComment() throws Exception {
        projectId = server.project(admin, "review-" + System.nanoTime());
        KaryoLabClient ana = member(projectId, "annotator");
        KaryoLabClient rita = member(projectId, "reviewer");
        submittedImage(ana, 0);
        var shapes = new ArrayList<Shape>();
        var labels = new ArrayList<AnnotationLabels>();
        for (int i = 0; i < 5; i++) {
            double[] b = rods.get(i).box();
            shapes.add(new Box(b[0], b[1], b[2], b[3]));
            labels.add(AnnotationLabels.ofClass(ChromosomeClass.of(i + 1), null));
        }
        List<Annotation> saved = save(ana, imageId, shapes, labels);
        ana.submit(imageId);

        openEditor(rita, imageId, 1440, 900);
        robot.clickOn("#review-toggle");
        ReviewMode mode = ReviewMode.of(editor);
        await("review mode", () -> mode.panel() != null && editor.canvas().tool() instanceof ReviewTool);
        await("rows", () -> editor.lookup("#review-accept-" + saved.getFirst().id()) != null);
        await("state", () -> mode.panel().stateLabel().getText().contains("submitted"));

        String first = saved.get(0).id(), second = saved.get(1).id();
        robot.clickOn("#review-comment-" + first).write("clean outline");
        robot.clickOn("#review-accept-" + first);
        await("accepted", () -> doc().annotation(first).status() == AnnotationStatus.ACCEPTED);
        assertThat(admin.annotation(first).status()).isEqualTo(AnnotationStatus.ACCEPTED);
        await("row says accepted", () -> editor.lookup("#review-status-" + first) instanceof Label l
                && l.getText().equals("accepted"));
        assertThat(((Button) editor.lookup("#review-accept-" + first)).isDisabled()).isTrue();

        robot.clickOn("#review-comment-" + second).write("this is a 7, not a 2");
        robot.clickOn("#review-reject-" + second);
        await("rejected", () -> doc().annotation(second).status() == AnnotationStatus.REJECTED);
        assertThat(mode.panel().messageLabel().getText()).contains("Rejected").contains("this is a 7");
        onFx(() -> editor.model().selectAnnotations(List.of(saved.get(2).id())));
        FxTesting.screenshot(editor, "review-mode");

        // The rest at once, for the whole image.
        robot.clickOn("#review-image-comment").write("fine otherwise");
        robot.clickOn("#review-image-accept");
        await("all decided", () -> doc().annotations().stream().noneMatch(a -> a.status() == AnnotationStatus.SUBMITTED));
        await("image state", () -> mode.panel().stateLabel().getText().contains("rejected")); // one was rejected
        assertThat(rita.reviewState(imageId).reviewState()).isEqualTo(org.karyolab.schema.api.ReviewState.REJECTED);

        robot.clickOn("#review-toggle");
        await("back to editing", () -> !(editor.canvas().tool() instanceof ReviewTool) && mode.panel() == null);
    }

    /** Five chromosomes of classes 1-5 by an annotator, submitted; the editor open for a reviewer in review mode. */
    List<Annotation> submittedFive(KaryoLabClient reviewer) throws Exception {
        projectId = server.project(admin, "review-" + System.nanoTime());
        KaryoLabClient ana = member(projectId, "annotator");
        KaryoLabClient rita = reviewer == null ? member(projectId, "reviewer") : reviewer;
        submittedImage(ana, 0);
        var shapes = new ArrayList<Shape>();
        var labels = new ArrayList<AnnotationLabels>();
        for (int i = 0; i < 5; i++) {
            double[] b = rods.get(i).box();
            shapes.add(new Box(b[0], b[1], b[2], b[3]));
            labels.add(AnnotationLabels.ofClass(ChromosomeClass.of(i + 1), null));
        }
        List<Annotation> saved = save(ana, imageId, shapes, labels);
        ana.submit(imageId);
        openEditor(rita, imageId, 1440, 900);
        onFx(() -> ReviewMode.of(editor).setActive(true));
        for (Annotation a : saved) await("row of " + a.id(), () -> editor.lookup("#review-reject-" + a.id()) != null);
        return saved;
    }

    private Point2D centreOf(String selector) throws Exception {
        return onFx(() -> {
            Node n = editor.lookup(selector);
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    @Test
    void rowsStayPutWhileTheReviewerWorksSoARejectLandsOnTheRowItWasAimedAtWithItsComment() throws Exception {
        List<Annotation> saved = submittedFive(null);
        ReviewMode mode = ReviewMode.of(editor);
        String c1 = saved.get(0).id(), c2 = saved.get(1).id(), c3 = saved.get(2).id(), c4 = saved.get(3).id(), c5 = saved.get(4).id();

        // The reviewer writes the comment for class 3 and aims at its Reject; first, though, class 2 is accepted.
        robot.clickOn("#review-comment-" + c3).write("bands say 3, outline clips the q arm");
        Point2D aimed = centreOf("#review-reject-" + c3);
        robot.clickOn("#review-accept-" + c2);
        await("class 2 accepted", () -> mode.panel().messageLabel().getText().startsWith("Accepted"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.panel().rowOrder()).containsExactly(c1, c2, c3, c4, c5);

        robot.clickOn(aimed);
        await("class 3 rejected", () -> doc().annotation(c3).status() == AnnotationStatus.REJECTED);
        assertThat(mode.panel().messageLabel().getText()).contains("bands say 3, outline clips the q arm");
        assertThat(admin.annotation(c3).status()).isEqualTo(AnnotationStatus.REJECTED);
        assertThat(admin.annotation(c4).status()).isEqualTo(AnnotationStatus.SUBMITTED);
        assertThat(((TextField) editor.lookup("#review-comment-" + c4)).getText()).isEmpty();

        // Rows move only on the explicit refresh: submitted first, then the decided ones.
        robot.clickOn("#review-resort");
        assertThat(mode.panel().rowOrder()).containsExactly(c1, c4, c5, c2, c3);
    }

    @Test
    void keysGoToTheNextSubmittedAcceptAndRejectItAndTheSelectedRowIsHighlighted() throws Exception {
        List<Annotation> saved = submittedFive(null);
        ReviewMode mode = ReviewMode.of(editor);
        String c1 = saved.get(0).id(), c2 = saved.get(1).id(), c3 = saved.get(2).id();
        assertThat(editor.keys().sheet()).extracting(Shortcut::keys)
                .contains("A (review)", "R (review)", "N (review)");
        onFx(() -> editor.canvas().requestFocus());

        robot.type(KeyCode.N);
        await("first selected", () -> doc().selection().equals(Set.of(c1)));
        await("its row highlighted", () -> editor.lookup("#review-comment-" + c1).getParent().getParent().getStyleClass()
                .contains("review-row-selected"));
        assertThat(editor.lookup("#review-comment-" + c2).getParent().getParent().getStyleClass()).doesNotContain("review-row-selected");
        robot.type(KeyCode.A);
        await("accepted by key", () -> doc().annotation(c1).status() == AnnotationStatus.ACCEPTED);

        robot.type(KeyCode.N);
        await("second selected", () -> doc().selection().equals(Set.of(c2)));
        onFx(() -> ((TextField) editor.lookup("#review-comment-" + c2)).setText("this is a 7"));
        robot.type(KeyCode.R);
        await("rejected by key", () -> doc().annotation(c2).status() == AnnotationStatus.REJECTED);
        assertThat(mode.panel().messageLabel().getText()).contains("this is a 7");
        assertThat(admin.annotation(c2).status()).isEqualTo(AnnotationStatus.REJECTED);

        robot.type(KeyCode.N);
        await("third selected", () -> doc().selection().equals(Set.of(c3)));
        assertThat(doc().annotation(c3).status()).isEqualTo(AnnotationStatus.SUBMITTED);
        assertThat(doc().size()).isEqualTo(5);
        FxTesting.screenshot(editor, "review-mode-keys");
    }

    @Test
    void afterSubmitTheDocumentHoldsTheServersAnswerSoReviewModeShowsItAndTheNextEditIsNoConflict() throws Exception {
        projectId = server.project(admin, "review-submit-" + System.nanoTime());
        KaryoLabClient ana = member(projectId, "annotator");
        submittedImage(ana, 0);
        var shapes = new ArrayList<Shape>();
        var labels = new ArrayList<AnnotationLabels>();
        for (int i = 0; i < 3; i++) {
            double[] b = rods.get(i).box();
            shapes.add(new Box(b[0], b[1], b[2], b[3]));
            labels.add(AnnotationLabels.ofClass(ChromosomeClass.of(i + 1), null));
        }
        List<Annotation> saved = save(ana, imageId, shapes, labels);
        openEditor(ana, imageId, 1440, 900);
        var conflicts = new CopyOnWriteArrayList<Conflict>();
        editor.autosave().addListener(new Autosave.Listener() {
            @Override
            public void conflict(Conflict c) {
                conflicts.add(c);
            }
        });

        robot.clickOn("#submit");
        await("submitted", () -> editor.model().messageProperty().get().startsWith("Submitted for review"));
        for (Annotation a : saved) {
            Annotation onServer = admin.annotation(a.id());
            assertThat(onServer.status()).isEqualTo(AnnotationStatus.SUBMITTED);
            assertThat(doc().annotation(a.id()).status()).isEqualTo(AnnotationStatus.SUBMITTED);
            assertThat(doc().annotation(a.id()).revision()).isEqualTo(onServer.revision());
        }
        onFx(() -> ReviewMode.of(editor).setActive(true));
        ReviewMode mode = ReviewMode.of(editor);
        await("state", () -> mode.panel().stateLabel().getText().contains("submitted"));
        assertThat(mode.panel().rowOrder()).containsExactly(saved.get(0).id(), saved.get(1).id(), saved.get(2).id());
        onFx(() -> mode.setActive(false));

        // The next edit is based on the submitted revision: saved, no "Someone else changed this annotation".
        String first = saved.getFirst().id();
        onFx(() -> {
            editor.model().selectAnnotations(List.of(first));
            editor.canvas().requestFocus();
        });
        robot.type(KeyCode.DIGIT7);
        await("re-classed", () -> doc().annotation(first).labels().chromosomeClass() == ChromosomeClass.C7);
        var status = editor.autosave().flushNow();
        assertThat(status.unsentChanges()).isZero();
        assertThat(conflicts).isEmpty();
        assertThat(editor.autosave().conflicts()).isEmpty();
        assertThat(admin.annotation(first).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);
        assertThat(admin.annotation(first).status()).isEqualTo(AnnotationStatus.SUBMITTED);
    }

    @Test
    void reviewingOwnWorkIsRefusedWithAClearMessage() throws Exception {
        projectId = server.project(admin, "review-own-" + System.nanoTime());
        submittedImage(admin, 0);
        double[] b = rods.get(3).box();
        List<Annotation> mine = save(admin, imageId, List.of(new Box(b[0], b[1], b[2], b[3])),
                List.of(AnnotationLabels.ofClass(ChromosomeClass.C9, null)));
        admin.submit(imageId);
        openEditor(admin, imageId, 1440, 900);
        onFx(() -> ReviewMode.of(editor).setActive(true));
        String id = mine.getFirst().id();
        await("row", () -> editor.lookup("#review-accept-" + id) != null);
        robot.clickOn("#review-accept-" + id);
        var panel = ReviewMode.of(editor).panel();
        await("refusal shown", () -> panel.messageLabel().getText().contains("own work"));
        assertThat(panel.messageLabel().getStyleClass()).contains("kl-error");
        assertThat(doc().annotation(id).status()).isEqualTo(AnnotationStatus.SUBMITTED);
        assertThat(admin.annotation(id).status()).isEqualTo(AnnotationStatus.SUBMITTED);
        assertThat(((TextField) editor.lookup("#review-comment-" + id))).isNotNull();
    }
}
