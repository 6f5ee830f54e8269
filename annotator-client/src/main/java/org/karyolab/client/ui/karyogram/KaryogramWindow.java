package org.karyolab.client.ui.karyogram;

import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.editor.SideWindows;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;

/** The karyogram in its own window, opened from the editor (Shift+K or the toolbar button); one per editor; Esc closes it. */
public final class KaryogramWindow implements EditorExtension {

    private static final Object KEY = KaryogramWindow.class;

    /** The "Karyogram" toolbar button and Shift+K (among the editor's keys: not while the annotations load). */
    @Override
    public void install(EditorHost editor) {
        Button b = new Button("Karyogram  \u21e7K");
        b.setId("open-karyogram");
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip("The cell's chromosomes arranged by class (Shift+K)"));
        b.setOnAction(e -> open(editor));
        editor.addToToolbar(b, EditorHost.OPENER_PRIORITY, EditorHost.Needs.NOTHING);
        editor.keys().add(KeyAction.of("window.karyogram", Section.WINDOWS, "Shift+K",
                "open the karyogram (drag a chromosome onto another class to reassign it)",
                KeyAction.taken(() -> open(editor)), KeyAction.shift(KeyCode.K)));
    }

    /** Opens (or brings to front) the editor's karyogram window; returns its view. JavaFX thread. */
    public static KaryogramView open(EditorHost editor) {
        if (SideWindows.shown(editor, KEY) instanceof Stage open) {
            KaryogramView v = (KaryogramView) open.getScene().getRoot();
            v.rebuild();
            return v;
        }
        var view = new KaryogramView(editor.model(), () -> editor.canvas().shownImage());
        view.getStylesheets().add(Objects.requireNonNull(KaryogramWindow.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        SideWindows.window(editor, KEY, "Karyogram \u2014 case " + editor.document().image().caseId(),
                view, 1180, 780, view::dispose);
        return view;
    }

    /** The open window's view, or null. */
    public static KaryogramView of(EditorHost editor) {
        return editor.getProperties().get(KEY) instanceof Stage s && s.isShowing() ? (KaryogramView) s.getScene().getRoot() : null;
    }
}
