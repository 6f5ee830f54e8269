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
import org.karyolab.client.document.Handle;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.ui.canvas.ShapePainter;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * Rotated (oriented) box: drag a box around the chromosome, then turn it to lie along the
 * chromosome with its round grip (drag) or with R / Shift+R (5 degrees clockwise / anticlockwise).
 * Fits a tilted chromosome far tighter than an axis-aligned box.
 */
public final class RotatedBoxTool implements Tool {

    /** Degrees per R press. */
    public static final double STEP = 5;

    private final ToolContext ctx;
    private final Drag drag;
    private enum Mode { NONE, DRAW, ROTATE }
    private Mode mode = Mode.NONE;
    private String rotating;
    private Handle handle;
    private Shape preview;

    public RotatedBoxTool(ToolContext ctx) {
        this.ctx = ctx;
        this.drag = new Drag(ctx, true);
    }

    @Override
    public String name() {
        return "Rotated box";
    }

    @Override
    public String shortcut() {
        return "O";
    }

    @Override
    public String help() {
        return "drag a box, then turn it with its round grip or R / Shift+R (5\u00b0); a tight box along a tilted chromosome";
    }

    @Override
    public void pressed(ToolEvent e) {
        var d = ctx.model().document();
        List<Annotation> selected = d.selectedAnnotations();
        if (selected.size() == 1 && (selected.getFirst().shape() instanceof RotatedBox || selected.getFirst().shape() instanceof Box)) {
            Annotation a = selected.getFirst();
            for (Handle h : Shapes.handles(a.shape(), ShapePainter.rotateOffset(ctx.viewport()))) {
                if (h.kind() == Handle.Kind.ROTATE && Math.hypot(h.at().x() - e.x(), h.at().y() - e.y()) <= ctx.tolerance() * 1.5) {
                    mode = Mode.ROTATE;
                    rotating = a.id();
                    handle = h;
                    preview = null;
                    return;
                }
            }
        }
        mode = Mode.DRAW;
        drag.start(e);
    }

    @Override
    public void dragged(ToolEvent e) {
        switch (mode) {
            case DRAW -> drag.follow(e);
            case ROTATE -> {
                Annotation a = ctx.model().document().annotation(rotating);
                preview = a == null ? null : Shapes.dragHandle(a.shape(), handle, new Point(e.x(), e.y()));
                ctx.repaint();
            }
            default -> {
            }
        }
    }

    @Override
    public void released(ToolEvent e) {
        Mode was = mode;
        mode = Mode.NONE;
        if (was == Mode.ROTATE) {
            preview = null;
            String id = rotating;
            rotating = null;
            ctx.model().perform(() -> Edits.dragHandle(ctx.model().document(), id, handle, new Point(e.x(), e.y())));
        } else if (was == Mode.DRAW && drag.finish(e) && drag.isBox()) {
            var box = new RotatedBox(BoxTool.round(drag.centerX()), BoxTool.round(drag.centerY()), BoxTool.round(drag.width()),
                    BoxTool.round(drag.height()), 0);
            Command c = ctx.model().perform(() -> Edits.add(ctx.model().document(), box, AnnotationLabels.EMPTY));
            if (c instanceof Commands.AddAnnotations add) {
                ctx.model().selectAnnotations(List.of(add.annotations().getFirst().id()));
                ctx.model().say("Rotated box drawn: turn it with the round grip or R / Shift+R, then type its class");
            }
        }
        ctx.repaint();
    }

    /** Turns the selection by {@code degrees} (clockwise on screen) as one undo step; a box becomes a rotated box. */
    public static void rotateSelection(ToolContext ctx, double degrees) {
        var ids = List.copyOf(ctx.model().document().selection());
        if (ids.isEmpty()) {
            ctx.model().say("Select a shape first, then press R (Shift+R turns the other way)");
            return;
        }
        ctx.model().perform(() -> Edits.rotate(ctx.model().document(), ids, degrees));
    }

    @Override
    public boolean keyPressed(KeyEvent e) {
        if (mode != Mode.NONE && e.getCode() == KeyCode.ESCAPE) {
            cancel();
            return true;
        }
        return false;
    }

    @Override
    public boolean busy() {
        return mode != Mode.NONE;
    }

    @Override
    public void cancel() {
        mode = Mode.NONE;
        drag.cancel();
        preview = null;
        rotating = null;
        ctx.repaint();
    }

    @Override
    public Shape preview(String annotationId) {
        return mode == Mode.ROTATE && annotationId.equals(rotating) ? preview : null;
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        Viewport v = ctx.viewport();
        if (mode == Mode.ROTATE && preview instanceof RotatedBox r) {
            g.setFont(ShapePainter.SMALL_FONT);
            g.setFill(Color.WHITE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("%.0f\u00b0".formatted(r.angleDegrees()), v.toScreenX(r.cx()) + 8, v.toScreenY(r.cy()) + 8);
        }
        if (mode == Mode.DRAW) drag.drawRectangle(g, true);
    }
}
