package org.karyolab.client.ui.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.ImageReview;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.shape.Shape;

/**
 * The reviewer's side panel: the image's review state; accept / reject the whole image with a
 * comment; then one row per annotation in review (submitted first, then the decided ones) with its
 * own comment and accept / reject. Decisions go straight to the server's review routes; the
 * annotation's new revision and status are then taken into the document. The server's refusal to
 * let anyone review their own work (403 {@code own-work}) is said plainly, in red.
 */
public final class ReviewPanel extends VBox {

    private final EditorModel model;
    private final Autosave autosave;
    private final KaryoLabClient client;
    private final ImageDocument document;
    private final Label state = new Label();
    private final Label message = new Label();
    private final TextField imageComment = new TextField();
    private final VBox rows = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(rows);
    private final Map<String, VBox> rowById = new LinkedHashMap<>();
    private final Map<String, String> drafts = new LinkedHashMap<>();

    public ReviewPanel(EditorModel model, Autosave autosave) {
        super(8);
        this.model = model;
        this.autosave = autosave;
        this.client = autosave.client();
        this.document = autosave.document();
        setId("review-panel");
        getStyleClass().add("kl-side");
        setPrefWidth(340);
        setMinWidth(320);
        state.setId("review-state");
        message.setId("review-message");
        message.setWrapText(true);
        message.setMaxWidth(310);
        imageComment.setId("review-image-comment");
        imageComment.setPromptText("Comment on the whole image (optional)");
        imageComment.setStyle("-fx-prompt-text-fill: #8b919c;");
        Button acceptAll = new Button("\u2713 Accept image");
        acceptAll.setId("review-image-accept");
        acceptAll.setOnAction(e -> reviewImage("accept"));
        Button rejectAll = new Button("\u2717 Reject image");
        rejectAll.setId("review-image-reject");
        rejectAll.setOnAction(e -> reviewImage("reject"));
        acceptAll.setStyle("-fx-base: #2d6a3a;");
        rejectAll.setStyle("-fx-base: #7a2e2a;");
        var imageButtons = new HBox(8, acceptAll, rejectAll);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: #23262d; -fx-background: #23262d;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(section("REVIEW"), state, legend(), imageComment, imageButtons, message, section("ANNOTATIONS"), scroll);
        rebuild();
        refreshState();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kl-section");
        return l;
    }

    private static HBox legend() {
        var box = new HBox(10);
        for (AnnotationStatus s : List.of(AnnotationStatus.SUBMITTED, AnnotationStatus.ACCEPTED, AnnotationStatus.REJECTED)) {
            Region chip = new Region();
            chip.setMinSize(10, 10);
            chip.setMaxSize(10, 10);
            chip.setStyle("-fx-background-color: " + ReviewColors.web(s) + "; -fx-background-radius: 5;");
            Label l = new Label(s.name().toLowerCase(Locale.ROOT));
            l.getStyleClass().add("kl-subtle");
            var item = new HBox(4, chip, l);
            item.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(item);
        }
        return box;
    }

    /** The message line (refusals, results). */
    public Label messageLabel() {
        return message;
    }

    public Label stateLabel() {
        return state;
    }

    /** Asks the server for the image's review state. */
    public void refreshState() {
        Fx.async(() -> client.reviewState(document.imageId()), r -> state.setText("Image: " + r.reviewState()),
                err -> state.setText("Image review state unknown: " + Errors.message(err)));
    }

    /** Rows again from the document (keeps typed comments). */
    public void rebuild() {
        rowById.values().forEach(row -> {
            if (row.lookup(".review-comment") instanceof TextField f) drafts.put((String) row.getUserData(), f.getText());
        });
        rowById.clear();
        rows.getChildren().clear();
        List<Annotation> inReview = new ArrayList<>(document.annotations().stream().filter(a -> a.status() != AnnotationStatus.DRAFT).toList());
        inReview.sort(java.util.Comparator.comparing((Annotation a) -> a.status() != AnnotationStatus.SUBMITTED)
                .thenComparing(a -> a.labels().chromosomeClass() == null ? 99 : a.labels().chromosomeClass().number()));
        if (inReview.isEmpty()) {
            Label none = new Label("Nothing submitted for review on this image.");
            none.getStyleClass().add("kl-subtle");
            none.setWrapText(true);
            rows.getChildren().add(none);
        }
        for (Annotation a : inReview) rows.getChildren().add(row(a));
    }

