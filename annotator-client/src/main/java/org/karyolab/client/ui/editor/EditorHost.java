package org.karyolab.client.ui.editor;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableMap;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.keys.Keymap;

/**
 * What a part of the editor (an {@link EditorExtension}: a side window, a panel, a mode; or one attached from
 * outside: live events, the image navigator) may ask of the editor. It asks here and never looks into the
 * editor's layout. The editor's view implements it. JavaFX thread.
 */
public interface EditorHost {

    /** Toolbar priority of the side windows' openers: the first to go to "More" as the window narrows. */
    int OPENER_PRIORITY = 1;
    /** The ids of the editor's undo and redo keys (a side window offers them too). */
    String UNDO = "edit.undo";
    String REDO = "edit.redo";

    /** What the user's role must allow for a toolbar item to work; without it the item is off, saying why. */
    enum Needs { NOTHING, ANNOTATE, REVIEW }

    /** The document, its undo history and selection, the view state, the status line. */
    EditorModel model();

    default ImageDocument document() {
        return model().document();
    }

    /** Says {@code message} in the status bar. */
    default void say(String message) {
        model().say(message);
    }

    /** The image shown, the viewport, the active tool. */
    ImageCanvas canvas();

    /** Sends the edits; its client talks to the server. */
    Autosave autosave();

    /** The tools, in toolbar order; Select first. */
    List<Tool> tools();

    /** Makes {@code tool} the active one (refused, saying why, when the user's role may not draw). */
    void selectTool(Tool tool);

    /** The editor's keys and the F1 sheet: a part declares its keys here. */
    Keymap keys();

    /**
     * Adds {@code item} to the toolbar. {@code priority}: how long it stays in the row as the window narrows (higher
     * stays longer; the editor's own items go from 0, the case title, to 9, Back).
     */
    void addToToolbar(ButtonBase item, int priority, Needs needs);

    /** Adds {@code panel} to the side panel, under the class palette and its polarity row. */
    void addUnderPalette(Node panel);

    /** Shows {@code panel} in the side panel's place (review mode); null brings the editor's own back. */
    void showSidePanel(Node panel);

    /** Adds {@code item} to the status bar, after the save state, the tool and the message. */
    void addToStatusBar(Node item);

    /**
     * Runs {@code r} once the image is first on screen (at once if it is; never after the editor closed): work that
     * would slow the first paint waits for it.
     */
    void onImageShown(Runnable r);

    /** Closes {@code c} when the editor closes. */
    void closeWith(AutoCloseable c);

    // The editor is a node: the scene it is shown in (a side window is owned by its window and hides when it
    // leaves it), and the state a part keeps with this editor (its open window, its mode), found by a key.

    Scene getScene();

    ReadOnlyObjectProperty<Scene> sceneProperty();

    ObservableMap<Object, Object> getProperties();
}
