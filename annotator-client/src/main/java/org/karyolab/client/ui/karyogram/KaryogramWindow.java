package org.karyolab.client.ui.karyogram;

import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.karyolab.client.ui.view.EditorOpeners;
import org.karyolab.client.ui.view.EditorView;

/** The karyogram in its own window, opened from the editor (Shift+K or the toolbar button); one per editor; Esc closes it. */
public final class KaryogramWindow {

    private static final Object KEY = KaryogramWindow.class;

    private KaryogramWindow() {
    }

    /** Adds the "Karyogram" button to the editor's toolbar. */
    public static void install(EditorView editor) {
        Button b = new Button("Karyogram  \u21e7K");
        b.setId("open-karyogram");
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip("The cell's chromosomes arranged by class (Shift+K)"));
        b.setOnAction(e -> open(editor));
        if (editor.getTop() instanceof HBox bar) bar.getChildren().add(b);
    }

    /** Opens (or brings to front) the editor's karyogram window; returns its view. JavaFX thread. */
    public static KaryogramView open(EditorView editor) {
        if (EditorOpeners.shown(editor, KEY) instanceof Stage open) {
            KaryogramView v = (KaryogramView) open.getScene().getRoot();
            v.rebuild();
            return v;
        }
        var view = new KaryogramView(editor.model(), () -> editor.canvas().shownImage());
        view.getStylesheets().add(Objects.requireNonNull(KaryogramWindow.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        EditorOpeners.window(editor, KEY, "Karyogram \u2014 case " + editor.model().document().image().caseId(),
                view, 1180, 780, view::dispose);
        return view;
    }

    /** The open window's view, or null. */
    public static KaryogramView of(EditorView editor) {
        return editor.getProperties().get(KEY) instanceof Stage s && s.isShowing() ? (KaryogramView) s.getScene().getRoot() : null;
    }
}
