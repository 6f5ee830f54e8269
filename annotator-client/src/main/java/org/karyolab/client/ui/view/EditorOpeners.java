package org.karyolab.client.ui.view;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.karyolab.client.ui.TextEntry;

/**
 * How a side window (band editor, anomaly editor, karyogram) hooks into the editor: a toolbar button and a
 * key, and one window of each kind per editor.
 */
public final class EditorOpeners {

    private EditorOpeners() {
    }

    /**
     * Adds a toolbar button and a key ({@code shift} or not; never with Ctrl/Alt, never while a text field has
     * the focus, so typing is not hijacked) that both run {@code open}.
     */
    public static void install(EditorView editor, String label, String id, String tooltip, KeyCode key, boolean shift,
                               Runnable open) {
        Button b = new Button(label);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> open.run());
        if (editor.getTop() instanceof HBox bar) bar.getChildren().add(b);
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.getCode() != key || e.isShiftDown() != shift || e.isShortcutDown() || e.isAltDown()) return;
            if (TextEntry.hasFocus(editor.getScene())) return;
            open.run();
            e.consume();
        });
    }

    /** The editor's window of this kind, shown again and brought to the front; null if there is none. */
    public static Stage shown(EditorView editor, Object key) {
        if (!(editor.getProperties().get(key) instanceof Stage open)) return null;
        open.show();
        open.toFront();
        return open;
    }

    /**
     * Shows {@code view} as the editor's window of this kind: owned by the editor's window; Ctrl+Z and
     * Ctrl+Shift+Z (Ctrl+Y) undo and redo the editor's edits unless a text input has the focus (there they edit
     * the text; see {@link TextEntry}); Esc closes it unless something inside took the key (a text field dropping
     * what was typed); {@code close} runs when it is hidden; it hides when the editor leaves its scene.
     */
    public static Stage window(EditorView editor, Object key, String title, Parent view, double width, double height,
                               Runnable close) {
        var stage = new Stage();
        stage.setTitle(title);
        if (editor.getScene() != null && editor.getScene().getWindow() != null) stage.initOwner(editor.getScene().getWindow());
        var scene = new Scene(view, width, height);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || TextEntry.hasFocus(scene)) return;
            if (e.getCode() == KeyCode.Z && !e.isShiftDown()) editor.model().undoStep();
            else if (e.getCode() == KeyCode.Z || e.getCode() == KeyCode.Y) editor.model().redoStep();
            else return;
            e.consume();
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> { // a handler: only what nothing inside consumed
            if (e.getCode() != KeyCode.ESCAPE || e.isShortcutDown() || e.isAltDown()) return;
            stage.hide();
            e.consume();
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            close.run();
            editor.getProperties().remove(key);
        });
        editor.getProperties().put(key, stage);
        editor.sceneProperty().addListener((o, a, now) -> {
            if (now == null) stage.hide();
        });
        stage.show();
        return stage;
    }
}
