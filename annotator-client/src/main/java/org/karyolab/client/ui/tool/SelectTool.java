package org.karyolab.client.ui.tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.karyolab.client.command.Edits;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.client.document.Handle;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.ui.canvas.ShapePainter;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.Shape;

/**
 * Select, move and resize. Click picks the topmost annotation (Shift adds or removes), else an
 * open suggestion; drag a selected shape to move the selection, drag a grip of the one selected
 * shape to resize, rotate or move a vertex, drag on empty canvas for a rubber band. While dragging
 * the shapes are previewed; the release performs one command (one undo step, one autosave change).
 *
 * <p>Vertices of the one selected polygon or polyline (medial axis): drag one to move just it,
 * Alt+click one to delete it (a polygon keeps at least 3 points, a polyline 2), double-click an edge
 * to insert a vertex there. Each is one undo step.
 */
public final class SelectTool implements Tool {

    private enum Mode { NONE, MOVE, HANDLE, MARQUEE }

    private static final double CLICK_SLOP = 0.5;

    private final ToolContext ctx;
    private Mode mode = Mode.NONE;
    private double startX;
    private double startY;
    private double nowX;
    private double nowY;
    private double startSX;
    private double startSY;
    private double nowSX;
    private double nowSY;
    private boolean additive;
    private List<String> moving = List.of();
    private String handleOwner;
    private Handle handle;
    private final Map<String, Shape> preview = new HashMap<>();

