package org.karyolab.client.ui.view;

import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.api.Lease;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;

/**
 * A project's images, a page at a time (the server's keyset cursor: "More" loads the next page), each with
 * its thumbnail, annotation and open-suggestion counts and review state ({@link ImageRow}), and "Next from
 * queue", which leases the most urgent image nobody holds.
 */
public final class ImagesView extends BorderPane {

    static final int PAGE = 50;

    private final KaryoLabClient client;
    private final ProjectInfo project;
    private final ListView<ImageInfo> list = new ListView<>();
    private final Button more = new Button("More");
    private final Label message = new Label();
    private String next;

    /** @param open called with the image id and the lease (null when opened from the list) */
    public ImagesView(KaryoLabClient client, ProjectInfo project, BiConsumer<String, Lease> open, Runnable back) {
        this.client = client;
        this.project = project;
        getStyleClass().add("kl-root");
        getStylesheets().add(Objects.requireNonNull(ImagesView.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        list.setId("images");
        var thumbnails = new ImageRow.Thumbnails(client);
        list.setCellFactory(v -> new ImageRow(thumbnails));
        list.setOnMouseClicked(e -> {
            ImageInfo i = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && i != null) open.accept(i.id(), null);
        });
        list.setOnKeyPressed(e -> {
            ImageInfo i = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && i != null) open.accept(i.id(), null);
        });
        Label title = new Label(project.project().name());
        title.getStyleClass().add("kl-title");
        Button backButton = new Button("\u25c0 Projects");
        backButton.setOnAction(e -> back.run());
        Button queue = new Button("Next from queue");
        queue.setId("next-from-queue");
        queue.setDefaultButton(true);
        queue.setOnAction(e -> {
            message.setText("");
            Fx.async(() -> client.nextImage(project.id()), lease -> {
                if (lease.isEmpty()) message.setText("The queue is empty: every image is taken, submitted or accepted.");
                else open.accept(lease.get().imageId(), lease.get());
            }, err -> message.setText(Errors.message(err)));
        });
        Button openButton = new Button("Open");
        openButton.setId("open-image");
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> open.accept(list.getSelectionModel().getSelectedItem().id(), null));
        more.setId("more");
        more.setOnAction(e -> loadPage());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(12, backButton, title, spacer, queue);
        top.setAlignment(Pos.CENTER_LEFT);
        message.getStyleClass().add("kl-error");
        var bottom = new HBox(10, openButton, more, message);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        setCenter(list);
        setBottom(bottom);
        setPadding(new Insets(16));
        BorderPane.setMargin(list, new Insets(12, 0, 12, 0));
        loadPage();
    }

    private void loadPage() {
        more.setDisable(true);
        String after = next;
        Fx.async(() -> client.images(project.id(), PAGE, after), page -> {
            list.getItems().addAll(page.items());
            next = page.next();
            more.setDisable(page.last());
            more.setText(page.last() ? "All " + list.getItems().size() + " images shown" : "More");
            if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) list.getSelectionModel().selectFirst();
        }, err -> {
            more.setDisable(false);
            message.setText(Errors.message(err));
        });
    }

    public ListView<ImageInfo> list() {
        return list;
    }

    public Label messageLabel() {
        return message;
    }
}
