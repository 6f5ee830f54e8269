package org.karyolab.client.ui.view;

import static org.karyolab.client.ui.keys.KeyAction.anyShift;
import static org.karyolab.client.ui.keys.KeyAction.shortcut;
import static org.karyolab.client.ui.keys.KeyAction.shortcutShift;
import static org.karyolab.client.ui.keys.KeyAction.taken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.karyolab.client.document.ClassKeyEntry;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.keys.Gesture;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.KeyAction.Phase;
import org.karyolab.client.ui.keys.Section;
import org.karyolab.client.ui.keys.Shortcut;
import org.karyolab.schema.ChromosomeClass;

/**
 * The editor's own keys and gestures, declared once for its keymap (the tools' keys are {@code Tools.keys}, the side
 * windows', panels' and navigator's their own): typing a class, polarity, the suggestions, undo and redo, Esc,
 * the view (fit, zoom, layers, invert, pan), send and the F1 sheet. Keys with no Ctrl or Alt take Shift or not
 * alike, as they always did, but for the tools' letters.
 */
final class EditorKeys {

    /** How long typed digits wait for the next one ("2" may become "21") before they commit. */
    static final Duration CLASS_KEY_TIMEOUT = Duration.ofMillis(1200);

    private EditorKeys() {
    }

    /** Typing a class: {@code set} gets the class typed; the digits so far show in the side panel. */
    static ClassKeyEntry classTyping(EditorModel model, Consumer<ChromosomeClass> set) {
        return new ClassKeyEntry(CLASS_KEY_TIMEOUT, new ClassKeyEntry.Listener() {
            @Override
            public void committed(ChromosomeClass c) {
                set.accept(c);
            }

            @Override
            public void typing(String typed) {
                model.typedClassProperty().set(typed);
            }

            @Override
            public void rejected(String typed) {
                model.say("No chromosome class \u201c" + typed + "\u201d: type 1-22, X or Y");
            }
        });
    }

