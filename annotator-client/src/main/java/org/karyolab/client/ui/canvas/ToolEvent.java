package org.karyolab.client.ui.canvas;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** A mouse event in both frames: image pixels ({@code x}, {@code y}) and canvas pixels ({@code sx}, {@code sy}). */
public record ToolEvent(double x, double y, double sx, double sy, MouseButton button, boolean shift, boolean shortcut,
                        int clickCount, boolean alt) {

    /** Without Alt. */
    public ToolEvent(double x, double y, double sx, double sy, MouseButton button, boolean shift, boolean shortcut, int clickCount) {
        this(x, y, sx, sy, button, shift, shortcut, clickCount, false);
    }

    public static ToolEvent of(MouseEvent e, Viewport v) {
        return new ToolEvent(v.toImageX(e.getX()), v.toImageY(e.getY()), e.getX(), e.getY(), e.getButton(), e.isShiftDown(),
                e.isShortcutDown(), e.getClickCount(), e.isAltDown());
    }
}
