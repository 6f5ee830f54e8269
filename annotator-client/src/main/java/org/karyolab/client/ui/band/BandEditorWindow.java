package org.karyolab.client.ui.band;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.karyolab.client.ui.TextEntry;
import org.karyolab.client.ui.view.EditorOpeners;
import org.karyolab.client.ui.view.EditorView;

/**
 * Opens the {@link BandEditorView} of an editor as a window beside it (one per editor; opening it
 * again brings it to the front). It straightens from the image the editor's canvas shows. Ctrl+Z /
 * Ctrl+Shift+Z (Ctrl+Y) undo and redo the editor's edits; Esc or Shift+B closes it. It opens with the focus
 * on the straightened chromosome, not in the half-width spinner (where typing a class wrote into the spinner).
 */
public final class BandEditorWindow {

    private static final String KEY = BandEditorWindow.class.getName();

    private BandEditorWindow() {
    }

    /**
     * Adds the editor's toolbar button and its key (Shift+B, not while typing in a text field).
     * Called once from the editor's constructor.
     */
    public static void install(EditorView editor) {
        // Shift+B: B alone is the box tool and E the eraser.
        EditorOpeners.install(editor, "Bands  Shift+B", "open-band-editor",
                "Band editor: the selected chromosome straightened beside its reference ideogram (Shift+B)",
                KeyCode.B, true, () -> show(editor));
    }

    /** The open window's view, or null. */
    public static BandEditorView of(EditorView editor) {
        return editor.getProperties().get(KEY) instanceof Stage s && s.getScene().getRoot() instanceof BandEditorView v ? v : null;
    }

    public static Stage show(EditorView editor) {
        Stage open = EditorOpeners.shown(editor, KEY);
        if (open != null) {
            BandEditorView v = of(editor);
            if (v != null) v.refresh();
            return open;
        }
        var view = new BandEditorView(editor.model(), () -> editor.canvas().shownImage());
        Stage stage = EditorOpeners.window(editor, KEY, "Band editor", view, 640, 780, view::close);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> { // the opening key closes it (Esc: EditorOpeners.window)
            if (e.isConsumed() || e.isShortcutDown() || e.isAltDown() || TextEntry.hasFocus(stage.getScene())) return;
            if (e.getCode() == KeyCode.B && e.isShiftDown()) {
                stage.hide();
                e.consume();
            }
        });
        view.focusBoard();
        return stage;
    }
}
