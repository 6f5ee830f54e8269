package org.karyolab.client.ui.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.ui.EditorModel;

/**
 * The editor's side panel, scrolling: the class palette (with flip polarity and the digits being typed), the
 * selection, the suggestions with their threshold, the layers and the image's display adjustments. Panels of
 * extensions go under the palette ({@link #addUnderPalette}).
 */
final class SidePanel extends ScrollPane {

    private final EditorModel model;
    private final VBox box = new VBox();
    private final Label selectionHeader = section("SELECTION");
    private final Label suggestionCount = new Label();
    private final Button acceptAbove = new Button();

    SidePanel(EditorModel model, PalettePanel palette, Label selection, EditorActions act) {
        this.model = model;
        box.getStyleClass().add("kl-side");
        box.setPrefWidth(228);

        Label typed = new Label();
        typed.setId("typed");
        typed.textProperty().bind(model.typedClassProperty().map(t -> t.isEmpty() ? "" : "typing " + t + "\u2026"));
        Button flip = new Button("Flip polarity  P");
        flip.setFocusTraversable(false);
        flip.setOnAction(e -> act.flipPolarity());
        selection.setWrapText(true);
        selection.setId("selection");

        Slider threshold = new Slider(0, 1, model.thresholdProperty().get());
        threshold.setId("threshold");
        threshold.setFocusTraversable(false);
        threshold.valueProperty().bindBidirectional(model.thresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(model.thresholdProperty().map(v -> "\u2265 " + Math.round(v.doubleValue() * 100) + "%"));
        acceptAbove.setId("accept-above");
        acceptAbove.setFocusTraversable(false);
        acceptAbove.setMaxWidth(Double.MAX_VALUE);
        acceptAbove.setOnAction(e -> act.acceptAllAbove());
        Button next = new Button("Next suggestion  N");
        next.setFocusTraversable(false);
        next.setMaxWidth(Double.MAX_VALUE);
        next.setOnAction(e -> act.nextSuggestion());
        var thresholdRow = new HBox(6, threshold, thresholdValue);
        HBox.setHgrow(threshold, Priority.ALWAYS);

        CheckBox showAnnotations = new CheckBox("Annotations  H");
        showAnnotations.setId("layer-annotations");
        showAnnotations.setFocusTraversable(false);
        showAnnotations.selectedProperty().bindBidirectional(model.showAnnotationsProperty());
        CheckBox showSuggestions = new CheckBox("Suggestions  S");
        showSuggestions.setId("layer-suggestions");
        showSuggestions.setFocusTraversable(false);
        showSuggestions.selectedProperty().bindBidirectional(model.showSuggestionsProperty());

        box.getChildren().addAll(
                section("CLASS"), palette, new HBox(8, flip, typed),
                selectionHeader, selection,
                section("SUGGESTIONS"), suggestionCount, thresholdRow, acceptAbove, next,
                section("LAYERS"), showAnnotations, showSuggestions,
                section("IMAGE"), new AdjustmentPanel(model.adjustmentsProperty()));
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setFocusTraversable(false);
        setStyle("-fx-background-color: #23262d; -fx-background: #23262d;");
    }

    /** At the end of the class section: after the palette and the row under it (flip polarity, typed digits). */
    void addUnderPalette(Node panel) {
        box.getChildren().add(box.getChildren().indexOf(selectionHeader), panel);
    }

    /** The open suggestions: how many, how many at or above the threshold (the button accepting those). */
    void refreshSuggestions() {
        List<ModelSuggestion> open = model.document().openSuggestions();
        double t = model.thresholdProperty().get();
        long above = open.stream().filter(s -> s.confidence() >= t).count();
        suggestionCount.setText(open.isEmpty() ? "No open suggestions" : open.size() + " open \u00b7 " + above + " above the threshold");
        acceptAbove.setText("Accept " + above + " \u2265 " + Math.round(t * 100) + "%  A");
        acceptAbove.setDisable(above == 0);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kl-section");
        return l;
    }
}
