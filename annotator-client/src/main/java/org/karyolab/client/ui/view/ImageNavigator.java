package org.karyolab.client.ui.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.karyolab.client.ui.Shortcuts;
import org.karyolab.client.ui.TextEntry;

/**
 * Next and previous image from the editor (Page Down / Page Up), in the order of the images list the editor
 * was opened from. Leaving goes through {@link EditorView#leave} (unsent edits: asked first, kept in the
 * journal); never while a text field has the focus, never with Ctrl or Alt.
 */
public final class ImageNavigator {

    /** The keys, for the F1 sheet ({@link Shortcuts}) and the handler below: one list. */
    public static final List<Shortcuts.Entry> KEYS = List.of(
            new Shortcuts.Entry("Page Down / Page Up", "next / previous image of the images list (edits not yet sent are kept and sent)"));

    private ImageNavigator() {
    }

    /** The image {@code step} places from {@code current} in {@code order}; null past either end or if it is not listed. */
    static String neighbour(List<String> order, String current, int step) {
        int at = order.indexOf(current);
        if (at < 0) return null;
        int to = at + step;
        return to < 0 || to >= order.size() ? null : order.get(to);
    }

    /**
     * Lets the editor's Page Down / Page Up open the next / previous image of {@code order}: the editor is left
     * first, then {@code open} runs with the image id (JavaFX thread).
     */
    public static void install(EditorView editor, List<String> order, Consumer<String> open) {
        List<String> ids = List.copyOf(order);
        String current = editor.autosave().document().imageId();
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.PAGE_DOWN && e.getCode() != KeyCode.PAGE_UP) return;
            if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) return;
            if (e.isConsumed() || TextEntry.hasFocus(editor.getScene())) return;
            e.consume();
            boolean next = e.getCode() == KeyCode.PAGE_DOWN;
            String target = neighbour(ids, current, next ? 1 : -1);
            if (target == null) {
                editor.model().say(ids.contains(current) ? (next ? "This is the last image of the list" : "This is the first image of the list")
                        : "This image is not in the images list (opened from the queue)");
                return;
            }
            editor.leave(() -> open.accept(target));
        });
    }
}
