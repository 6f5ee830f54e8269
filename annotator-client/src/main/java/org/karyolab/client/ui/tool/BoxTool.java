package org.karyolab.client.ui.tool;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.ui.canvas.ShapePainter;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Box;

/**
 * Axis-aligned box, the counting annotation: press at one corner, drag, release at the other. The
 * box is held inside the image; a release without a drag draws nothing. The new box is selected,
 * so typing its class ({@code 2 1}) labels it at once.
 */
public final class BoxTool implements Tool {

    /** Smallest box drawn, in image pixels; smaller is taken as a slip of the hand. */
    static final double MIN_SIDE = 2;

    private final ToolContext ctx;
    private boolean dragging;
    private double x0;
    private double y0;
    private double x1;
    private double y1;

    public BoxTool(ToolContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "Box";
    }

    @Override
    public String shortcut() {
        return "B";
    }

    @Override
    public String help() {
        return "drag from corner to corner to draw a box around one chromosome";
    }

    @Override
    public void pressed(ToolEvent e) {
        dragging = true;
        x0 = x1 = ctx.clampX(e.x());
        y0 = y1 = ctx.clampY(e.y());
    }

    @Override
    public void dragged(ToolEvent e) {
        if (!dragging) return;
        x1 = ctx.clampX(e.x());
        y1 = ctx.clampY(e.y());
        ctx.repaint();
    }

    @Override
    public void released(ToolEvent e) {
        if (!dragging) return;
        dragging = false;
        x1 = ctx.clampX(e.x());
        y1 = ctx.clampY(e.y());
        double w = Math.abs(x1 - x0), h = Math.abs(y1 - y0);
        if (w >= MIN_SIDE && h >= MIN_SIDE) {
            Box box = new Box(round(Math.min(x0, x1)), round(Math.min(y0, y1)), round(w), round(h));
            Command c = ctx.model().perform(() -> Edits.add(ctx.model().document(), box, AnnotationLabels.EMPTY));
            if (c instanceof Commands.AddAnnotations add) {
                ctx.model().selectAnnotations(List.of(add.annotations().getFirst().id()));
                ctx.model().say("Box drawn: type its class (1-22, X, Y), P flips polarity");
            }
        }
        ctx.repaint();
    }

    /** Tenths of a pixel: enough for any zoom, and short in the JSON. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public boolean keyPressed(KeyEvent e) {
        if (dragging && e.getCode() == KeyCode.ESCAPE) {
            cancel();
            return true;
        }
        return false;
    }

    @Override
    public boolean busy() {
        return dragging;
    }

    @Override
    public void cancel() {
        dragging = false;
        ctx.repaint();
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        if (!dragging) return;
        Viewport v = ctx.viewport();
        double sx = v.toScreenX(Math.min(x0, x1)), sy = v.toScreenY(Math.min(y0, y1));
        double w = Math.abs(x1 - x0) * v.scale(), h = Math.abs(y1 - y0) * v.scale();
        g.setFill(Color.rgb(76, 194, 255, 0.10));
        g.fillRect(sx, sy, w, h);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokeRect(sx, sy, w, h);
        g.setFont(ShapePainter.SMALL_FONT);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("%d \u00d7 %d".formatted(Math.round(Math.abs(x1 - x0)), Math.round(Math.abs(y1 - y0))), sx + w + 4, sy + h + 2);
    }
}
