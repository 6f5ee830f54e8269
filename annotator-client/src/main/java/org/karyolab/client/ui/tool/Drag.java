package org.karyolab.client.ui.tool;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.shape.Point;

/**
 * One press-drag-release of a tool, from where the button went down to where the pointer is: the box, rotated-box
 * and split tools share it. Held inside the image or not; Esc while dragging drops it. Image pixels.
 */
final class Drag {

    /** Smallest box drawn, in image pixels; smaller is taken as a slip of the hand. */
    static final double MIN_SIDE = 2;

    private final ToolContext ctx;
    private final boolean inImage;
    private boolean active;
    private double x0;
    private double y0;
    private double x1;
    private double y1;

    /** {@code inImage}: the ends are clamped to the image, so drawing cannot leave it. */
    Drag(ToolContext ctx, boolean inImage) {
        this.ctx = ctx;
        this.inImage = inImage;
    }

    void start(ToolEvent e) {
        active = true;
        x0 = x1 = x(e);
        y0 = y1 = y(e);
    }

    /** Follows the pointer and repaints; false if no drag is on. */
    boolean follow(ToolEvent e) {
        if (!active) return false;
        x1 = x(e);
        y1 = y(e);
        ctx.repaint();
        return true;
    }

    /** Ends the drag at {@code e}; false if none was on. */
    boolean finish(ToolEvent e) {
        if (!active) return false;
        active = false;
        x1 = x(e);
        y1 = y(e);
        return true;
    }

    /** Esc while dragging drops the drag; true if it did. */
    boolean escape(KeyEvent e) {
        if (!active || e.getCode() != KeyCode.ESCAPE) return false;
        cancel();
        return true;
    }

    void cancel() {
        active = false;
        ctx.repaint();
    }

    boolean active() {
        return active;
    }

    Point start() {
        return new Point(x0, y0);
    }

    Point end() {
        return new Point(x1, y1);
    }

    double minX() {
        return Math.min(x0, x1);
    }

    double minY() {
        return Math.min(y0, y1);
    }

    double centerX() {
        return (x0 + x1) / 2;
    }

    double centerY() {
        return (y0 + y1) / 2;
    }

    double width() {
        return Math.abs(x1 - x0);
    }

    double height() {
        return Math.abs(y1 - y0);
    }

    double length() {
        return Math.hypot(x1 - x0, y1 - y0);
    }

    /** Whether the dragged rectangle is big enough to be a box ({@link #MIN_SIDE} each way). */
    boolean isBox() {
        return width() >= MIN_SIDE && height() >= MIN_SIDE;
    }

    /**
     * Draws the dragged rectangle (lightly filled, a white outline, dashed or not) in canvas pixels; returns its
     * bottom-right corner on screen.
     */
    Point drawRectangle(GraphicsContext g, boolean dashed) {
        Viewport v = ctx.viewport();
        double sx = v.toScreenX(minX()), sy = v.toScreenY(minY());
        double w = width() * v.scale(), h = height() * v.scale();
        g.setFill(Color.rgb(76, 194, 255, 0.10));
        g.fillRect(sx, sy, w, h);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        if (dashed) g.setLineDashes(6, 4);
        g.strokeRect(sx, sy, w, h);
        if (dashed) g.setLineDashes((double[]) null);
        return new Point(sx + w, sy + h);
    }

    private double x(ToolEvent e) {
        return inImage ? ctx.clampX(e.x()) : e.x();
    }

    private double y(ToolEvent e) {
        return inImage ? ctx.clampY(e.y()) : e.y();
    }
}
