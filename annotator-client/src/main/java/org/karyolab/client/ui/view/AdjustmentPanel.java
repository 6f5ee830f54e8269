package org.karyolab.client.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.karyolab.client.ui.canvas.Adjustments;

/** Brightness, contrast, gamma and invert of the image display (a lookup table; the data is untouched). */
public final class AdjustmentPanel extends VBox {

    private final Slider brightness = slider(-1, 1, 0, "brightness");
    private final Slider contrast = slider(-1, 1, 0, "contrast");
    private final Slider gamma = slider(0.2, 3, 1, "gamma");
    private final CheckBox invert = new CheckBox("Invert");
    private boolean syncing;

    public AdjustmentPanel(ObjectProperty<Adjustments> target) {
        setSpacing(4);
        var grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        grid.addRow(0, new Label("Brightness"), brightness);
        grid.addRow(1, new Label("Contrast"), contrast);
        grid.addRow(2, new Label("Gamma"), gamma);
        GridPane.setHgrow(brightness, Priority.ALWAYS);
        invert.setId("invert");
        invert.setFocusTraversable(false);
        Button reset = new Button("Reset");
        reset.setFocusTraversable(false);
        reset.setOnAction(e -> target.set(Adjustments.NONE));
        var row = new HBox(10, invert, reset);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(grid, row);
        Runnable push = () -> {
            if (!syncing) target.set(new Adjustments(brightness.getValue(), contrast.getValue(), gamma.getValue(), invert.isSelected()));
        };
        brightness.valueProperty().addListener((o, a, b) -> push.run());
        contrast.valueProperty().addListener((o, a, b) -> push.run());
        gamma.valueProperty().addListener((o, a, b) -> push.run());
        invert.selectedProperty().addListener((o, a, b) -> push.run());
        target.addListener((o, a, now) -> {
            syncing = true;
            brightness.setValue(now.brightness());
            contrast.setValue(now.contrast());
            gamma.setValue(now.gamma());
            invert.setSelected(now.invert());
            syncing = false;
        });
    }

    private static Slider slider(double min, double max, double value, String id) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setPrefWidth(120);
        s.setFocusTraversable(false);
        return s;
    }
}
