package org.karyolab.client.ui.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.editor.EditorHost.Needs;
import org.karyolab.schema.ImageAsset;

/**
 * The editor's own toolbar items, on an {@link OverflowToolbar} (what does not fit goes to its "More" menu). As the
 * window narrows, the case title goes first, then side windows' openers, help and merge, fit, undo and redo, submit
 * and review; the tools and Back last. Extensions add theirs after these ({@link EditorView#addToToolbar}).
 */
final class EditorToolbar {

    private static final String NEEDS = "kl-needs";

    private EditorToolbar() {
    }

    /** What the user's role must allow for {@code item} to work (RoleLimits turns the others off). */
    static void setNeeds(Node item, Needs needs) {
        item.getProperties().put(NEEDS, needs);
    }

    static Needs needs(Node item) {
        return item.getProperties().get(NEEDS) instanceof Needs n ? n : Needs.NOTHING;
    }

    static OverflowToolbar build(EditorModel model, ImageCanvas canvas, List<Tool> tools, ToggleGroup group, Consumer<Tool> select,
                                 Runnable back, Runnable submit, Runnable help) {
        Button backButton = button("\u25c0 Images", "back", back);
        ImageAsset asset = model.document().image();
        Label title = new Label("Case " + asset.caseId() + "  \u00b7  " + asset.width() + " \u00d7 " + asset.height()
                + (asset.stain() == null ? "" : "  \u00b7  " + asset.stain()));
        title.getStyleClass().add("kl-subtle");
        title.setId("case-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        OverflowToolbar.setPriority(title, 0);
        OverflowToolbar.setPriority(backButton, 9);
        var bar = new OverflowToolbar();
        bar.getChildren().addAll(backButton, new Separator(Orientation.VERTICAL));
        for (Tool t : tools) {
            ToggleButton b = new ToggleButton(t.name() + "  " + t.shortcut());
            b.setId("tool-" + t.shortcut());
            b.getStyleClass().add("tool-button");
            b.setToggleGroup(group);
            b.setUserData(t);
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(t.name() + " (" + t.shortcut() + "): " + t.help()));
            b.setOnAction(e -> select.accept(t));
            OverflowToolbar.setPriority(b, 8);
            setNeeds(b, t.draws() ? Needs.ANNOTATE : Needs.NOTHING);
            bar.getChildren().add(b);
        }
        Button undo = button("\u21b6 Undo", null, model::undoStep);
        Button redo = button("\u21b7 Redo", null, model::redoStep);
        model.undo().addListener(u -> Fx.onFx(() -> {
            undo.setDisable(!u.canUndo());
            redo.setDisable(!u.canRedo());
            undo.setTooltip(new Tooltip(u.canUndo() ? "Undo " + u.undoName() + " (Ctrl+Z)" : "Nothing to undo"));
            redo.setTooltip(new Tooltip(u.canRedo() ? "Redo " + u.redoName() + " (Ctrl+Shift+Z)" : "Nothing to redo"));
        }));
        undo.setDisable(true);
        redo.setDisable(true);
        Button fit = button("Fit", null, canvas::fitImage);
        Button submitButton = button("Submit for review", "submit", submit);
        setNeeds(submitButton, Needs.ANNOTATE);
        Button helpButton = button("?", "help", help);
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        OverflowToolbar.setPriority(helpButton, 2);
        OverflowToolbar.setPriority(fit, 3);
        OverflowToolbar.setPriority(undo, 4);
        OverflowToolbar.setPriority(redo, 4);
        OverflowToolbar.setPriority(submitButton, 6);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(new Separator(Orientation.VERTICAL), undo, redo, fit, spacer, title, submitButton, helpButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("kl-toolbar");
        return bar;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        if (id != null) b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
