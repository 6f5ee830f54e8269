package org.karyolab.client.ui.view;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.canvas.ImageCanvas;

/** The editor's status bar: autosave's state, the tool, the line of feedback, then the pointer and the zoom. */
final class StatusBar extends HBox {

    private final Label saveState = new Label();
    private final Region spacer = new Region();

    StatusBar(EditorModel model, ImageCanvas canvas) {
        saveState.setId("save-state");
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(model.messageProperty());
        Label pointer = new Label();
        pointer.textProperty().bind(canvas.pointerProperty());
        Label tool = new Label();
        tool.textProperty().bind(canvas.toolProperty().map(t -> t == null ? "" : "Tool: " + t.name()));
        Label zoom = new Label();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(saveState, tool, message, spacer, pointer, zoom);
        getStyleClass().add("kl-status");
        setAlignment(Pos.CENTER_LEFT);
        // The zoom is read from the viewport on every frame the canvas draws; a cheap poll keeps the label honest.
        var zoomPoll = new Timeline(new KeyFrame(Duration.millis(250), e -> zoom.setText(Math.round(canvas.viewport().scale() * 100) + "%")));
        zoomPoll.setCycleCount(Timeline.INDEFINITE);
        zoomPoll.play();
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) zoomPoll.stop();
            else zoomPoll.play();
        });
    }

    Label saveState() {
        return saveState;
    }

    /** After the save state, the tool and the message (live events' progress bars). */
    void add(Node item) {
        getChildren().add(getChildren().indexOf(spacer), item);
    }

    /** Autosave's state in words: saved, saving, unsent edits in the journal, offline, conflicts. */
    static String describe(Autosave.Status s) {
        if (!s.online()) {
            return "\u25cf Offline \u2014 " + s.unsentChanges() + " unsent edit" + (s.unsentChanges() == 1 ? "" : "s") + " kept in the journal";
        }
        if (s.conflicts() > 0) return "\u25cf " + s.conflicts() + " conflict" + (s.conflicts() == 1 ? "" : "s") + " to settle";
        if (s.refusal() != null && s.unsentChanges() == 0) return "\u25cf Edit refused by the server and undone \u2014 " + s.refusal();
        if (s.unsentChanges() == 0) return "\u25cf All changes saved";
        if (s.queuedOps() > 0) return "\u25cf Saving \u2014 " + s.unsentChanges() + " unsent edit" + (s.unsentChanges() == 1 ? "" : "s") + " in the journal";
        return "\u25cf Saving\u2026";
    }

    void show(Autosave.Status s) {
        saveState.setText(describe(s));
        saveState.getStyleClass().removeAll("kl-save-ok", "kl-save-busy", "kl-save-offline");
        saveState.getStyleClass().add(!s.online() || s.conflicts() > 0 || s.refusal() != null ? "kl-save-offline" : s.unsentChanges() > 0 ? "kl-save-busy" : "kl-save-ok");
        saveState.setTooltip(s.lastError() == null ? null : new Tooltip(s.lastError()));
    }
}
