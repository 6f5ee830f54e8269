package org.karyolab.client.ui.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;

/**
 * Next and previous image from the editor (Page Down / Page Up), in the order of the images list the editor
 * was opened from. Leaving goes through {@link EditorView#leave} (unsent edits: asked first, kept in the
 * journal); never while a text field has the focus, never with Shift, Ctrl or Alt.
 */
public final class ImageNavigator {

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
     * Declares the editor's Page Down / Page Up: they open the next / previous image of {@code order}, the editor
     * left first, then {@code open} runs with the image id (JavaFX thread).
     */
    public static void install(EditorView editor, List<String> order, Consumer<String> open) {
        List<String> ids = List.copyOf(order);
        String current = editor.autosave().document().imageId();
        editor.keys().add(KeyAction.of("image.page", Section.NAVIGATION, "Page Down / Page Up",
                "next / previous image of the images list (edits not yet sent are kept and sent)", e -> {
                    boolean next = e.getCode() == KeyCode.PAGE_DOWN;
                    String target = neighbour(ids, current, next ? 1 : -1);
                    if (target == null) {
                        editor.say(ids.contains(current) ? (next ? "This is the last image of the list" : "This is the first image of the list")
                                : "This image is not in the images list (opened from the queue)");
                    } else {
                        editor.leave(() -> open.accept(target));
                    }
                    return true;
                }, KeyAction.key(KeyCode.PAGE_DOWN), KeyAction.key(KeyCode.PAGE_UP)).in(KeyAction.Phase.FIRST));
    }
}
