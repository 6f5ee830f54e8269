package org.karyolab.client.ui.canvas;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.karyolab.schema.shape.Mask;

/**
 * How a pixel mask is drawn: its pixels tinted in a colour (translucent, so the chromosome shows through)
 * and its contour, the edges between mask and background pixels, stroked like any other outline (constant
 * screen width at every zoom). Per mask the pixels of its bounding box are decoded once, straight from the
 * runs, into a small image and a list of edge segments (runs of pixel edges merged into long lines); the
 * most recently drawn masks keep theirs ({@link #CACHED}). JavaFX thread.
 */
public final class MaskRendering {

    /** Opacity of a mask's pixels. */
    public static final double FILL_ALPHA = 0.38;
    /** Masks whose decoded pixels are kept. */
    static final int CACHED = 256;
    /** A mask's fill image has at most this many pixels; a bigger one is drawn from a coarser grid. */
    static final long MAX_FILL_PIXELS = 4_000_000L;

    /** A decoded mask: its box in image pixels, its pixels (row-major over the box), its edges, its tinted image. */
    private static final class Decoded {
        int x0;
        int y0;
        int w;
        int h;
        boolean empty;
        /** Edge segments in image pixels, 4 numbers each (x1, y1, x2, y2). */
        float[] edges;
        int edgeCount;
        /** One fill pixel stands for step x step mask pixels. */
        int step;
        boolean[] grid;
        int gridW;
        int gridH;
        WritableImage fill;
        Color fillColor;
    }

    private final Map<Mask, Decoded> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Mask, Decoded> eldest) {
            return size() > CACHED;
        }
    };
    private long decodes;

    MaskRendering() {
    }

    /** How many masks were decoded rather than found in the cache (tests). */
    long decodes() {
        return decodes;
    }

    /** The mask's pixels in {@code color} at {@link #FILL_ALPHA}, through {@code v}. */
    void fill(GraphicsContext g, Viewport v, Mask m, Color color) {
        Decoded d = decoded(m);
        if (d.empty) return;
        if (d.fill == null || !color.equals(d.fillColor)) tint(d, color);
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(false); // mask pixels stay square when zoomed in
        g.drawImage(d.fill, v.toScreenX(d.x0), v.toScreenY(d.y0), d.w * v.scale(), d.h * v.scale());
        g.setImageSmoothing(smooth);
    }

    /** Strokes the mask's contour with the stroke, width, dashes and caps set on {@code g}. */
    void contour(GraphicsContext g, Viewport v, Mask m) {
        Decoded d = decoded(m);
        if (d.empty || d.edgeCount == 0) return;
        float[] e = d.edges;
        g.beginPath();
        for (int i = 0; i < d.edgeCount * 4; i += 4) {
            g.moveTo(v.toScreenX(e[i]), v.toScreenY(e[i + 1]));
            g.lineTo(v.toScreenX(e[i + 2]), v.toScreenY(e[i + 3]));
        }
        g.stroke();
    }

    private Decoded decoded(Mask m) {
        Decoded d = cache.get(m);
        if (d == null) {
            d = decode(m);
            decodes++;
            cache.put(m, d);
        }
        return d;
    }

    /** The mask's bounding box and pixels, walking the runs (column-major) without decoding the whole image. */
    private static Decoded decode(Mask m) {
        var d = new Decoded();
        int h = m.height();
        List<Integer> counts = m.counts();
        var b = m.bounds(); // from the runs alone, as hit-testing uses it
        if (b.maxX() <= b.minX()) {
            d.empty = true;
            return d;
        }
        d.x0 = (int) b.minX();
        d.y0 = (int) b.minY();
        d.w = (int) (b.maxX() - b.minX());
        d.h = (int) (b.maxY() - b.minY());
        boolean[] px = new boolean[d.w * d.h];
        long index = 0;
        for (int i = 0; i < counts.size(); i++) {
            int run = counts.get(i);
            if (i % 2 == 1) {
                for (long k = index; k < index + run; k++) {
                    int x = (int) (k / h) - d.x0, y = (int) (k % h) - d.y0;
                    px[y * d.w + x] = true;
                }
            }
            index += run;
        }
        edges(d, px);
        d.step = (int) Math.max(1, Math.ceil(Math.sqrt((double) d.w * d.h / MAX_FILL_PIXELS)));
        if (d.step == 1) {
            d.grid = px;
            d.gridW = d.w;
            d.gridH = d.h;
        } else {
            d.gridW = (d.w + d.step - 1) / d.step;
            d.gridH = (d.h + d.step - 1) / d.step;
            d.grid = new boolean[d.gridW * d.gridH];
            for (int y = 0; y < d.gridH; y++) {
                for (int x = 0; x < d.gridW; x++) {
                    int sx = Math.min(d.w - 1, x * d.step + d.step / 2), sy = Math.min(d.h - 1, y * d.step + d.step / 2);
                    d.grid[y * d.gridW + x] = px[sy * d.w + sx];
                }
            }
        }
        return d;
    }

    /** The edges between a mask pixel and a background one, merged along rows and columns. */
    private static void edges(Decoded d, boolean[] px) {
        int w = d.w, h = d.h;
        float[] out = new float[64];
        int n = 0;
        // Horizontal edges: on line y between rows y-1 and y.
        for (int y = 0; y <= h; y++) {
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean edge = x < w && (y > 0 && px[(y - 1) * w + x]) != (y < h && px[y * w + x]);
                if (edge && start < 0) start = x;
                if (!edge && start >= 0) {
                    out = add(out, n++, d.x0 + start, d.y0 + y, d.x0 + x, d.y0 + y);
                    start = -1;
                }
            }
        }
        // Vertical edges: on line x between columns x-1 and x.
        for (int x = 0; x <= w; x++) {
            int start = -1;
            for (int y = 0; y <= h; y++) {
                boolean edge = y < h && (x > 0 && px[y * w + x - 1]) != (x < w && px[y * w + x]);
                if (edge && start < 0) start = y;
                if (!edge && start >= 0) {
                    out = add(out, n++, d.x0 + x, d.y0 + start, d.x0 + x, d.y0 + y);
                    start = -1;
                }
            }
        }
        d.edges = out;
        d.edgeCount = n;
    }

    /** Edge {@code n} from (x1, y1) to (x2, y2) stored in {@code out}, grown if it is full. */
    private static float[] add(float[] out, int n, float x1, float y1, float x2, float y2) {
        if ((n + 1) * 4 > out.length) out = Arrays.copyOf(out, out.length * 2);
        out[n * 4] = x1;
        out[n * 4 + 1] = y1;
        out[n * 4 + 2] = x2;
        out[n * 4 + 3] = y2;
        return out;
    }

    /** (Re)builds the fill image in {@code color}. */
    private static void tint(Decoded d, Color color) {
        int a = (int) Math.round(FILL_ALPHA * color.getOpacity() * 255);
        int argb = a << 24 | (int) Math.round(color.getRed() * 255) << 16 | (int) Math.round(color.getGreen() * 255) << 8
                | (int) Math.round(color.getBlue() * 255);
        if (d.fill == null) d.fill = new WritableImage(d.gridW, d.gridH);
        int[] row = new int[d.gridW];
        var writer = d.fill.getPixelWriter();
        for (int y = 0; y < d.gridH; y++) {
            for (int x = 0; x < d.gridW; x++) row[x] = d.grid[y * d.gridW + x] ? argb : 0;
            writer.setPixels(0, y, d.gridW, 1, PixelFormat.getIntArgbInstance(), row, 0, d.gridW);
        }
        d.fillColor = color;
    }
}
