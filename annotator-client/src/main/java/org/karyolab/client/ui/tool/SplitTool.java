package org.karyolab.client.ui.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ShapeSurgery;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polyline;

/**
 * Splits a touching cluster into two chromosomes: drag a line across it (the selected shape, else
 * the one the line crosses). The cluster is replaced by two new annotations, one undo step; both
 * pieces are selected so they can be named at once.
 */
public final class SplitTool implements Tool {

    private final ToolContext ctx;
    private final Drag drag;

    public SplitTool(ToolContext ctx) {
        this.ctx = ctx;
        this.drag = new Drag(ctx, false);
    }

    @Override
    public String name() {
        return "Split";
    }

    @Override
    public String shortcut() {
        return "C";
    }

    @Override
    public String help() {
        return "drag a line across a touching cluster to cut it into two chromosomes (the selected shape, else the one crossed)";
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
        if (drag.length() < 2 * ctx.tolerance()) ctx.model().say("Split: drag a line across the cluster");
        else split(new Polyline(List.of(drag.start(), drag.end())));
        ctx.repaint();
    }

    /** Cuts the selected shape (or the one the line crosses) along {@code cut}; true if it was split. */
    public boolean split(Polyline cut) {
        ImageDocument d = ctx.model().document();
        var candidates = new LinkedHashSet<String>(d.selection());
        Point a = cut.points().getFirst(), b = cut.points().getLast();
        int steps = 24;
        for (int i = 0; i <= steps; i++) { // shapes under the line, from its middle outwards
            double t = 0.5 + (i % 2 == 0 ? 1 : -1) * (i / 2) / (double) steps;
            for (Annotation hit : d.hitTest(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, ctx.tolerance())) {
                candidates.add(hit.id());
            }
        }
        String reason = "the line does not cross a shape";
        for (String id : new ArrayList<>(candidates)) {
            Annotation target = d.annotation(id);
            if (target == null || target.shape() instanceof Keypoints || target.shape() instanceof Polyline) continue;
            try {
                ShapeSurgery.split(target.shape(), cut); // cheap check first: a shape the line misses is skipped
            } catch (IllegalArgumentException miss) {
                reason = miss.getMessage();
                continue;
            }
            Command c = ctx.model().perform(() -> Edits.split(d, id, cut));
            if (c instanceof Commands.Compound compound) {
                for (Command part : compound.parts()) {
                    if (part instanceof Commands.AddAnnotations add) {
                        ctx.model().selectAnnotations(add.annotations().stream().map(Annotation::id).toList());
                    }
                }
                ctx.model().say("Split in two: name each piece (select it, type its class)");
                return true;
            }
            return false;
        }
        ctx.model().say("Not split: " + reason);
        return false;
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
        Viewport v = ctx.viewport();
        Point start = drag.start(), end = drag.end();
        double sx = v.toScreenX(start.x()), sy = v.toScreenY(start.y()), ex = v.toScreenX(end.x()), ey = v.toScreenY(end.y());
        g.setStroke(Color.rgb(0, 0, 0, 0.6));
        g.setLineWidth(4);
        g.strokeLine(sx, sy, ex, ey);
        g.setStroke(Color.web("#ff7b72"));
        g.setLineWidth(2);
        g.setLineDashes(8, 4);
        g.strokeLine(sx, sy, ex, ey);
        g.setLineDashes((double[]) null);
    }
}