    public SelectTool(ToolContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean draws() {
        return false;
    }

    @Override
    public String name() {
        return "Select";
    }

    @Override
    public String shortcut() {
        return "V";
    }

    @Override
    public String help() {
        return "click to select (Shift adds), drag to move, drag a grip to resize or rotate, drag on empty canvas to select an area;"
                + " on a selected polygon or axis drag a vertex to move it, Alt+click a vertex deletes it, double-click an edge adds one";
    }

    @Override
    public Cursor cursor() {
        return Cursor.DEFAULT;
    }

    @Override
    public void pressed(ToolEvent e) {
        ImageDocument d = ctx.model().document();
        startX = nowX = e.x();
        startY = nowY = e.y();
        startSX = nowSX = e.sx();
        startSY = nowSY = e.sy();
        additive = e.shift();
        preview.clear();
        mode = Mode.NONE;
        double tol = ctx.tolerance();
        boolean annotationsShown = ctx.model().showAnnotationsProperty().get();
        // A grip of the single selected shape wins over everything under it.
        List<Annotation> selected = d.selectedAnnotations();
        if (annotationsShown && selected.size() == 1 && !e.shift()) {
            Annotation a = selected.getFirst();
            Handle h = handleAt(a.shape(), e.x(), e.y(), tol);
            if (h != null && e.alt() && h.kind() == Handle.Kind.VERTEX) {
                deleteVertex(a, h.index());
                return;
            }
            if (h == null && e.clickCount() >= 2 && insertVertex(a, e.x(), e.y(), tol)) return;
            if (h != null) {
                mode = Mode.HANDLE;
                handleOwner = a.id();
                handle = h;
                return;
            }
        }
        List<Annotation> hits = annotationsShown ? d.hitTest(e.x(), e.y(), tol) : List.of();
        if (!hits.isEmpty()) {
            Annotation top = pickTop(hits, d);
            if (e.shift()) {
                d.toggleSelected(top.id());
                ctx.model().selectedSuggestionProperty().set(null);
                return;
            }
            if (!d.selection().contains(top.id())) ctx.model().selectAnnotations(List.of(top.id()));
            mode = Mode.MOVE;
            moving = new ArrayList<>(d.selection());
            return;
        }
        if (ctx.model().showSuggestionsProperty().get()) {
            List<ModelSuggestion> suggested = d.suggestionHitTest(e.x(), e.y(), tol);
            if (!suggested.isEmpty()) {
                ctx.model().selectSuggestion(suggested.getFirst().id());
                ModelSuggestion s = suggested.getFirst();
                ctx.model().say("Suggestion " + (s.labels().chromosomeClass() == null ? "" : s.labels().chromosomeClass().label() + " ")
                        + "from " + s.modelId() + " (" + Math.round(s.confidence() * 100) + "%): Enter accepts, Delete rejects");
                return;
            }
        }
        if (!e.shift()) {
            d.clearSelection();
            ctx.model().selectedSuggestionProperty().set(null);
        }
        mode = Mode.MARQUEE;
    }

    /** Alt+click on a vertex: deletes it, unless the shape would have too few points left. */
    private void deleteVertex(Annotation a, int index) {
        int count = vertices(a.shape()).size(), least = a.shape() instanceof Polygon ? 3 : 2;
        if (count <= least) {
            ctx.model().say("Not deleted: a " + (a.shape() instanceof Polygon ? "polygon" : "medial axis") + " needs at least " + least + " points");
            return;
        }
        ImageDocument d = ctx.model().document();
        ctx.model().perform(() -> Edits.deleteVertex(d, a.id(), index));
        ctx.repaint();
    }

    /**
     * Double-click on an edge of the selected polygon (exterior, closing edge included) or polyline: inserts a
     * vertex where the click meets the edge. False when the click is on no edge (then it is an ordinary press).
     */
    private boolean insertVertex(Annotation a, double x, double y, double tol) {
        List<Point> pts = vertices(a.shape());
        if (pts.size() < 2) return false;
        boolean closed = a.shape() instanceof Polygon;
        int n = pts.size(), best = -1;
        double bestDistance = tol;
        for (int i = 0; i < (closed ? n : n - 1); i++) {
            double dist = Shapes.distanceToSegment(pts.get(i), pts.get((i + 1) % n), x, y);
            if (dist <= bestDistance) {
                best = i;
                bestDistance = dist;
            }
        }
        if (best < 0) return false;
        // The foot of the perpendicular on the edge: the outline keeps its course until the new vertex is dragged.
        Point p = pts.get(best), q = pts.get((best + 1) % n);
        double dx = q.x() - p.x(), dy = q.y() - p.y(), len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.clamp(((x - p.x()) * dx + (y - p.y()) * dy) / len2, 0, 1);
        Point at = new Point(round(ctx.clampX(p.x() + t * dx)), round(ctx.clampY(p.y() + t * dy)));
        if (at.equals(p) || at.equals(q)) return false;
        ImageDocument d = ctx.model().document();
        int after = best;
        ctx.model().perform(() -> Edits.insertVertex(d, a.id(), after, at));
        ctx.repaint();
        return true;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The editable vertices: a polygon's exterior or a polyline's points; none for other shapes. */
    private static List<Point> vertices(Shape shape) {
        return switch (shape) {
            case Polygon p -> p.exterior();
            case Polyline l -> l.points();
            default -> List.of();
        };
    }

    /** Among shapes under the cursor prefer one already selected (so a drag moves the selection), else the topmost. */
    private static Annotation pickTop(List<Annotation> hits, ImageDocument d) {
        for (Annotation a : hits) if (d.selection().contains(a.id())) return a;
        return hits.getFirst();
    }

    private Handle handleAt(Shape shape, double x, double y, double tol) {
        Handle best = null;
        double bestDistance = tol * 1.3;
        for (Handle h : Shapes.handles(shape, ShapePainter.rotateOffset(ctx.viewport()))) {
            double dist = Math.hypot(h.at().x() - x, h.at().y() - y);
            if (dist <= bestDistance) {
                best = h;
                bestDistance = dist;
            }
        }
        return best;
    }

    @Override
    public void dragged(ToolEvent e) {
        nowX = e.x();
        nowY = e.y();
        nowSX = e.sx();
        nowSY = e.sy();
        ImageDocument d = ctx.model().document();
        switch (mode) {
            case MOVE -> {
                double[] dd = clampedDelta(d);
                preview.clear();
                for (String id : moving) {
                    Annotation a = d.annotation(id);
                    if (a != null) preview.put(id, a.shape().translate(dd[0], dd[1]));
                }
            }
            case HANDLE -> {
                Annotation a = d.annotation(handleOwner);
                preview.clear();
                if (a != null) {
                    try {
                        preview.put(handleOwner, Shapes.dragHandle(a.shape(), handle, clampedPoint(e)));
                    } catch (IllegalArgumentException ignored) {
                        // a degenerate intermediate shape: keep the last good preview away
                    }
                }
            }
            default -> {
            }
        }
        ctx.repaint();
    }

    private Point clampedPoint(ToolEvent e) {
        if (handle.kind() == Handle.Kind.ROTATE) return new Point(e.x(), e.y());
        return new Point(ctx.clampX(e.x()), ctx.clampY(e.y()));
    }

    /** The move, held so the moved shapes stay inside the image. */
    private double[] clampedDelta(ImageDocument d) {
        double dx = nowX - startX, dy = nowY - startY;
        Bounds all = null;
        for (String id : moving) {
            Bounds b = d.boundsOf(id);
            if (b != null) all = all == null ? b : all.union(b);
        }
        if (all != null) {
            dx = Math.clamp(dx, -all.minX(), ctx.imageWidth() - all.maxX());
            dy = Math.clamp(dy, -all.minY(), ctx.imageHeight() - all.maxY());
        }
        return new double[] {dx, dy};
    }

    @Override
    public void released(ToolEvent e) {
        nowX = e.x();
        nowY = e.y();
        nowSX = e.sx();
        nowSY = e.sy();
        ImageDocument d = ctx.model().document();
        boolean moved = Math.hypot(nowSX - startSX, nowSY - startSY) > CLICK_SLOP;
        switch (mode) {
            case MOVE -> {
                double[] dd = clampedDelta(d);
                if (moved && (dd[0] != 0 || dd[1] != 0)) {
                    List<String> ids = List.copyOf(moving);
                    ctx.model().perform(() -> Edits.translate(d, ids, dd[0], dd[1]));
                }
            }
            case HANDLE -> {
                if (moved) {
                    String id = handleOwner;
                    Handle h = handle;
                    Point to = clampedPoint(e);
                    ctx.model().perform(() -> Edits.dragHandle(d, id, h, to));
                }
            }
            case MARQUEE -> {
                if (moved) {
                    Bounds area = new Bounds(Math.min(startX, nowX), Math.min(startY, nowY), Math.max(startX, nowX), Math.max(startY, nowY));
                    var ids = new LinkedHashSet<String>(additive ? d.selection() : Set.of());
                    for (String id : d.idsIn(area)) {
                        Bounds b = d.boundsOf(id);
                        if (b != null && area.contains(b)) ids.add(id);
                    }
                    ctx.model().selectAnnotations(List.copyOf(ids));
                }
            }
            default -> {
            }
        }
        mode = Mode.NONE;
        preview.clear();
        ctx.repaint();
    }

    @Override
    public void cancel() {
        mode = Mode.NONE;
        preview.clear();
        ctx.repaint();
    }

    @Override
    public boolean busy() {
        return mode != Mode.NONE;
    }

    @Override
    public Shape preview(String annotationId) {
        return preview.isEmpty() ? null : preview.get(annotationId);
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        if (mode != Mode.MARQUEE) return;
        double x = Math.min(startSX, nowSX), y = Math.min(startSY, nowSY);
        double w = Math.abs(nowSX - startSX), h = Math.abs(nowSY - startSY);
        if (w < 1 && h < 1) return;
        g.setFill(Color.rgb(76, 194, 255, 0.12));
        g.fillRect(x, y, w, h);
        g.setStroke(Color.web("#4cc2ff"));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRect(x + 0.5, y + 0.5, w, h);
        g.setLineDashes((double[]) null);
    }
}
