package org.karyolab.client.ui.review;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.canvas.ShapePainter;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.schema.shape.Mask;

/**
 * The canvas in review mode: read-only; a click selects an annotation (and shows its row in the
 * review panel); every annotation is outlined in its review state's colour with a state badge.
 */
public final class ReviewTool implements Tool {

    private final ToolContext ctx;
    private final ShapePainter painter = new ShapePainter();
    private final Consumer<String> picked;

    /** {@code picked}: the annotation clicked. Review mode's keys are its own ({@link ReviewMode}), asked while this tool is on. */
    public ReviewTool(ToolContext ctx, Consumer<String> picked) {
        this.ctx = ctx;
        this.picked = picked;
    }

    @Override
    public boolean draws() {
        return false;
    }

    @Override
    public String name() {
        return "Review";
    }

    @Override
    public String shortcut() {
        return "";
    }

    @Override
    public String help() {
        return "click an annotation to review it in the panel";
    }

    @Override
    public Cursor cursor() {
        return Cursor.DEFAULT;
    }

    @Override
    public void pressed(ToolEvent e) {
        List<Annotation> hits = ctx.model().document().hitTest(e.x(), e.y(), ctx.tolerance());
        if (hits.isEmpty()) {
            ctx.model().document().clearSelection();
            return;
        }
        String id = hits.getFirst().id();
        ctx.model().selectAnnotations(List.of(id));
        picked.accept(id);
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        Viewport v = ctx.viewport();
        var selected = ctx.model().document().selection();
        for (Annotation a : ctx.model().document().visibleIn(v.visibleImageArea())) {
            AnnotationStatus s = a.status();
            if (s == AnnotationStatus.DRAFT) continue;
            Color c = ReviewColors.of(s);
            boolean sel = selected.contains(a.id());
            g.setLineDashes(s == AnnotationStatus.SUBMITTED ? new double[] {6, 4} : null);
            painter.outline(g, v, a.shape(), Color.rgb(0, 0, 0, 0.55), sel ? 6 : 4.5, false);
            // A mask's pixels are already tinted in its class colour by the canvas: the status is its contour.
            painter.outline(g, v, a.shape(), c, sel ? 3.5 : 2.5, s != AnnotationStatus.SUBMITTED && !(a.shape() instanceof Mask));
            g.setLineDashes((double[]) null);
            Bounds b = a.shape().bounds();
            String badge = switch (s) {
                case ACCEPTED -> "\u2713";
                case REJECTED -> "\u2717";
                default -> "?";
            };
            double x = v.toScreenX(b.maxX()), y = v.toScreenY(b.minY());
            g.setFill(Color.rgb(0, 0, 0, 0.6));
            g.fillOval(x - 8, y - 8, 16, 16);
            g.setFill(c);
            g.fillOval(x - 7, y - 7, 14, 14);
            g.setFill(ClassColors.textOn(c));
            g.setFont(ShapePainter.TAG_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(badge, x, y + 0.5);
        }
    }
}
