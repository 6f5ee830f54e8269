package org.karyolab.client.ui.canvas;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.karyolab.schema.shape.Bounds;

/**
 * The unselected annotations and suggestions as one bitmap, so a frame blits them instead of
 * stroking every outline again. Why: on Prism's software renderer anti-aliased stroking was ~80 % of
 * each frame (docs/BENCHMARKS.md, "Annotator client"), yet while panning nothing in that layer changes.
 * <p>
 * The bitmap holds the layer at one zoom for the viewport plus {@link #MARGIN} screen pixels each side
 * (clipped to the image). Panning at that zoom draws it at an offset; a zoom in progress draws it scaled.
 * <p>
 * Two kinds of re-render:
 * <ul>
 * <li><b>now</b>, within the frame: the first one, and after {@link #invalidate()} (document events and the
 * view toggles that change what the layer shows), so an edit is never shown stale;</li>
 * <li><b>in slices</b>, for the view: when the zoom has gone past {@link #MAX_SCALED} or has
 * {@link #SETTLE settled}, or the viewport comes within half the margin of the bitmap's edge. The shapes
 * are drawn into an off-screen canvas a batch at a time, about {@link #SLICE} of work per frame, while the
 * old bitmap (scaled or offset) stays on screen; the new one replaces it when complete. A whole-image
 * re-render of 10,000 shapes in one frame made the benchmark's p99 hitches (docs/BENCHMARKS.md).</li>
 * </ul>
 * JavaFX thread only, except {@link #invalidate()}.
 */
final class ShapeLayerCache {

    /** One thing drawn into the layer (a shape with its tag), through the layer's viewport. */
    interface Item {
        void draw(GraphicsContext g, Viewport v);
    }

    /** The items meeting {@code area} (image pixels) as seen through {@code v}, in drawing order. */
    interface Content {
        List<Item> items(Viewport v, Bounds area);
    }

    /** Screen pixels kept beyond each edge of the viewport: a pan of that far needs no re-render. */
    static final double MARGIN = 320;
    /** Screen pixels kept beyond the image's edges: outlines and tags stick out of it. */
    static final double PAD = 24;
    /**
     * Beyond this ratio of the zoom to the bitmap's own, re-render even while the zoom is still moving (a scaled
     * bitmap looks blurred; it is re-rendered sharp anyway once the zoom settles). 1.5 kept a whole-image
     * re-render in slices going through nearly every frame of a zoom from the whole image to 1:1.
     */
    static final double MAX_SCALED = 2.5;
    /** No zoom change for this long: the wheel has stopped, re-render sharp. */
    static final Duration SETTLE = Duration.millis(150);
    /** Time per frame given to a re-render in slices; the rest of a 16.7 ms frame is for the blits. */
    static final long SLICE = 2_000_000;
    /** Bounds of the number of items drawn between two rasterizations. */
    static final int MIN_BATCH = 10;
    static final int MAX_BATCH = 600;

    private final Content content;
    private final Canvas offscreen = new Canvas();
    private final SnapshotParameters snapshot = new SnapshotParameters();
    /**
     * A snapshot of one pixel: it makes the renderer rasterize the commands drawn so far into the canvas's
     * own texture, which keeps them; so a batch costs its own shapes, and only the last snapshot reads back
     * the whole canvas.
     */
    private final SnapshotParameters rasterizeOnly = new SnapshotParameters();
    private final WritableImage onePixel = new WritableImage(1, 1);
    private final PauseTransition settle = new PauseTransition(SETTLE);
    /**
     * Draws a slice of the pending re-render at the start of each pulse until it is complete. A snapshot waits
     * for the renderer; at the start of a pulse it has usually finished the last frame (in a repaint queued
     * after the pulse it is still painting the new one, which cost a frame's render per slice).
     */
    private final AnimationTimer slices;
    private long sliceNanos;
    private volatile boolean valid;
    private boolean settled;
    private WritableImage bitmap;
    /** The zoom the bitmap was rendered at and the image point at its top-left pixel. */
    private double scale;
    private double originX;
    private double originY;
    /** The re-render in progress, drawn into {@link #offscreen}; null when none. */
    private Render pending;
    /** Items drawn between two rasterizations, adapted so that a batch takes about half a slice. */
    private int batch = 100;
    private long renders;
    /** The bitmap's pixels for the compositor, read after render number {@link #pixelsOf}. */
    private int[] bitmapPixels;
    private long pixelsOf = -1;
    private FrameCompositor.Shapes shapes;

    /** A re-render: what it draws, through which viewport, and how far it has got. */
    private static final class Render {
        final Viewport view = new Viewport();
        double scale;
        double originX;
        double originY;
        int width;
        int height;
        List<Item> items = List.of();
        int next;
    }

