package org.karyolab.client.ui.tool;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
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
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;

/**
 * Axis-aligned box, the counting annotation: press at one corner, drag, release at the other. The
 * box is held inside the image; a release without a drag draws nothing. The new box is selected,
 * so typing its class ({@code 2 1}) labels it at once.
 */
public final class BoxTool implements Tool {

    private final ToolContext ctx;
    private final Drag drag;

    public BoxTool(ToolContext ctx) {
        this.ctx = ctx;
        this.drag = new Drag(ctx, true);
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
        drag.start(e);
    }

    @Override
    public void dragged(ToolEvent e) {
        drag.follow(e);
    }

    @Override
    public void released(ToolEvent e) {
        if (!drag.finish(e)) return;
        if (drag.isBox()) {
            Box box = new Box(round(drag.minX()), round(drag.minY()), round(drag.width()), round(drag.height()));
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
        return drag.escape(e);
    }

    @Override
    public boolean busy() {
        return drag.active();
    }

    @Override
    public void cancel() {
        drag.cancel();
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        if (!drag.active()) return;
        Point corner = drag.drawRectangle(g, false);
        g.setFont(ShapePainter.SMALL_FONT);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("%d \u00d7 %d".formatted(Math.round(drag.width()), Math.round(drag.height())), corner.x() + 4, corner.y() + 2);
    }
}
