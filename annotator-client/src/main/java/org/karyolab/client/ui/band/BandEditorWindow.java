package org.karyolab.client.ui.band;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.karyolab.client.ui.TextEntry;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.editor.SideWindows;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;

/**
 * Opens the {@link BandEditorView} of an editor as a window beside it (one per editor; opening it
 * again brings it to the front). It straightens from the image the editor's canvas shows. Ctrl+Z /
 * Ctrl+Shift+Z (Ctrl+Y) undo and redo the editor's edits; Esc or Shift+B closes it. It opens with the focus
 * on the straightened chromosome, not in the half-width spinner (where typing a class wrote into the spinner).
 */
public final class BandEditorWindow implements EditorExtension {

    private static final String KEY = BandEditorWindow.class.getName();
    /** Opens the window, and closes it again: B alone is the box tool and E the eraser. */
    private static final KeyCombination OPENING = KeyAction.shift(KeyCode.B);

    /** The editor's toolbar button and its key (Shift+B), before the editor's own keys. */
    @Override
    public void install(EditorHost editor) {
        SideWindows.opener(editor, "Bands  Shift+B", "open-band-editor",
                "Band editor: the selected chromosome straightened beside its reference ideogram (Shift+B)",
                KeyAction.of("window.bands", Section.WINDOWS, "Shift+B",
                        "band editor: the selected chromosome straightened along its axis beside its reference ideogram",
                        KeyAction.taken(() -> show(editor)), OPENING).in(KeyAction.Phase.FIRST),
                () -> show(editor));
    }

    /** The open window's view, or null. */
    public static BandEditorView of(EditorHost editor) {
        return editor.getProperties().get(KEY) instanceof Stage s && s.getScene().getRoot() instanceof BandEditorView v ? v : null;
    }

    public static Stage show(EditorHost editor) {
        Stage open = SideWindows.shown(editor, KEY);
        if (open != null) {
            BandEditorView v = of(editor);
            if (v != null) v.refresh();
            return open;
        }
        var view = new BandEditorView(editor.model(), () -> editor.canvas().shownImage());
        Stage stage = SideWindows.window(editor, KEY, "Band editor", view, 640, 780, view::close);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> { // the opening key closes it (Esc: SideWindows.window)
            if (e.isConsumed() || TextEntry.hasFocus(stage.getScene())) return;
            if (OPENING.match(e)) {
                stage.hide();
                e.consume();
            }
        });
        view.focusBoard();
        return stage;
    }
}
