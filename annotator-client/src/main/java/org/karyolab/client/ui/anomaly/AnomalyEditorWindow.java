package org.karyolab.client.ui.anomaly;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.karyolab.client.ui.view.EditorOpeners;
import org.karyolab.client.ui.view.EditorView;

/**
 * Opens the {@link AnomalyEditorView} of an editor as a window beside it (one per editor; opening it
 * again brings it to the front). Ctrl+Z / Ctrl+Shift+Z undo and redo the editor's edits, in a field too once
 * nothing is typed there (while typing, they edit the text); Esc drops what was typed, else closes the window.
 */
public final class AnomalyEditorWindow {

    private static final String KEY = AnomalyEditorWindow.class.getName();

    private AnomalyEditorWindow() {
    }

    /**
     * Adds the editor's toolbar button and its key (T, no modifier, not while typing in a text field).
     * Called once from the editor's constructor.
     */
    public static void install(EditorView editor) {
        EditorOpeners.install(editor, "ISCN  T", "open-anomaly-editor",
                "Anomaly editor: ISCN anomalies of the selected chromosome and the karyotype, checked live (T)",
                KeyCode.T, false, () -> show(editor));
    }

    /** The open window's view, or null. */
    public static AnomalyEditorView of(EditorView editor) {
        return editor.getProperties().get(KEY) instanceof Stage s && s.getScene().getRoot() instanceof AnomalyEditorView v ? v : null;
    }

    public static Stage show(EditorView editor) {
        Stage open = EditorOpeners.shown(editor, KEY);
        if (open != null) return open;
        var view = new AnomalyEditorView(editor.model(), editor.autosave().client());
        return EditorOpeners.window(editor, KEY, "ISCN anomalies and karyotype", view, 560, 480, view::close);
    }
}
