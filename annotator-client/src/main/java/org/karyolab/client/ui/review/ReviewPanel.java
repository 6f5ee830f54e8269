package org.karyolab.client.ui.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.ImageReview;
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
 * own comment and accept / reject. Rows stay where they are while the reviewer works ({@link #update});
 * only the Sort button orders them again ({@link #resort}), so a click never lands on a row that moved. Decisions go straight to the server's review routes; the
 * annotation's new revision and status, as the server answered them, are then taken into the document
 * ({@link Autosave#adopt}). The server's refusal to
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
    private final VBox rows = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(rows);
    private final Map<String, Row> rowById = new LinkedHashMap<>();
    private final Label none = new Label("Nothing submitted for review on this image.");

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
        none.getStyleClass().add("kl-subtle");
        none.setWrapText(true);
        Button resort = new Button("\u21bb Sort");
        resort.setId("review-resort");
        resort.setFocusTraversable(false);
        resort.setTooltip(new Tooltip("Order the rows again: submitted first, then by class (rows otherwise stay where they are)"));
        resort.setOnAction(e -> resort());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        var listHead = new HBox(6, section("ANNOTATIONS"), gap, resort);
        listHead.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(section("REVIEW"), state, legend(), imageComment, imageButtons, message, listHead, scroll);
        update();
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
        Fx.async(() -> client.reviewState(document.imageId()), r -> state.setText("Image: " + stateName(r)),
                err -> state.setText("Image review state unknown: " + Errors.message(err)));
    }

    /**
     * Brings the rows up to date with the document <em>without moving them</em>: a row keeps its place while the
     * reviewer works (a decision, a save from elsewhere), so the pointer stays over the row it was aimed at;
     * annotations new in review are added at the end. Only {@link #resort} orders them again.
     */
    public void update() {
        var fresh = new ArrayList<Annotation>();
        for (Annotation a : document.annotations()) {
            if (a.status() != AnnotationStatus.DRAFT && !rowById.containsKey(a.id())) fresh.add(a);
        }
        fresh.sort(ORDER);
        rowById.values().forEach(r -> r.show(document.annotation(r.id)));
        for (Annotation a : fresh) {
            var row = new Row(a);
            rowById.put(a.id(), row);
            rows.getChildren().add(row.node);
        }
        if (rowById.isEmpty() && rows.getChildren().isEmpty()) rows.getChildren().add(none);
        else if (!rowById.isEmpty()) rows.getChildren().remove(none);
        highlightSelection();
    }

    /** The explicit refresh: submitted first, then the decided ones, by class; rows no longer in review go. Comments stay. */
    public void resort() {
        rowById.values().removeIf(r -> {
            Annotation a = document.annotation(r.id);
            return a == null || a.status() == AnnotationStatus.DRAFT;
        });
        var sorted = new ArrayList<>(rowById.values());
        sorted.sort(Comparator.comparing((Row r) -> document.annotation(r.id), ORDER));
        rowById.clear();
        rows.getChildren().clear();
        sorted.forEach(r -> {
            rowById.put(r.id, r);
            rows.getChildren().add(r.node);
        });
        update();
    }

    /** Accept or reject the one selected annotation with its row's comment (the review keys). */
    public void decideSelected(String decision) {
        var selected = document.selection();
        Row row = selected.size() == 1 ? rowById.get(selected.iterator().next()) : null;
        if (row == null) {
            say("Select one annotation in review first (N selects the next submitted one).", true);
        } else if (row.shownStatus != AnnotationStatus.SUBMITTED) {
            say("Not in review: only submitted annotations can be accepted or rejected.", true);
        } else {
            row.decide(decision);
        }
    }

    /** The next submitted annotation in the rows' order after the selected one (wrapping), or null if none is left. */
    public String nextSubmitted() {
        var ids = new ArrayList<>(rowById.keySet());
        var selected = document.selection();
        int from = selected.size() == 1 ? ids.indexOf(selected.iterator().next()) : -1;
        for (int i = 1; i <= ids.size(); i++) {
            String id = ids.get(Math.floorMod(from + i, ids.size()));
            if (rowById.get(id).shownStatus == AnnotationStatus.SUBMITTED) return id;
        }
        return null;
    }

    /** The annotation ids of the rows, top to bottom (tests). */
    public List<String> rowOrder() {
        return List.copyOf(rowById.keySet());
    }

    private static final Comparator<Annotation> ORDER = Comparator
            .comparing((Annotation a) -> a.status() != AnnotationStatus.SUBMITTED)
            .thenComparing(a -> a.labels().chromosomeClass() == null ? 99 : a.labels().chromosomeClass().number());

    private void highlightSelection() {
        var selected = document.selection();
        rowById.values().forEach(r -> r.highlight(selected.contains(r.id)));
    }

    /** One annotation's row; its buttons and comment belong to that annotation's id for the row's whole life. */
    private final class Row {
        final String id;
        final VBox node;
        final Region chip = new Region();
        final Label what = new Label();
        final Label status = new Label();
        final TextField comment = new TextField();
        final Button accept = new Button("\u2713 Accept");
        final Button reject = new Button("\u2717 Reject");
        private AnnotationStatus shownStatus;
        private boolean selected;

        Row(Annotation a) {
            this.id = a.id();
            chip.setMinSize(12, 12);
            chip.setMaxSize(12, 12);
            status.setId("review-status-" + id);
            status.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var head = new HBox(6, chip, what, spacer, status);
            head.setAlignment(Pos.CENTER_LEFT);
            comment.setId("review-comment-" + id);
            comment.getStyleClass().add("review-comment");
            comment.setPromptText("Comment (optional)");
            comment.setStyle("-fx-prompt-text-fill: #8b919c;");
            accept.setId("review-accept-" + id);
            reject.setId("review-reject-" + id);
            accept.setOnAction(e -> decide("accept"));
            reject.setOnAction(e -> decide("reject"));
            what.setMinWidth(0);
            what.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            HBox.setHgrow(comment, Priority.ALWAYS);
            comment.setPrefColumnCount(8); // the comment gives way, the buttons keep their words
            accept.setMinWidth(Region.USE_PREF_SIZE);
            reject.setMinWidth(Region.USE_PREF_SIZE);
            var actions = new HBox(4, comment, accept, reject);
            actions.setAlignment(Pos.CENTER_LEFT);
            node = new VBox(3, head, actions);
            node.setUserData(id);
            node.getStyleClass().add("review-row");
            node.setPadding(new Insets(3, 5, 3, 5));
            node.setOnMouseClicked(e -> model.selectAnnotations(List.of(id)));
            show(a);
        }

        /** The row's annotation as the document has it now (null: deleted meanwhile). */
        void show(Annotation a) {
            if (a != null) {
                var c = ClassColors.of(a.labels());
                chip.setStyle("-fx-background-color: rgb(%d,%d,%d); -fx-background-radius: 3;".formatted((int) (c.getRed() * 255),
                        (int) (c.getGreen() * 255), (int) (c.getBlue() * 255)));
                String cls = a.labels().chromosomeClass() == null
                        ? (a.labels().clusterType() == null ? "no class" : ClassColors.tag(a.labels()))
                        : "class " + a.labels().chromosomeClass().label();
                what.setText(cls + " \u00b7 " + kind(a.shape()) + (a.provenance() == null ? "" : " \u00b7 by " + a.provenance().author()));
            }
            AnnotationStatus s = a == null ? null : a.status();
            status.setText(s == null ? "deleted" : s.name().toLowerCase(Locale.ROOT));
            boolean open = s == AnnotationStatus.SUBMITTED;
            accept.setDisable(!open);
            reject.setDisable(!open);
            shownStatus = s;
            style();
        }

        void highlight(boolean on) {
            if (on == selected) return;
            selected = on;
            if (on) node.getStyleClass().add("review-row-selected");
            else node.getStyleClass().remove("review-row-selected");
            style();
        }

        private void style() {
            String colour = shownStatus == null ? "#5c6370" : ReviewColors.web(shownStatus);
            status.setStyle("-fx-text-fill: " + colour + "; -fx-font-weight: bold;");
            node.setStyle("-fx-background-color: " + (selected ? "#3b4252" : "#2b2e36") + "; -fx-background-radius: 6; -fx-border-color: "
                    + (selected ? "#e5e9f0 #e5e9f0 #e5e9f0 " : "transparent transparent transparent ") + colour
                    + "; -fx-border-width: 1 1 1 4;" // the same widths either way: the row's content does not move
                    + " -fx-border-radius: 6 0 0 6;");
        }

        /** This row's decision with this row's comment, for this row's annotation. */
        void decide(String decision) {
            reviewAnnotation(id, decision, comment.getText());
        }
    }

    private static String kind(Shape s) {
        return s.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Scrolls an annotation's row into view and marks it (a click on the canvas). */
    public void show(String annotationId) {
        highlightSelection();
        Row row = rowById.get(annotationId);
        if (row == null) return;
        double h = rows.getHeight() - scroll.getViewportBounds().getHeight();
        if (h > 0) scroll.setVvalue(Math.clamp(row.node.getBoundsInParent().getMinY() / h, 0, 1));
    }

    /** Accept or reject one annotation (background; the result comes back on the JavaFX thread). */
    public void reviewAnnotation(String id, String decision, String comment) {
        say(decision.equals("accept") ? "Accepting\u2026" : "Rejecting\u2026", false);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Fx.async(() -> {
            Annotation done = client.reviewAnnotation(id, decision, text);
            autosave.adopt(List.of(done));
            return done;
        }, done -> {
            Row row = rowById.get(id);
            if (row != null) row.comment.clear();
            say((decision.equals("accept") ? "Accepted" : "Rejected") + (text == null ? "" : " with comment \u201c" + text + "\u201d")
                    + "; now revision " + done.revision() + ".", false);
            model.say("Review: " + done.status().name().toLowerCase(Locale.ROOT));
            update();
            refreshState();
        }, this::refused);
    }

    /** Accept or reject every submitted annotation of the image at once. */
    public void reviewImage(String decision) {
        String text = imageComment.getText() == null || imageComment.getText().isBlank() ? null : imageComment.getText().strip();
        say(decision.equals("accept") ? "Accepting the image\u2026" : "Rejecting the image\u2026", false);
        Fx.async(() -> {
            ImageReview r = client.reviewImage(document.imageId(), decision, text);
            autosave.adopt(r.changed());
            return r;
        }, r -> {
            imageComment.clear();
            state.setText("Image: " + stateName(r));
            say("Image " + (decision.equals("accept") ? "accepted" : "rejected") + ": " + r.changed().size() + " annotation"
                    + (r.changed().size() == 1 ? "" : "s") + " decided.", false);
            update();
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

    /** The image's review state as the server spells it. */
    private static String stateName(ImageReview r) {
        return r.reviewState() == null ? "open" : r.reviewState().jsonName();
    }
}
