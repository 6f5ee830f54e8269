package org.karyolab.client.ui.tool;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.canvas.MaskRendering;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Mask;

/**
 * Brush and eraser for pixel masks. Paints into (or erases from) the selected mask annotation; the
 * brush with no mask selected starts a new one. One stroke (press to release) is one undo step, sent
 * as a geometry replace of the whole mask (COCO RLE, {@link Mask#encode}). {@code [} and {@code ]}
 * change the size. The canvas shows masks (pixels and contour) in every tool; during a stroke this tool
 * draws the mask being painted instead, from its working pixels, and the brush as a circle.
 */
public final class BrushTool implements Tool {

    public static final int MIN_RADIUS = 1;
    public static final int MAX_RADIUS = 200;
    /** Overlay pixels drawn only for images up to this many pixels (a full-size ARGB image is kept). */
    static final long OVERLAY_LIMIT = 40_000_000L;

    private final ToolContext ctx;
    private final boolean erase;
    private int radius = 6;
    private boolean painting;
    private boolean changed;
    private String target;
    private boolean[] work;
    private int w;
    private int h;
    private WritableImage overlay;
    private Object overlayOf;
    /** The overlay's colour: the painted mask's class colour, as translucent as the canvas draws mask pixels. */
    private int fillArgb = argb(ClassColors.UNLABELLED);
    private double lastX;
    private double lastY;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;

    public BrushTool(ToolContext ctx, boolean erase) {
        this.ctx = ctx;
        this.erase = erase;
    }

    @Override
    public String name() {
        return erase ? "Eraser" : "Brush";
    }

    @Override
    public String shortcut() {
        return erase ? "E" : "U";
    }

    @Override
    public String help() {
        return erase ? "drag to erase pixels from the selected mask; [ and ] change the size"
                : "drag to paint the selected mask (none selected: a new mask); [ and ] change the size";
    }

    public int radius() {
        return radius;
    }

    public void setRadius(int r) {
        radius = Math.clamp(r, MIN_RADIUS, MAX_RADIUS);
        ctx.repaint();
    }

    /** The selected mask annotation, or null. */
    private Annotation selectedMask() {
        List<Annotation> sel = ctx.model().document().selectedAnnotations();
        return sel.size() == 1 && sel.getFirst().shape() instanceof Mask ? sel.getFirst() : null;
    }

    @Override
    public void pressed(ToolEvent e) {
        ImageDocument d = ctx.model().document();
        Annotation a = selectedMask();
        w = d.image().width();
        h = d.image().height();
        if (a == null && erase) {
            ctx.model().say("Eraser: select a mask first");
            return;
        }
        target = a == null ? null : a.id();
        int colour = argb(ClassColors.of(a == null ? null : a.labels()));
        if (colour != fillArgb) overlayOf = null;
        fillArgb = colour;
        work = a == null ? new boolean[w * h] : ((Mask) a.shape()).decode();
        ensureOverlay(a == null ? null : a.shape());
        painting = true;
        changed = false;
        lastX = e.x();
        lastY = e.y();
        stamp(e.x(), e.y());
        ctx.repaint();
    }

    @Override
    public void dragged(ToolEvent e) {
        hoverX = e.x();
        hoverY = e.y();
        if (!painting) {
            ctx.repaint();
            return;
        }
        strokeTo(e.x(), e.y());
        ctx.repaint();
    }

    /** Stamps along the segment from the last point to (x, y), so a fast drag leaves no gaps. */
    private void strokeTo(double x, double y) {
        double dist = Math.hypot(x - lastX, y - lastY);
        int n = Math.max(1, (int) Math.ceil(dist / Math.max(1, radius / 2.0)));
        for (int i = 1; i <= n; i++) stamp(lastX + (x - lastX) * i / n, lastY + (y - lastY) * i / n);
        lastX = x;
        lastY = y;
    }

    @Override
    public void moved(ToolEvent e) {
        hoverX = e.x();
        hoverY = e.y();
        ctx.repaint();
    }