    private VBox row(Annotation a) {
        Region chip = new Region();
        chip.setMinSize(12, 12);
        chip.setMaxSize(12, 12);
        var c = ClassColors.of(a.labels());
        chip.setStyle("-fx-background-color: rgb(%d,%d,%d); -fx-background-radius: 3;".formatted((int) (c.getRed() * 255),
                (int) (c.getGreen() * 255), (int) (c.getBlue() * 255)));
        String cls = a.labels().chromosomeClass() == null ? (a.labels().clusterType() == null ? "no class" : ClassColors.tag(a.labels()))
                : "class " + a.labels().chromosomeClass().label();
        Label what = new Label(cls + " \u00b7 " + kind(a.shape()) + (a.provenance() == null ? "" : " \u00b7 by " + a.provenance().author()));
        Label status = new Label(a.status().name().toLowerCase(Locale.ROOT));
        status.setId("review-status-" + a.id());
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.setStyle("-fx-text-fill: " + ReviewColors.web(a.status()) + "; -fx-font-weight: bold;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var head = new HBox(6, chip, what, spacer, status);
        head.setAlignment(Pos.CENTER_LEFT);
        TextField comment = new TextField(drafts.getOrDefault(a.id(), ""));
        comment.setId("review-comment-" + a.id());
        comment.getStyleClass().add("review-comment");
        comment.setPromptText("Comment (optional)");
        comment.setStyle("-fx-prompt-text-fill: #8b919c;");
        Button accept = new Button("\u2713 Accept");
        accept.setId("review-accept-" + a.id());
        Button reject = new Button("\u2717 Reject");
        reject.setId("review-reject-" + a.id());
        boolean open = a.status() == AnnotationStatus.SUBMITTED;
        accept.setDisable(!open);
        reject.setDisable(!open);
        accept.setOnAction(e -> reviewAnnotation(a.id(), "accept", comment.getText()));
        reject.setOnAction(e -> reviewAnnotation(a.id(), "reject", comment.getText()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        var buttons = new HBox(6, gap, accept, reject);
        what.setMinWidth(0);
        what.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        var row = new VBox(5, head, comment, buttons);
        row.setUserData(a.id());
        row.setPadding(new Insets(6));
        row.setStyle("-fx-background-color: #2b2e36; -fx-background-radius: 6; -fx-border-color: " + ReviewColors.web(a.status())
                + "; -fx-border-width: 0 0 0 3; -fx-border-radius: 6 0 0 6;");
        row.setOnMouseClicked(e -> model.selectAnnotations(List.of(a.id())));
        rowById.put(a.id(), row);
        return row;
    }

    private static String kind(Shape s) {
        return s.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Scrolls an annotation's row into view and marks it (a click on the canvas). */
    public void show(String annotationId) {
        VBox row = rowById.get(annotationId);
        rowById.values().forEach(r -> r.setOpacity(r == row || row == null ? 1 : 0.75));
        if (row == null) return;
        double h = rows.getHeight() - scroll.getViewportBounds().getHeight();
        if (h > 0) scroll.setVvalue(Math.clamp(row.getBoundsInParent().getMinY() / h, 0, 1));
    }

    /** Accept or reject one annotation (background; the result comes back on the JavaFX thread). */
    public void reviewAnnotation(String id, String decision, String comment) {
        say(decision.equals("accept") ? "Accepting\u2026" : "Rejecting\u2026", false);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Fx.async(() -> {
            Annotation done = client.reviewAnnotation(id, decision, text);
            autosave.refresh(id);
            return done;
        }, done -> {
            drafts.remove(id);
            say((decision.equals("accept") ? "Accepted" : "Rejected") + (text == null ? "" : " with comment \u201c" + text + "\u201d")
                    + "; now revision " + done.revision() + ".", false);
            model.say("Review: " + done.status().name().toLowerCase(Locale.ROOT));
            rebuild();
            refreshState();
        }, this::refused);
    }

    /** Accept or reject every submitted annotation of the image at once. */
    public void reviewImage(String decision) {
        String text = imageComment.getText() == null || imageComment.getText().isBlank() ? null : imageComment.getText().strip();
        say(decision.equals("accept") ? "Accepting the image\u2026" : "Rejecting the image\u2026", false);
        Fx.async(() -> {
            ImageReview r = client.reviewImage(document.imageId(), decision, text);
            for (Annotation a : r.changed()) autosave.refresh(a.id());
            return r;
        }, r -> {
            imageComment.clear();
            state.setText("Image: " + r.reviewState());
            say("Image " + (decision.equals("accept") ? "accepted" : "rejected") + ": " + r.changed().size() + " annotation"
                    + (r.changed().size() == 1 ? "" : "s") + " decided.", false);
            rebuild();
        }, this::refused);
    }

    private void refused(Throwable err) {
        Throwable t = err;
        while (t.getCause() != null && !(t instanceof ApiException)) t = t.getCause();
        if (t instanceof ApiException a && "own-work".equals(a.type())) {
            say("You cannot review your own work: the current revision of this annotation is yours. Another reviewer has to decide it.", true);
        } else if (t instanceof ApiException a && "not-submitted".equals(a.type())) {
            say("Not in review: only submitted annotations can be accepted or rejected. " + Errors.message(a), true);
        } else {
            say("Review not recorded: " + Errors.message(err), true);
        }
        model.say(message.getText());
    }

    private void say(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().removeAll("kl-error", "kl-subtle");
        message.getStyleClass().add(error ? "kl-error" : "kl-subtle");
    }
}
