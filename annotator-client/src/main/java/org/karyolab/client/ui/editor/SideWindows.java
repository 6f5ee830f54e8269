package org.karyolab.client.ui.editor;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.karyolab.client.ui.TextEntry;
import org.karyolab.client.ui.keys.KeyAction;

/**
 * How a side window (band editor, anomaly editor, karyogram) hooks into the editor: a toolbar button and a key
 * that open it, and one window of each kind per editor.
 */
public final class SideWindows {

    private static final List<String> UNDO_REDO = List.of(EditorHost.UNDO, EditorHost.REDO);

    private SideWindows() {
    }

    /**
     * Adds a toolbar button that opens the window and declares {@code key}, the key that opens it (never while a
     * text field has the focus, so typing is not hijacked: the editor's keymap sees no typing).
     */
    public static void opener(EditorHost editor, String label, String id, String tooltip, KeyAction key, Runnable open) {
        Button b = new Button(label);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> open.run());
        editor.addToToolbar(b, EditorHost.OPENER_PRIORITY, EditorHost.Needs.NOTHING);
        editor.keys().add(key);
    }

    /** The editor's window of this kind, shown again and brought to the front; null if there is none. */
    public static Stage shown(EditorHost editor, Object key) {
        if (!(editor.getProperties().get(key) instanceof Stage open)) return null;
        open.show();
        open.toFront();
        return open;
    }

    /**
     * Shows {@code view} as the editor's window of this kind: owned by the editor's window; the editor's undo and
     * redo keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) work in it unless a text input has the focus (there they edit the
     * text; see {@link TextEntry}); Esc closes it unless something inside took the key (a text field dropping what
     * was typed); {@code close} runs when it is hidden; it hides when the editor leaves its scene.
     */
    public static Stage window(EditorHost editor, Object key, String title, Parent view, double width, double height,
                               Runnable close) {
        var stage = new Stage();
        stage.setTitle(title);
        if (editor.getScene() != null && editor.getScene().getWindow() != null) stage.initOwner(editor.getScene().getWindow());
        var scene = new Scene(view, width, height);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (TextEntry.hasFocus(scene)) return;
            if (editor.keys().press(e, UNDO_REDO)) e.consume();
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
