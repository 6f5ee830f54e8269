package org.karyolab.client.ui.tool;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Shape;

/**
 * Drawing by clicking points: each click adds one; Enter or a double-click finishes, Backspace takes
 * the last point back, Escape drops the lot. The polygon tool also closes on a click on its first
 * point. Points are held inside the image.
 */
abstract sealed class PathTool implements Tool permits PolygonTool, PolylineTool {

    protected final ToolContext ctx;
    protected final List<Point> points = new ArrayList<>();
    private Point hover;

    PathTool(ToolContext ctx) {
        this.ctx = ctx;
    }

    /** Fewest points of a finished shape. */
    abstract int minPoints();

    abstract boolean closed();

    abstract Shape shape(List<Point> points);

    @Override
    public void pressed(ToolEvent e) {
        Point p = new Point(BoxTool.round(ctx.clampX(e.x())), BoxTool.round(ctx.clampY(e.y())));
        if (e.clickCount() >= 2) {
            // The second click of a double-click finishes; where it is not on the last point, it adds one first.
            if (!points.isEmpty() && Math.hypot(points.getLast().x() - p.x(), points.getLast().y() - p.y()) > ctx.tolerance()) points.add(p);
            finish();
            return;
        }
        if (closed() && points.size() >= minPoints() && nearFirst(e.x(), e.y())) {
            finish();
            return;
        }
        if (!points.isEmpty() && points.getLast().equals(p)) return;
        points.add(p);
        if (points.size() == 1) ctx.model().say(name() + ": click the next point; Enter or double-click finishes, Backspace undoes a point, Esc cancels");
        ctx.repaint();
    }

    private boolean nearFirst(double x, double y) {
        Point first = points.getFirst();
        return Math.hypot(first.x() - x, first.y() - y) <= ctx.tolerance() * 1.5;
    }

    @Override
    public void moved(ToolEvent e) {
        if (points.isEmpty()) return;
        hover = new Point(ctx.clampX(e.x()), ctx.clampY(e.y()));
        ctx.repaint();
    }

    @Override
    public void dragged(ToolEvent e) {
        moved(e);
    }

    @Override
    public boolean keyPressed(KeyEvent e) {
        if (points.isEmpty()) return false;
        if (e.getCode() == KeyCode.ENTER) {
            finish();
            return true;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            cancel();
            ctx.model().say(name() + " cancelled");
            return true;
        }
        if (e.getCode() == KeyCode.BACK_SPACE) {
            points.removeLast();
            ctx.repaint();
            return true;
        }
        return false;
    }

    /** Turns the points into an annotation (if there are enough) and selects it. */
    public void finish() {
        if (points.size() < minPoints()) {
            ctx.model().say(name() + " needs at least " + minPoints() + " points");
            return;
        }
        Shape shape = shape(List.copyOf(points));
        points.clear();
        hover = null;
        Command c = ctx.model().perform(() -> Edits.add(ctx.model().document(), shape, AnnotationLabels.EMPTY));
        if (c instanceof Commands.AddAnnotations add) ctx.model().selectAnnotations(List.of(add.annotations().getFirst().id()));
        ctx.repaint();
    }

    @Override
    public boolean busy() {
        return !points.isEmpty();
    }

    @Override
    public void cancel() {
        points.clear();
        hover = null;
        ctx.repaint();
    }

    /** The points so far (for tests and the status line). */
    public List<Point> points() {
        return List.copyOf(points);
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        if (points.isEmpty()) return;
        Viewport v = ctx.viewport();
        int n = points.size();
        double[] xs = new double[n + 1], ys = new double[n + 1];
        for (int i = 0; i < n; i++) {
            xs[i] = v.toScreenX(points.get(i).x());
            ys[i] = v.toScreenY(points.get(i).y());
        }
        int m = n;
        if (hover != null) {
            xs[n] = v.toScreenX(hover.x());
            ys[n] = v.toScreenY(hover.y());
            m = n + 1;
        }
        if (closed() && m >= 3) {
            g.setFill(Color.rgb(76, 194, 255, 0.10));
            g.fillPolygon(xs, ys, m);
        }
        g.setStroke(Color.rgb(0, 0, 0, 0.6));
        g.setLineWidth(3.5);
        g.strokePolyline(xs, ys, m);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, m);
        if (closed() && hover != null && n >= 2) {
            g.setLineDashes(4, 4);
            g.strokeLine(xs[n], ys[n], xs[0], ys[0]);
            g.setLineDashes((double[]) null);
        }
        for (int i = 0; i < n; i++) {
            double r = i == 0 ? 5 : 3.5;
            g.setFill(Color.web("#1b1d23"));
            g.fillOval(xs[i] - r - 1, ys[i] - r - 1, 2 * r + 2, 2 * r + 2);
            g.setFill(i == 0 ? Color.web("#4cc2ff") : Color.WHITE);
            g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
        }
    }
}
