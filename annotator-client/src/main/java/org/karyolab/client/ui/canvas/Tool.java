package org.karyolab.client.ui.canvas;

import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import org.karyolab.schema.shape.Shape;

/**
 * One way of working with the mouse on the canvas (select, box, polygon, ...). The canvas hands
 * primary-button events here (panning and zooming it keeps to itself); a tool turns them into
 * commands from {@code Edits} through {@code EditorModel.perform}, and draws what is in progress.
 * Declared beside the canvas that drives it, so the tools ({@code ui.tool}) depend on the canvas and
 * not the other way round.
 */
public interface Tool {

    /** Shown in the toolbar and the status bar. */
    String name();

    /** The key that picks this tool. */
    String shortcut();

    /** One line for the F1 help. */
    String help();

    /**
     * Whether picking this tool means drawing: a role that may not annotate cannot pick it. Select (whose moves the
     * model refuses for such a role) and Review only pick what is there.
     */
    default boolean draws() {
        return true;
    }

    default Cursor cursor() {
        return Cursor.CROSSHAIR;
    }

    default void pressed(ToolEvent e) {
    }

    default void dragged(ToolEvent e) {
    }

    default void released(ToolEvent e) {
    }

    default void moved(ToolEvent e) {
    }

    /** Enter, Escape, Backspace and the like while this tool is active; true if it used the key. */
    default boolean keyPressed(KeyEvent e) {
        return false;
    }

    /** Whether something is being drawn (then Enter and Escape belong to the tool). */
    default boolean busy() {
        return false;
    }

    /** Drops what is in progress (switching tools, Escape). */
    default void cancel() {
    }

    /** Draws the shape in progress, in canvas pixels. */
    default void drawOverlay(GraphicsContext g) {
    }

    /** Whether the tool draws this (selected) annotation itself in {@link #drawOverlay}, so the canvas leaves it out. */
    default boolean drawsItself(String annotationId) {
        return false;
    }

    /** While dragging: the shape an annotation will have on release (drawn in its place), or null. */
    default Shape preview(String annotationId) {
        return null;
    }
}
