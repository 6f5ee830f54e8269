package org.karyolab.client.ui.view;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.review.ReviewColors;
import org.karyolab.schema.AnnotationStatus;

/**
 * One image of the images list: its thumbnail, case and size, the annotation and open-suggestion counts and the
 * review state. Thumbnails are fetched once per image (in the background) and shared by the cells that show it.
 */
final class ImageRow extends ListCell<ImageInfo> {

    static final int THUMB = 56;

    /** Thumbnails by image id, loaded or loading; the JavaFX thread's. */
    static final class Thumbnails {
        private final KaryoLabClient client;
        private final Map<String, ObjectProperty<Image>> byId = new HashMap<>();

        Thumbnails(KaryoLabClient client) {
            this.client = client;
        }

        ObjectProperty<Image> of(String imageId) {
            return byId.computeIfAbsent(imageId, id -> {
                var p = new SimpleObjectProperty<Image>();
                Fx.async(() -> client.thumbnail(id, THUMB * 2), // twice the size: sharp on a HiDPI screen
                        png -> p.set(new Image(new ByteArrayInputStream(png))), err -> { });
                return p;
            });
        }
    }

    private final Thumbnails thumbnails;
    private final ImageView thumb = new ImageView();

    ImageRow(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
        thumb.setFitWidth(THUMB);
        thumb.setFitHeight(THUMB);
        thumb.setPreserveRatio(true);
        thumb.setSmooth(true);
    }

    @Override
    protected void updateItem(ImageInfo i, boolean empty) {
        super.updateItem(i, empty);
        thumb.imageProperty().unbind();
        thumb.setImage(null);
        if (empty || i == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        thumb.imageProperty().bind(thumbnails.of(i.id()));
        var frame = new StackPane(thumb);
        frame.setMinSize(THUMB, THUMB);
        frame.setMaxSize(THUMB, THUMB);
        frame.setStyle("-fx-background-color: #111317;");
        Label name = new Label("Case " + i.caseId() + "   " + i.width() + " \u00d7 " + i.height());
        name.setStyle("-fx-font-weight: bold;");
        Label work = new Label(work(i));
        work.setId("image-work");
        Label state = stateBadge(i.reviewState() == null ? null : i.reviewState().jsonName());
        Label detail = new Label((i.kind() == null ? "" : i.kind().toString().toLowerCase(Locale.ROOT))
                + (i.stain() == null ? "" : " \u00b7 " + i.stain()) + (i.split() == null ? "" : " \u00b7 " + i.split())
                + " \u00b7 " + i.id());
        detail.getStyleClass().add("kl-subtle");
        var workRow = new HBox(8, state, work);
        workRow.setAlignment(Pos.CENTER_LEFT);
        var row = new HBox(12, frame, new VBox(2, name, workRow, detail));
        row.setAlignment(Pos.CENTER_LEFT);
        setGraphic(row);
        setText(null);
    }

    /** "12 annotations · 3 open suggestions". */
    static String work(ImageInfo i) {
        return i.annotationCount() + (i.annotationCount() == 1 ? " annotation" : " annotations") + " \u00b7 "
                + i.openSuggestionCount() + (i.openSuggestionCount() == 1 ? " open suggestion" : " open suggestions");
    }

    /** The review state as a small coloured badge (the review panel's colours). */
    static Label stateBadge(String reviewState) {
        String s = reviewState == null ? "open" : reviewState;
        String colour = ReviewColors.web(switch (s) {
            case "submitted" -> AnnotationStatus.SUBMITTED;
            case "accepted" -> AnnotationStatus.ACCEPTED;
            case "rejected" -> AnnotationStatus.REJECTED;
            default -> AnnotationStatus.DRAFT; // open: nothing submitted yet
        });
        Label badge = new Label(s);
        badge.setId("image-review-state");
        badge.setStyle("-fx-text-fill: #111317; -fx-font-size: 11px; -fx-font-weight: bold; -fx-padding: 0 6 0 6;"
                + " -fx-background-radius: 8; -fx-background-color: " + colour + ";");
        return badge;
    }
}