    @Override
    public void released(ToolEvent e) {
        if (!painting) return;
        strokeTo(e.x(), e.y());
        painting = false;
        if (!changed) return;
        Mask mask = Mask.encode(w, h, work);
        ImageDocument d = ctx.model().document();
        if (target == null) {
            Command c = ctx.model().perform(() -> Edits.add(d, mask, AnnotationLabels.EMPTY));
            if (c instanceof Commands.AddAnnotations add) {
                ctx.model().selectAnnotations(List.of(add.annotations().getFirst().id()));
                ctx.model().say("Mask painted (" + mask.pixelCount() + " px): keep painting, E erases, type its class");
            }
        } else {
            String id = target;
            if (mask.pixelCount() == 0) ctx.model().perform(() -> Edits.delete(d, List.of(id)));
            else ctx.model().perform(() -> Edits.replaceShape(d, id, mask));
        }
        overlayOf = null; // rebuilt from the saved shape
        ctx.repaint();
    }

    /** Sets (or clears) the pixels within the brush around image point (x, y). */
    private void stamp(double x, double y) {
        int r = radius;
        int x0 = Math.max(0, (int) Math.floor(x - r)), x1 = Math.min(w - 1, (int) Math.ceil(x + r));
        int y0 = Math.max(0, (int) Math.floor(y - r)), y1 = Math.min(h - 1, (int) Math.ceil(y + r));
        PixelWriter pw = overlay == null ? null : overlay.getPixelWriter();
        int argb = erase ? 0 : fillArgb;
        for (int py = y0; py <= y1; py++) {
            for (int px = x0; px <= x1; px++) {
                double dx = px + 0.5 - x, dy = py + 0.5 - y;
                if (dx * dx + dy * dy > (double) r * r) continue;
                int i = py * w + px;
                if (work[i] == !erase) continue;
                work[i] = !erase;
                changed = true;
                if (pw != null) pw.setArgb(px, py, argb);
            }
        }
    }

    private static int argb(Color c) {
        return (int) Math.round(MaskRendering.FILL_ALPHA * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** An image-sized ARGB picture of the mask being edited (rebuilt when the shape changes, e.g. by undo). */
    private void ensureOverlay(Object shape) {
        long pixels = (long) ctx.imageWidth() * ctx.imageHeight();
        if (pixels > OVERLAY_LIMIT) {
            overlay = null;
            return;
        }
        if (overlay != null && overlayOf == shape && shape != null) return;
        int iw = ctx.imageWidth(), ih = ctx.imageHeight();
        if (overlay == null || overlay.getWidth() != iw || overlay.getHeight() != ih) overlay = new WritableImage(iw, ih);
        var pw = overlay.getPixelWriter();
        int[] row = new int[iw];
        boolean[] px = shape instanceof Mask m ? (work != null && painting ? work : m.decode()) : null;
        for (int y = 0; y < ih; y++) {
            for (int x = 0; x < iw; x++) row[x] = px != null && px[y * iw + x] ? fillArgb : 0;
            pw.setPixels(0, y, iw, 1, PixelFormat.getIntArgbInstance(), row, 0, iw);
        }
        overlayOf = shape;
    }

    /** [ and ] (its keys in {@link Tools#keys}): smaller, larger; true if the key was one of them. */
    boolean resize(KeyEvent e) {
        if (e.getCode() == KeyCode.OPEN_BRACKET) {
            setRadius(radius - Math.max(1, radius / 4));
        } else if (e.getCode() == KeyCode.CLOSE_BRACKET) {
            setRadius(radius + Math.max(1, radius / 4));
        } else {
            return false;
        }
        ctx.model().say(name() + " size " + (2 * radius) + " px");
        return true;
    }

    @Override
    public boolean keyPressed(KeyEvent e) {
        if (painting && e.getCode() == KeyCode.ESCAPE) {
            cancel();
            return true;
        }
        return resize(e);
    }

    @Override
    public boolean drawsItself(String annotationId) {
        return painting && annotationId.equals(target);
    }

    @Override
    public boolean busy() {
        return painting;
    }

    @Override
    public void cancel() {
        painting = false;
        overlayOf = null;
        ctx.repaint();
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        Viewport v = ctx.viewport();
        if (painting) { // otherwise the canvas draws the masks
            if (overlay != null) {
                g.setImageSmoothing(false);
                g.drawImage(overlay, v.toScreenX(0), v.toScreenY(0), ctx.imageWidth() * v.scale(), ctx.imageHeight() * v.scale());
            }
        }
        if (!Double.isNaN(hoverX)) {
            double r = radius * v.scale(), x = v.toScreenX(hoverX), y = v.toScreenY(hoverY);
            g.setStroke(Color.rgb(0, 0, 0, 0.6));
            g.setLineWidth(3);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(erase ? Color.web("#ff7b72") : Color.WHITE);
            g.setLineWidth(1.2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
