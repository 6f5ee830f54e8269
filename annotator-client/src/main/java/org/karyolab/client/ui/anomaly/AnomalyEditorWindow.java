package org.karyolab.client.ui.anomaly;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.editor.SideWindows;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;

/**
 * Opens the {@link AnomalyEditorView} of an editor as a window beside it (one per editor; opening it
 * again brings it to the front). Ctrl+Z / Ctrl+Shift+Z undo and redo the editor's edits, in a field too once
 * nothing is typed there (while typing, they edit the text); Esc drops what was typed, else closes the window.
 */
public final class AnomalyEditorWindow implements EditorExtension {

    private static final String KEY = AnomalyEditorWindow.class.getName();

    /** The editor's toolbar button and its key (T, no modifier), before the editor's own keys. */
    @Override
    public void install(EditorHost editor) {
        SideWindows.opener(editor, "ISCN  T", "open-anomaly-editor",
                "Anomaly editor: ISCN anomalies of the selected chromosome and the karyotype, checked live (T)",
                KeyAction.of("window.anomalies", Section.WINDOWS, "T",
                        "anomaly editor: ISCN anomalies of the selected chromosome and the image's karyotype, checked as you type",
                        KeyAction.taken(() -> show(editor)), KeyAction.key(KeyCode.T)).in(KeyAction.Phase.FIRST),
                () -> show(editor));
    }

    /** The open window's view, or null. */
    public static AnomalyEditorView of(EditorHost editor) {
        return editor.getProperties().get(KEY) instanceof Stage s && s.getScene().getRoot() instanceof AnomalyEditorView v ? v : null;
    }

    public static Stage show(EditorHost editor) {
        Stage open = SideWindows.shown(editor, KEY);
        if (open != null) return open;
        var view = new AnomalyEditorView(editor.model(), editor.autosave().client());
        return SideWindows.window(editor, KEY, "ISCN anomalies and karyotype", view, 560, 480, view::close);
    }
}
