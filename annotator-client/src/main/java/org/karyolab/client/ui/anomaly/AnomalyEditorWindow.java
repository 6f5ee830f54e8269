package org.karyolab.client.ui.anomaly;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.karyolab.client.ui.view.EditorOpeners;
import org.karyolab.client.ui.view.EditorView;

/**
 * Opens the {@link AnomalyEditorView} of an editor as a window beside it (one per editor; opening it
 * again brings it to the front). Ctrl+Z / Ctrl+Shift+Z undo and redo the editor's edits, except while
 * a text field has the focus (there they edit the text).
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
        if (editor.getProperties().get(KEY) instanceof Stage open) {
            open.show();
            open.toFront();
            return open;
        }
        var view = new AnomalyEditorView(editor.model(), editor.autosave().client());
        var stage = new Stage();
        stage.setTitle("ISCN anomalies and karyotype");
        if (editor.getScene() != null && editor.getScene().getWindow() != null) stage.initOwner(editor.getScene().getWindow());
        var scene = new Scene(view, 560, 480);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || scene.getFocusOwner() instanceof TextInputControl) return;
            if (e.getCode() == KeyCode.Z && !e.isShiftDown()) editor.model().undoStep();
            else if (e.getCode() == KeyCode.Z || e.getCode() == KeyCode.Y) editor.model().redoStep();
            else return;
            e.consume();
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            view.close();
            editor.getProperties().remove(KEY);
        });
        editor.getProperties().put(KEY, stage);
        editor.sceneProperty().addListener((o, a, now) -> {
            if (now == null) stage.hide();
        });
        stage.show();
        return stage;
    }
}
