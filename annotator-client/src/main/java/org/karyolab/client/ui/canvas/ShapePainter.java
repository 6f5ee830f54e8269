package org.karyolab.client.ui.canvas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.karyolab.client.document.Handle;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * Draws shapes in canvas pixels through a {@link Viewport}: outlines keep their screen width at
 * every zoom; point arrays are reused between shapes, so a frame of 10,000 outlines allocates
 * only what the canvas itself buffers.
 */
public final class ShapePainter {

    public static final Font TAG_FONT = Font.font("System", FontWeight.BOLD, 11);
    public static final Font SMALL_FONT = Font.font("System", FontWeight.NORMAL, 10);
    static final Color OUTLINE_SHADOW = Color.rgb(0, 0, 0, 0.55);
    static final Color HANDLE_FILL = Color.WHITE;
    static final Color HANDLE_EDGE = Color.web("#1b1d23");
    static final Color SELECTION = Color.web("#4cc2ff");

    /** Decoded masks (pixels and contour) of the masks drawn lately. */
    private final MaskRendering masks = new MaskRendering();
    private double[] xs = new double[64];
    private double[] ys = new double[64];

    /**
     * Outline (and a light fill) of one shape. A mask's outline is its contour; its fill, its pixels in
     * {@code color} at {@link MaskRendering#FILL_ALPHA}.
     */
    public void outline(GraphicsContext g, Viewport v, Shape shape, Color color, double width, boolean fill) {
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        switch (shape) {
            case Box b -> {
                double x = v.toScreenX(b.x()), y = v.toScreenY(b.y()), w = b.width() * v.scale(), h = b.height() * v.scale();
                if (fill) {
                    g.setFill(color.deriveColor(0, 1, 1, 0.10));
                    g.fillRect(x, y, w, h);
                }
                g.setStroke(color);
                g.setLineWidth(width);
                g.strokeRect(x, y, w, h);
            }
            case RotatedBox r -> {
                int n = corners(v, r);
                ring(g, n, color, width, fill);
            }
            case Polygon p -> {
                int n = load(v, p.exterior());
                ring(g, n, color, width, fill);
                g.setLineWidth(Math.max(1, width - 0.5));
                for (List<Point> hole : p.holes()) {
                    int k = load(v, hole);
                    g.strokePolygon(xs, ys, k);
                }
            }
            case Polyline l -> {
                int n = load(v, l.points());
                g.setStroke(color);
                g.setLineWidth(width + 0.5);
                g.strokePolyline(xs, ys, n);
                // The axis runs from p-ter (first point) to q-ter: a dot marks its start.
                g.setFill(color);
                double r = width + 1.5;
                g.fillOval(xs[0] - r, ys[0] - r, 2 * r, 2 * r);
            }
            case Keypoints k -> keypoints(g, v, k, color, width);
            case Mask m -> {
                // The pixels, tinted (the fill of a mask is what it is), then the contour along the pixel edges.
                if (fill) masks.fill(g, v, m, color);
                g.setStroke(color);
                g.setLineWidth(width);
                masks.contour(g, v, m);
            }
        }
    }

    private void ring(GraphicsContext g, int n, Color color, double width, boolean fill) {
        if (fill) {
            g.setFill(color.deriveColor(0, 1, 1, 0.10));
            g.fillPolygon(xs, ys, n);
        }
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokePolygon(xs, ys, n);
    }

