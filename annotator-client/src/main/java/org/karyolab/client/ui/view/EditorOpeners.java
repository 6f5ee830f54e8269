package org.karyolab.client.ui.view;

import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/** How a side window (band editor, anomaly editor) hooks into the editor: a toolbar button and a key. */
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
            if (e.getCode() != key || e.isShiftDown() != shift || e.isShortcutDown() || e.isAltDown()) return;
            if (editor.getScene() != null && editor.getScene().getFocusOwner() instanceof TextInputControl) return;
            open.run();
            e.consume();
        });
    }
}
