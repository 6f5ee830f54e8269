package org.karyolab.client.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;

/**
 * Whether the keyboard is typing text: the one test every key filter of the client asks before it turns a key
 * into a shortcut, so that nothing typed into a comment, an ISCN field, a spinner, the sign-in form or any other
 * text input ever edits the image.
 */
public final class TextEntry {

    private TextEntry() {
    }

    /** True when {@code scene}'s focus owner takes typed text ({@link #takesText}); false without a scene. */
    public static boolean hasFocus(Scene scene) {
        return scene != null && takesText(scene.getFocusOwner());
    }

    /**
     * True for a text input or a node inside one: text fields and areas (password fields too, editable or not: they
     * still move the caret and select), spinners (their editor, and the arrow keys step them) and editable combo
     * boxes or date pickers.
     */
    public static boolean takesText(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner<?>) return true;
            if (n instanceof ComboBoxBase<?> box && box.isEditable()) return true;
        }
        return false;
    }
}
