package org.karyolab.client.ui.canvas;

import javafx.animation.PauseTransition;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.karyolab.client.document.Bounds;

/**
 * The unselected annotations and suggestions as one bitmap, so a frame blits them instead of
 * stroking every outline again. Why: on Prism's software renderer anti-aliased stroking was ~80 % of
 * each frame (docs/BENCHMARKS.md, "Annotator client"), yet while panning nothing in that layer changes.
 * <p>
 * The bitmap holds the layer at one zoom for the viewport plus {@link #MARGIN} screen pixels each side
 * (clipped to the image). Panning at that zoom draws it at an offset; a zoom in progress draws it scaled
 * and re-renders once the zoom has {@link #SETTLE settled} (or at once when scaled too far to look right);
 * leaving the cached area re-renders; so does {@link #invalidate()}, which the canvas calls on document
 * events and on the view toggles that change what the layer shows. JavaFX thread only, except invalidate.
 */
final class ShapeLayerCache {

    /** Renders the layer into {@code g} through {@code v}, for shapes meeting {@code area} (image pixels). */
    interface Renderer {
        void render(GraphicsContext g, Viewport v, Bounds area);
    }

    /** Screen pixels kept beyond each edge of the viewport: a pan of that far needs no re-render. */
    static final double MARGIN = 320;
    /** Screen pixels kept beyond the image's edges: outlines and tags stick out of it. */
    static final double PAD = 24;
    /** A scaled bitmap is shown while zooming up to this ratio to its own zoom; beyond it looks blurred. */
    static final double MAX_SCALED = 1.5;
    /** No zoom change for this long: the wheel has stopped, re-render sharp. */
    static final Duration SETTLE = Duration.millis(150);

    private final Renderer renderer;
    private final Canvas offscreen = new Canvas();
    private final SnapshotParameters snapshot = new SnapshotParameters();
    private final Viewport cacheView = new Viewport();
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private volatile boolean valid;
    private boolean settled;
    private WritableImage bitmap;
    /** The zoom the bitmap was rendered at and the image point at its top-left pixel. */
    private double scale;
    private double originX;
    private double originY;
    private long renders;

    ShapeLayerCache(Renderer renderer, Runnable repaint) {
        this.renderer = renderer;
        snapshot.setFill(Color.TRANSPARENT);
        settle.setOnFinished(e -> {
            settled = true;
            repaint.run();
        });
    }

    /** Any thread: the layer's content changed; the next frame re-renders it. */
    void invalidate() {
        valid = false;
    }

    /** How many times the layer was rendered (tests and the benchmark see the cache at work). */
    long renders() {
        return renders;
    }

    /** Draws the layer for viewport {@code v} into {@code g}, re-rendering the bitmap first if needed. */
    void draw(GraphicsContext g, Viewport v, double imageWidth, double imageHeight) {
        double k = v.scale() / scale;
        boolean sameZoom = valid && Math.abs(k - 1) < 1e-9;
        if (!valid || !covers(v, imageWidth, imageHeight)
                || !sameZoom && (settled || k > MAX_SCALED || k < 1 / MAX_SCALED)) {
            render(v, imageWidth, imageHeight);
            k = 1;
        } else if (sameZoom) {
            settled = false; // back at the bitmap's zoom: a pending settle has nothing to sharpen
        } else {
            settled = false;
            settle.playFromStart(); // re-render once the zoom stops changing
        }
        if (bitmap == null) return;
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(k != 1); // 1:1 copy at the same zoom: keep outlines crisp
        g.drawImage(bitmap, v.toScreenX(originX), v.toScreenY(originY), bitmap.getWidth() * k, bitmap.getHeight() * k);
        g.setImageSmoothing(smooth);
    }

    /** Whether the bitmap holds every part of the image that {@code v} shows. */
    private boolean covers(Viewport v, double imageWidth, double imageHeight) {
        Bounds visible = v.visibleImageArea();
        double x0 = Math.max(0, visible.minX()), y0 = Math.max(0, visible.minY());
        double x1 = Math.min(imageWidth, visible.maxX()), y1 = Math.min(imageHeight, visible.maxY());
        if (x1 <= x0 || y1 <= y0) return true; // the image is off screen: nothing to show
        if (bitmap == null) return false;
        double eps = 0.5 / scale;
        return x0 >= originX - eps && y0 >= originY - eps
                && x1 <= originX + bitmap.getWidth() / scale + eps && y1 <= originY + bitmap.getHeight() / scale + eps;
    }

    private void render(Viewport v, double imageWidth, double imageHeight) {
        valid = true; // first: an invalidate() from another thread while rendering must win
        settled = false;
        settle.stop();
        renders++;
        scale = v.scale();
        // The screen area to keep: viewport plus margin, within the image (plus what sticks out of it).
        double x0 = Math.floor(Math.max(-MARGIN, v.toScreenX(0) - PAD));
        double y0 = Math.floor(Math.max(-MARGIN, v.toScreenY(0) - PAD));
        double x1 = Math.ceil(Math.min(v.screenWidth() + MARGIN, v.toScreenX(imageWidth) + PAD));
        double y1 = Math.ceil(Math.min(v.screenHeight() + MARGIN, v.toScreenY(imageHeight) + PAD));
        if (x1 <= x0 || y1 <= y0) {
            bitmap = null;
            originX = v.toImageX(0);
            originY = v.toImageY(0);
            return;
        }
        double w = x1 - x0, h = y1 - y0;
        originX = v.toImageX(x0);
        originY = v.toImageY(y0);
        cacheView.setScreenSize(w, h);
        cacheView.set(scale, v.offsetX() - x0, v.offsetY() - y0);
        if (offscreen.getWidth() != w || offscreen.getHeight() != h) {
            offscreen.setWidth(w);
            offscreen.setHeight(h);
        }
        GraphicsContext g = offscreen.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        // Shapes just outside still put their tags (above and left of them) into the area.
        renderer.render(g, cacheView, cacheView.visibleImageArea().expand(PAD / scale));
        if (bitmap == null || bitmap.getWidth() != w || bitmap.getHeight() != h) bitmap = new WritableImage((int) w, (int) h);
        offscreen.snapshot(snapshot, bitmap);
    }
}