    private void keypoints(GraphicsContext g, Viewport v, Keypoints k, Color color, double width) {
        Point p = k.points().get(Keypoints.P_TER), c = k.points().get(Keypoints.CENTROMERE), q = k.points().get(Keypoints.Q_TER);
        g.setStroke(color.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(Math.max(1, width - 0.5));
        g.setLineDashes(4, 3);
        if (p != null && c != null) g.strokeLine(v.toScreenX(p.x()), v.toScreenY(p.y()), v.toScreenX(c.x()), v.toScreenY(c.y()));
        if (c != null && q != null) g.strokeLine(v.toScreenX(c.x()), v.toScreenY(c.y()), v.toScreenX(q.x()), v.toScreenY(q.y()));
        g.setLineDashes((double[]) null);
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        k.points().forEach((name, pt) -> {
            if (pt == null) return;
            double x = v.toScreenX(pt.x()), y = v.toScreenY(pt.y());
            double r = name.equals(Keypoints.CENTROMERE) ? 6 : 5;
            g.setFill(OUTLINE_SHADOW);
            g.fillOval(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
            g.setFill(color);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setFill(ClassColors.textOn(color));
            g.fillText(switch (name) {
                case Keypoints.CENTROMERE -> "c";
                case Keypoints.P_TER -> "p";
                case Keypoints.Q_TER -> "q";
                default -> "?";
            }, x, y);
        });
    }

    /** A tag's height in screen pixels. */
    public static final double TAG_HEIGHT = 15;
    private final Map<String, Double> tagWidths = new HashMap<>();
    private final Text measure = new Text();

    /** A tag's width in screen pixels: its text in {@link #TAG_FONT} (measured once per text) and a margin. JavaFX thread. */
    public double tagWidth(String text) {
        Double w = tagWidths.get(text);
        if (w == null) {
            if (tagWidths.size() > 4096) tagWidths.clear();
            measure.setFont(TAG_FONT);
            measure.setText(text);
            w = Math.ceil(measure.getLayoutBounds().getWidth()) + 8;
            tagWidths.put(text, w);
        }
        return w;
    }

    /** The class tag where it belongs when nothing is in the way: above the shape's top-left corner (x, y). */
    public void tag(GraphicsContext g, double x, double y, String text, Color color, boolean dashedBorder) {
        TagLayout.Placement p = TagLayout.preferred(tagWidth(text), TAG_HEIGHT);
        tagAt(g, x, y, p, text, color, dashedBorder);
    }

    /**
     * The class tag at {@code p} from its shape's top-left corner (x, y): a rounded label in the class colour, with a
     * line to the corner when it had to go further away (see {@link TagLayout}). Its background is opaque, so its
     * text keeps a contrast of at least {@link ClassColors#MIN_CONTRAST} whatever the image under it.
     */
    public void tagAt(GraphicsContext g, double x, double y, TagLayout.Placement p, String text, Color color, boolean dashedBorder) {
        if (text.isEmpty() || !p.shown()) return;
        double tx = x + p.dx(), ty = y + p.dy(), w = p.width(), h = p.height();
        if (p.leader()) {
            double lx = Math.clamp(x, tx, tx + w), ly = Math.clamp(y, ty, ty + h);
            g.setLineDashes((double[]) null);
            g.setStroke(OUTLINE_SHADOW);
            g.setLineWidth(3);
            g.strokeLine(lx, ly, x, y);
            g.setStroke(color);
            g.setLineWidth(1.2);
            g.strokeLine(lx, ly, x, y);
        }
        g.setFont(TAG_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(tagBackground(color, dashedBorder));
        g.fillRoundRect(tx, ty, w, h, 6, 6);
        if (dashedBorder) {
            g.setStroke(color);
            g.setLineWidth(1);
            g.strokeRoundRect(tx, ty, w, h, 6, 6);
        }
        g.setFill(tagText(color, dashedBorder));
        g.fillText(text, tx + 4, ty + h / 2 + 0.5);
    }

    /** A suggestion's tag (dashed border): the class colour as text on this. */
    public static final Color SUGGESTION_TAG = Color.rgb(20, 22, 28);

    /** The fill behind a tag's text: the class colour, or for a suggestion's tag the dark {@link #SUGGESTION_TAG}. */
    public static Color tagBackground(Color color, boolean dashedBorder) {
        return dashedBorder ? SUGGESTION_TAG : ClassColors.opaque(color);
    }

    /** A tag's text colour: black or white on the class colour; a suggestion's, its class colour made readable. */
    public static Color tagText(Color color, boolean dashedBorder) {
        Color bg = tagBackground(color, dashedBorder);
        return dashedBorder ? ClassColors.readableOn(color, bg) : ClassColors.textOn(bg);
    }

    /** How far beyond the top edge the rotate grip sits, in image pixels: at least 20 screen pixels. */
    public static double rotateOffset(Viewport v) {
        return Shapes.ROTATE_HANDLE_OFFSET * Math.max(1, 1 / v.scale());
    }

    /** Grips of a selected shape: white squares for resizing and vertices, a round grip for rotation. */
    public void handles(GraphicsContext g, Viewport v, Shape shape) {
        List<Handle> handles = Shapes.handles(shape, rotateOffset(v));
        Handle top = null;
        for (Handle h : handles) if (h.kind() == Handle.Kind.N) top = h;
        for (Handle h : handles) {
            double x = v.toScreenX(h.at().x()), y = v.toScreenY(h.at().y());
            if (h.kind() == Handle.Kind.ROTATE) {
                if (top != null) {
                    g.setStroke(SELECTION);
                    g.setLineWidth(1);
                    g.strokeLine(v.toScreenX(top.at().x()), v.toScreenY(top.at().y()), x, y);
                }
                g.setFill(HANDLE_EDGE);
                g.fillOval(x - 6, y - 6, 12, 12);
                g.setFill(SELECTION);
                g.fillOval(x - 4.5, y - 4.5, 9, 9);
            } else if (h.kind() == Handle.Kind.KEYPOINT) {
                g.setStroke(HANDLE_FILL);
                g.setLineWidth(1.5);
                g.strokeOval(x - 8, y - 8, 16, 16);
            } else {
                double s = h.kind() == Handle.Kind.VERTEX ? 7 : 8;
                g.setFill(HANDLE_EDGE);
                g.fillRect(x - s / 2 - 1, y - s / 2 - 1, s + 2, s + 2);
                g.setFill(HANDLE_FILL);
                g.fillRect(x - s / 2, y - s / 2, s, s);
            }
        }
    }

    private int corners(Viewport v, RotatedBox r) {
        ensure(4);
        double a = Math.toRadians(r.angleDegrees()), cos = Math.cos(a), sin = Math.sin(a);
        double w = r.width() / 2, h = r.height() / 2;
        double[][] local = {{-w, -h}, {w, -h}, {w, h}, {-w, h}};
        for (int i = 0; i < 4; i++) {
            double x = r.cx() + local[i][0] * cos - local[i][1] * sin;
            double y = r.cy() + local[i][0] * sin + local[i][1] * cos;
            xs[i] = v.toScreenX(x);
            ys[i] = v.toScreenY(y);
        }
        return 4;
    }

    private int load(Viewport v, List<Point> points) {
        int n = points.size();
        ensure(n);
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            xs[i] = v.toScreenX(p.x());
            ys[i] = v.toScreenY(p.y());
        }
        return n;
    }

    private void ensure(int n) {
        if (xs.length < n) {
            xs = new double[Math.max(n, xs.length * 2)];
            ys = new double[xs.length];
        }
    }
}
