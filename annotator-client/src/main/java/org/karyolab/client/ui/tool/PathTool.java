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
import org.karyolab.client.document.Outlines;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Shape;

/**
 * Drawing by clicking points: each click adds one; Enter or a double-click finishes, Backspace takes
 * the last point back, Escape drops the lot. The polygon tool also closes on a click on its first
 * point. Points are held inside the image.
 *
 * <p>Where the tool allows {@link #freehand() freehand} drawing, pressing and dragging (beyond a few
 * screen pixels) traces the outline instead: a point is sampled as the mouse moves, and on release the
 * trace is thinned with {@link Outlines#simplify} at about one screen pixel. A trace begun with no
 * points closes the shape on release (one undo step, as a clicked one); a trace begun after clicked
 * points adds its thinned points to them and drawing goes on.
 */
abstract sealed class PathTool implements Tool permits PolygonTool, PolylineTool {

    protected final ToolContext ctx;
    protected final List<Point> points = new ArrayList<>();
    private Point hover;

    /** A drag beyond this many screen pixels from the press is a freehand trace, not a click. */
    static final double DRAG_SLOP = 4;
    /** A freehand outline thinner than this many square screen pixels is taken for a slip and dropped. */
    static final double MIN_TRACED_AREA = 36;

    /** The press that may become a trace (null when none): raw samples in image pixels, from the press on. */
    private List<Point> stroke;
    /** Where in {@link #points} the trace begins (the point the press added or landed on). */
    private int strokeFrom;
    private double pressSX;
    private double pressSY;
    private boolean tracing;
    private int lastTraceSamples;

    PathTool(ToolContext ctx) {
        this.ctx = ctx;
    }

    /** Fewest points of a finished shape. */
    abstract int minPoints();

    abstract boolean closed();

    abstract Shape shape(List<Point> points);

    /** Whether press-and-drag traces the outline freehand. */
    boolean freehand() {
        return false;
    }

    @Override
    public void pressed(ToolEvent e) {
        stroke = null;
        tracing = false;
        Point raw = new Point(ctx.clampX(e.x()), ctx.clampY(e.y()));
        Point p = rounded(raw);
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
        if (points.isEmpty() || !points.getLast().equals(p)) {
            points.add(p);
            if (points.size() == 1) ctx.model().say(name() + ": click the next point"
                    + (freehand() ? " (or drag to trace the outline)" : "") + "; Enter or double-click finishes, Backspace undoes a point, Esc cancels");
        }
        if (freehand()) {
            stroke = new ArrayList<>();
            stroke.add(raw);
            strokeFrom = points.size() - 1;
            pressSX = e.sx();
            pressSY = e.sy();
        }
        ctx.repaint();
    }

    private static Point rounded(Point p) {
        return new Point(BoxTool.round(p.x()), BoxTool.round(p.y()));
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
        if (stroke == null) {
            moved(e);
            return;
        }
        if (!tracing && Math.hypot(e.sx() - pressSX, e.sy() - pressSY) > DRAG_SLOP) {
            tracing = true;
            hover = null;
            ctx.model().say(name() + ": tracing; release " + (strokeFrom == 0 && closed() ? "closes the outline" : "adds the traced points"));
        }
        if (!tracing) {
            moved(e);
            return;
        }
        sample(e);
        ctx.repaint();
    }

    /** Adds the pointer to the trace when it is at least a screen pixel from the last sample. */
    private void sample(ToolEvent e) {
        Point raw = new Point(ctx.clampX(e.x()), ctx.clampY(e.y()));
        Point last = stroke.getLast();
        if (Math.hypot(raw.x() - last.x(), raw.y() - last.y()) * ctx.viewport().scale() >= 1) stroke.add(raw);
    }

    @Override
    public void released(ToolEvent e) {
        if (stroke == null) return;
        if (!tracing) {
            stroke = null; // a click: the press already added its point
            return;
        }
        sample(e);
        List<Point> traced = stroke;
        lastTraceSamples = traced.size();
        int from = strokeFrom;
        stroke = null;
        tracing = false;
        double tolerance = 1 / ctx.viewport().scale(); // about one screen pixel
        if (from == 0 && closed()) {
            List<Point> ring = roundedRun(Outlines.simplify(traced, tolerance, true), true);
            double screenArea = Outlines.area(ring) * ctx.viewport().scale() * ctx.viewport().scale();
            if (ring.size() < minPoints() || screenArea < MIN_TRACED_AREA) {
                cancel();
                ctx.model().say(name() + ": the traced outline is too small; trace around a larger area, or click the points");
                return;
            }
            points.clear();
            points.addAll(ring);
            finish();
            return;
        }
        List<Point> run = Outlines.simplify(traced, tolerance, false);
        while (points.size() > from) points.removeLast();
        points.addAll(roundedRun(run, false));
        if (from == 0 && points.size() >= minPoints() && !closed()) {
            finish();
            return;
        }
        ctx.model().say(name() + ": " + points.size() + " points; click or drag on, Enter finishes");
        ctx.repaint();
    }

    /** Rounded as clicked points are, without the repeats rounding can make. */
    private static List<Point> roundedRun(List<Point> pts, boolean closed) {
        var out = new ArrayList<Point>(pts.size());
        for (Point q : pts) {
            Point r = rounded(q);
            if (out.isEmpty() || !out.getLast().equals(r)) out.add(r);
        }
        if (closed) while (out.size() > 1 && out.getLast().equals(out.getFirst())) out.removeLast();
        return out;
    }

    /** How many points the last freehand trace sampled before thinning (tests). */
    public int lastTraceSamples() {
        return lastTraceSamples;
    }

    /** Whether a press-and-drag is tracing an outline now (tests, status). */
    public boolean tracing() {
        return tracing;
    }

    @Override
    public boolean keyPressed(KeyEvent e) {
        if (points.isEmpty()) return false;
        if (tracing && e.getCode() != KeyCode.ESCAPE) return true; // the trace ends on release (Esc drops it)
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
        stroke = null;
        tracing = false;
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
        List<Point> shown = points;
        if (tracing) {
            shown = new ArrayList<>(points.subList(0, strokeFrom));
            shown.addAll(stroke);
        }
        int n = shown.size();
        double[] xs = new double[n + 1], ys = new double[n + 1];
        for (int i = 0; i < n; i++) {
            xs[i] = v.toScreenX(shown.get(i).x());
            ys[i] = v.toScreenY(shown.get(i).y());
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
        if (closed() && (hover != null || tracing) && n >= 2) {
            int end = m - 1;
            g.setLineDashes(4, 4);
            g.strokeLine(xs[end], ys[end], xs[0], ys[0]);
            g.setLineDashes((double[]) null);
        }
        // While tracing only the clicked points (and the first) get dots, not every sample.
        for (int i = 0; i < (tracing ? Math.min(n, strokeFrom + 1) : n); i++) {
            double r = i == 0 ? 5 : 3.5;
            g.setFill(Color.web("#1b1d23"));
            g.fillOval(xs[i] - r - 1, ys[i] - r - 1, 2 * r + 2, 2 * r + 2);
            g.setFill(i == 0 ? Color.web("#4cc2ff") : Color.WHITE);
            g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
        }
    }
}