    ShapeLayerCache(Content content, Runnable repaint) {
        this.content = content;
        snapshot.setFill(Color.TRANSPARENT);
        rasterizeOnly.setFill(Color.TRANSPARENT);
        rasterizeOnly.setViewport(new Rectangle2D(0, 0, 1, 1));
        settle.setOnFinished(e -> {
            settled = true;
            repaint.run();
        });
        slices = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (pending == null) {
                    stop();
                    return;
                }
                long start = System.nanoTime();
                boolean more = advance(SLICE);
                sliceNanos += System.nanoTime() - start;
                if (!more) {
                    stop();
                    repaint.run(); // show the new bitmap
                }
            }
        };
    }

    /** Any thread: the layer's content changed; the next frame re-renders it. */
    void invalidate() {
        valid = false;
    }

    /** How many re-renders were completed (tests and the benchmark see the cache at work). */
    long renders() {
        return renders;
    }

    /** Time spent on slices of re-renders so far (JavaFX thread, outside {@link #draw}), in ns: the benchmark counts it. */
    long sliceNanos() {
        return sliceNanos;
    }

    /** Whether a re-render in slices is under way (tests). */
    boolean rendering() {
        return pending != null;
    }

    /** Draws the layer for viewport {@code v} into {@code g}, re-rendering the bitmap now or a slice of it if needed. */
    void draw(GraphicsContext g, Viewport v, double imageWidth, double imageHeight) {
        update(v, imageWidth, imageHeight);
        drawBitmap(g, v);
    }

    /**
     * The bitmap's pixels (premultiplied ARGB) with its zoom and origin, for the {@link FrameCompositor}; read from
     * the bitmap once per re-render. Null when there is no bitmap (nothing of the image on screen yet).
     */
    FrameCompositor.Shapes pixels() {
        if (bitmap == null) return null;
        if (pixelsOf != renders) {
            int w = (int) bitmap.getWidth(), h = (int) bitmap.getHeight();
            if (bitmapPixels == null || bitmapPixels.length != w * h) bitmapPixels = new int[w * h];
            bitmap.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), bitmapPixels, 0, w);
            pixelsOf = renders;
            shapes = new FrameCompositor.Shapes(renders, bitmapPixels, w, h, scale, originX, originY);
        }
        return shapes;
    }

    /** Re-renders the bitmap for viewport {@code v} now, or starts/continues a re-render in slices, as needed. */
    void update(Viewport v, double imageWidth, double imageHeight) {
        if (!valid || bitmap == null && !offScreen(v, imageWidth, imageHeight)) {
            valid = true; // first: an invalidate() from another thread while rendering must win
            pending = start(v, imageWidth, imageHeight);
            advance(Long.MAX_VALUE);
        } else {
            double k = v.scale() / scale;
            boolean sameZoom = Math.abs(k - 1) < 1e-9;
            if (sameZoom) {
                settled = false; // back at the bitmap's zoom: a pending settle has nothing to sharpen
            } else if (!settled) {
                settle.playFromStart(); // re-render once the zoom stops changing
            }
            boolean stale = !sameZoom && (settled || k > MAX_SCALED || k < 1 / MAX_SCALED)
                    || !covers(v, MARGIN / 2, imageWidth, imageHeight);
            if (stale && pending == null) {
                settled = false;
                pending = start(v, imageWidth, imageHeight);
            }
            if (pending != null && pending.items.size() - pending.next <= Math.min(batch, MAX_BATCH / 4)) {
                advance(Long.MAX_VALUE); // small enough for one slice: done now, not a frame late
            } else if (pending != null) {
                slices.start();
            }
        }
    }

    /** Draws the bitmap as it is for viewport {@code v} (scaled or offset). */
    void drawBitmap(GraphicsContext g, Viewport v) {
        if (bitmap == null) return;
        // Only the bitmap's pixels that are on screen (whole pixels; the margin is off screen): the software
        // renderer's cost goes with the pixels it is handed.
        double k = v.scale() / scale;
        double x = v.toScreenX(originX), y = v.toScreenY(originY);
        double sx0 = Math.max(0, Math.floor(-x / k)), sy0 = Math.max(0, Math.floor(-y / k));
        double sx1 = Math.min(bitmap.getWidth(), Math.ceil((v.screenWidth() - x) / k));
        double sy1 = Math.min(bitmap.getHeight(), Math.ceil((v.screenHeight() - y) / k));
        if (sx1 <= sx0 || sy1 <= sy0) return;
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(Math.abs(k - 1) > 1e-9); // 1:1 copy at the same zoom: keep outlines crisp
        g.drawImage(bitmap, sx0, sy0, sx1 - sx0, sy1 - sy0, x + sx0 * k, y + sy0 * k, (sx1 - sx0) * k, (sy1 - sy0) * k);
        g.setImageSmoothing(smooth);
    }

    /** Whether the image is off screen altogether: nothing to render. */
    private static boolean offScreen(Viewport v, double imageWidth, double imageHeight) {
        Bounds visible = v.visibleImageArea();
        return Math.min(imageWidth, visible.maxX()) <= Math.max(0, visible.minX())
                || Math.min(imageHeight, visible.maxY()) <= Math.max(0, visible.minY());
    }

    /** Whether the bitmap holds every part of the image that {@code v} shows, plus {@code margin} screen px around. */
    private boolean covers(Viewport v, double margin, double imageWidth, double imageHeight) {
        Bounds visible = v.visibleImageArea().expand(margin / v.scale());
        double x0 = Math.max(0, visible.minX()), y0 = Math.max(0, visible.minY());
        double x1 = Math.min(imageWidth, visible.maxX()), y1 = Math.min(imageHeight, visible.maxY());
        if (x1 <= x0 || y1 <= y0) return true; // the image is off screen: nothing to show
        if (bitmap == null) return false;
        double eps = 0.5 / scale;
        return x0 >= originX - eps && y0 >= originY - eps
                && x1 <= originX + bitmap.getWidth() / scale + eps && y1 <= originY + bitmap.getHeight() / scale + eps;
    }

    /** Sets up a re-render for viewport {@code v}: the area to keep, its items, a cleared off-screen canvas. */
    private Render start(Viewport v, double imageWidth, double imageHeight) {
        settle.stop();
        var r = new Render();
        r.scale = v.scale();
        // The screen area to keep: viewport plus margin, within the image (plus what sticks out of it).
        double x0 = Math.floor(Math.max(-MARGIN, v.toScreenX(0) - PAD));
        double y0 = Math.floor(Math.max(-MARGIN, v.toScreenY(0) - PAD));
        double x1 = Math.ceil(Math.min(v.screenWidth() + MARGIN, v.toScreenX(imageWidth) + PAD));
        double y1 = Math.ceil(Math.min(v.screenHeight() + MARGIN, v.toScreenY(imageHeight) + PAD));
        r.originX = v.toImageX(x0);
        r.originY = v.toImageY(y0);
        if (x1 <= x0 || y1 <= y0) return r; // nothing of the image there: an empty layer
        r.width = (int) (x1 - x0);
        r.height = (int) (y1 - y0);
        r.view.setScreenSize(r.width, r.height);
        r.view.set(r.scale, v.offsetX() - x0, v.offsetY() - y0);
        if (offscreen.getWidth() != r.width || offscreen.getHeight() != r.height) {
            offscreen.setWidth(r.width);
            offscreen.setHeight(r.height);
        }
        offscreen.getGraphicsContext2D().clearRect(0, 0, r.width, r.height);
        // Shapes just outside still put their tags (above and left of them) into the area.
        r.items = content.items(r.view, r.view.visibleImageArea().expand(PAD / r.scale));
        return r;
    }

    /**
     * Draws the pending render's items for up to {@code budget} ns (a batch at a time, each rasterized
     * before the next), then, if all are drawn, makes it the shown bitmap. True while items are left.
     */
    private boolean advance(long budget) {
        Render r = pending;
        if (r == null) return false;
        long start = System.nanoTime();
        GraphicsContext g = offscreen.getGraphicsContext2D();
        boolean sliced = budget != Long.MAX_VALUE;
        while (r.next < r.items.size()) {
            long t0 = System.nanoTime();
            int end = sliced ? Math.min(r.items.size(), r.next + batch) : r.items.size();
            for (int i = r.next; i < end; i++) r.items.get(i).draw(g, r.view);
            r.next = end;
            if (!sliced) break;
            if (r.next == r.items.size()) break; // the last batch is rasterized by the final snapshot
            offscreen.snapshot(rasterizeOnly, onePixel);
            // Aim a batch at half a slice: shrink at once after a slow one, grow slowly (the cost per shape varies).
            double aim = batch * (budget / 2.0) / Math.max(1, System.nanoTime() - t0);
            batch = (int) Math.clamp(Math.min(aim, batch * 1.5), MIN_BATCH, MAX_BATCH);
            if (System.nanoTime() - start >= budget) break;
        }
        if (r.next < r.items.size()) return true;
        pending = null;
        renders++;
        scale = r.scale;
        originX = r.originX;
        originY = r.originY;
        if (r.width == 0) {
            bitmap = null;
            return false;
        }
        if (bitmap == null || bitmap.getWidth() != r.width || bitmap.getHeight() != r.height) {
            bitmap = new WritableImage(r.width, r.height);
        }
        offscreen.snapshot(snapshot, bitmap);
        return false;
    }
}