    static List<Shortcut> of(EditorModel model, ImageCanvas canvas, ClassKeyEntry classKeys, EditorActions act, Runnable help) {
        var out = new ArrayList<Shortcut>();
        out.add(KeyAction.of("label.class", Section.LABELS, "1 \u2026 22, X, Y",
                "class of the selection: 2 1 gives 21; 1 or 2 alone commit on Enter (or after a moment)",
                e -> classKeys.key(classChar(e.getCode()), System.currentTimeMillis()), classKeys()));
        out.add(KeyAction.of("label.polarity", Section.LABELS, "P", "flip polarity (p arm up / down) of the selection",
                taken(act::flipPolarity), anyShift(KeyCode.P)));
        out.add(KeyAction.of("suggestion.accept", Section.SUGGESTIONS, "Enter",
                "finish the shape being drawn; commit typed digits; accept the selected suggestion", e -> {
                    if (!classKeys.enter() && !toolTakes(canvas, e)) act.acceptSelectedSuggestion();
                    return true;
                }, anyShift(KeyCode.ENTER)));
        out.add(KeyAction.of("suggestion.reject", Section.SUGGESTIONS, "Delete / Backspace",
                "reject the selected suggestion, or delete the selected annotations",
                taken(act::rejectOrDelete), anyShift(KeyCode.DELETE), anyShift(KeyCode.BACK_SPACE)));
        out.add(KeyAction.of("suggestion.accept-above", Section.SUGGESTIONS, "A", "accept every open suggestion at or above the threshold",
                taken(act::acceptAllAbove), anyShift(KeyCode.A)));
        out.add(KeyAction.of("suggestion.next", Section.SUGGESTIONS, "N",
                "select the next open suggestion (most confident first) and centre it", taken(act::nextSuggestion), anyShift(KeyCode.N)));
        out.add(KeyAction.of(EditorHost.UNDO, Section.EDITING, "Ctrl+Z",
                "undo (in a text field: its typing; in an ISCN field with nothing typed, the image's last edit)",
                taken(model::undoStep), shortcut(KeyCode.Z)).in(Phase.FIRST));
        out.add(KeyAction.of(EditorHost.REDO, Section.EDITING, "Ctrl+Shift+Z / Ctrl+Y", "redo",
                taken(model::redoStep), shortcutShift(KeyCode.Z), shortcut(KeyCode.Y)).in(Phase.FIRST));
        out.add(KeyAction.of("edit.escape", Section.EDITING, "Esc", "cancel the shape being drawn or typed digits, else clear the selection; "
                + "in a side window (bands, ISCN, karyogram): close it", e -> {
                    if (!classKeys.escape() && !toolTakes(canvas, e)) {
                        model.document().clearSelection();
                        model.selectSuggestion(null);
                    }
                    return true;
                }, anyShift(KeyCode.ESCAPE)));
        out.add(new Gesture("view.wheel", Section.EDITING, "Wheel", "zoom about the pointer"));
        out.add(KeyAction.of("view.pan", Section.EDITING, "Middle drag / Space + drag", "pan",
                taken(() -> canvas.setSpaceDown(true)), anyShift(KeyCode.SPACE)).viewingOnly());
        out.add(new Gesture("polygon.freehand", Section.EDITING, "Drag (Polygon tool)",
                "trace the outline freehand; release closes it (thinned to about a screen pixel)"));
        out.add(new Gesture("select.vertex-drag", Section.EDITING, "Drag a vertex (Select)",
                "move one point of the selected polygon or medial axis"));
        out.add(new Gesture("select.vertex-delete", Section.EDITING, "Alt+click a vertex (Select)",
                "delete that point (a polygon keeps 3, a medial axis 2)"));
        out.add(new Gesture("select.vertex-insert", Section.EDITING, "Double-click an edge (Select)",
                "insert a point there on the selected polygon or medial axis"));
        out.add(KeyAction.of("view.zoom", Section.EDITING, "F / + / \u2212", "fit the image / zoom in / zoom out", e -> {
            switch (e.getCode()) {
                case F -> canvas.fitImage();
                case MINUS, SUBTRACT -> canvas.zoomBy(0.8);
                default -> canvas.zoomBy(1.25);
            }
            return true;
        }, anyShift(KeyCode.F), anyShift(KeyCode.PLUS), anyShift(KeyCode.EQUALS), anyShift(KeyCode.ADD), anyShift(KeyCode.MINUS),
                anyShift(KeyCode.SUBTRACT)).viewingOnly());
        out.add(KeyAction.of("view.layers", Section.EDITING, "H / S", "show or hide annotations / suggestions", e -> {
            var layer = e.getCode() == KeyCode.H ? model.showAnnotationsProperty() : model.showSuggestionsProperty();
            layer.set(!layer.get());
            return true;
        }, anyShift(KeyCode.H), anyShift(KeyCode.S)).viewingOnly());
        out.add(KeyAction.of("view.invert", Section.EDITING, "I", "invert the image display", taken(() -> model.adjustmentsProperty()
                .set(model.adjustmentsProperty().get().withInvert(!model.adjustmentsProperty().get().invert()))), anyShift(KeyCode.I))
                .viewingOnly());
        out.add(KeyAction.of("edit.send", Section.EDITING, "Ctrl+S", "send unsent edits now (autosave does it by itself)",
                taken(act::send), shortcut(KeyCode.S)).in(Phase.FIRST));
        out.add(KeyAction.of("help.sheet", Section.HELP, "F1", "this sheet", taken(help), anyShift(KeyCode.F1)).viewingOnly());
        return out;
    }

    /** Enter and Esc go to the active tool when typed digits did not take them (a polygon closes, a drag drops). */
    private static boolean toolTakes(ImageCanvas canvas, KeyEvent e) {
        Tool tool = canvas.tool();
        return tool != null && tool.keyPressed(e);
    }

    /** Keys that type a class: digits (top row or keypad), X and Y, Shift or not. */
    private static KeyCombination[] classKeys() {
        var out = new ArrayList<KeyCombination>();
        for (KeyCode code : KeyCode.values()) if (code.isDigitKey() || code == KeyCode.X || code == KeyCode.Y) out.add(anyShift(code));
        return out.toArray(KeyCombination[]::new);
    }

    private static char classChar(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            return name.charAt(name.length() - 1);
        }
        return code == KeyCode.X ? 'X' : 'Y';
    }
}
