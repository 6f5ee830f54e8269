package org.karyolab.client.ui.view;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;

/** The projects the user is a member of; double-click or Enter opens one. */
public final class ProjectsView extends BorderPane {

    private final ListView<ProjectInfo> list = new ListView<>();
    private final Label message = new Label();

    public ProjectsView(KaryoLabClient client, Consumer<ProjectInfo> open, Runnable signOut) {
        getStyleClass().add("kl-root");
        getStylesheets().add(Objects.requireNonNull(ProjectsView.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        list.setId("projects");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProjectInfo p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(p.project().name());
                name.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
                Label description = new Label(p.project().description() == null ? "" : p.project().description());
                description.getStyleClass().add("kl-subtle");
                setGraphic(new VBox(2, name, description));
                setText(null);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) open.accept(list.getSelectionModel().getSelectedItem());
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        Label title = new Label("Projects");
        title.getStyleClass().add("kl-title");
        Label who = new Label("Signed in as " + client.username() + " on " + client.baseUrl());
        who.getStyleClass().add("kl-subtle");
        Button openButton = new Button("Open");
        openButton.setId("open-project");
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> open.accept(list.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        Button out = new Button("Sign out");
        out.setOnAction(e -> signOut.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(10, new VBox(2, title, who), spacer, out);
        top.setAlignment(Pos.CENTER_LEFT);
        var bottom = new HBox(10, openButton, refresh, message);
        bottom.setAlignment(Pos.CENTER_LEFT);
        message.getStyleClass().add("kl-error");
        setTop(top);
        setCenter(list);
        setBottom(bottom);
        setPadding(new Insets(16));
        BorderPane.setMargin(list, new Insets(12, 0, 12, 0));
        Runnable load = () -> Fx.async(client::projects, projects -> {
            list.getItems().setAll(projects);
            if (!projects.isEmpty()) list.getSelectionModel().selectFirst();
            message.setText(projects.isEmpty() ? "You are not a member of any project yet." : "");
        }, err -> message.setText(Errors.message(err)));
        refresh.setOnAction(e -> load.run());
        load.run();
    }

    public ListView<ProjectInfo> list() {
        return list;
    }
}
