package org.karyolab.learning.synth;

import org.karyolab.schema.shape.Mask;

/**
 * A binary mask kept in its bounding window: pixel (x, y) of the image is {@code bits[(y - y0) * width + (x - x0)]}.
 * Cheap to move, test and compare; {@link #toMask} gives the image-sized COCO RLE of the schema.
 */
public record PixelMask(int x0, int y0, int width, int height, boolean[] bits) {

    public PixelMask {
        if (width < 0 || height < 0 || bits.length != width * height) {
            throw new IllegalArgumentException("mask window " + width + "x" + height + " with " + bits.length + " bits");
        }
    }

    /** Is image pixel (x, y) set? False outside the window. */
    public boolean get(int x, int y) {
        int lx = x - x0;
        int ly = y - y0;
        return lx >= 0 && ly >= 0 && lx < width && ly < height && bits[ly * width + lx];
    }

    public long area() {
        long n = 0;
        for (boolean b : bits) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The same mask moved by (dx, dy) (shares the bits). */
    public PixelMask moved(int dx, int dy) {
        return new PixelMask(x0 + dx, y0 + dy, width, height, bits);
    }

    /** Do the windows, grown by {@code margin}, meet? */
    public boolean windowsMeet(PixelMask o, int margin) {
        return x0 - margin < o.x0 + o.width && o.x0 - margin < x0 + width
                && y0 - margin < o.y0 + o.height && o.y0 - margin < y0 + height;
    }

    /** Number of pixels set in both. */
    public long overlap(PixelMask o) {
        if (!windowsMeet(o, 0)) {
            return 0;
        }
        long n = 0;
        int xa = Math.max(x0, o.x0);
        int xb = Math.min(x0 + width, o.x0 + o.width);
        int ya = Math.max(y0, o.y0);
        int yb = Math.min(y0 + height, o.y0 + o.height);
        for (int y = ya; y < yb; y++) {
            for (int x = xa; x < xb; x++) {
                if (get(x, y) && o.get(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** True when a pixel of this mask has a pixel of {@code o} among its 8 neighbours or on itself. */
    public boolean adjacent(PixelMask o) {
        if (!windowsMeet(o, 1)) {
            return false;
        }
        int xa = Math.max(x0, o.x0 - 1);
        int xb = Math.min(x0 + width, o.x0 + o.width + 1);
        int ya = Math.max(y0, o.y0 - 1);
        int yb = Math.min(y0 + height, o.y0 + o.height + 1);
        for (int y = ya; y < yb; y++) {
            for (int x = xa; x < xb; x++) {
                if (!get(x, y)) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (o.get(x + dx, y + dy)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Is pixel (x, y) on the border of the mask (set, with an unset 4-neighbour)? */
    public boolean border(int x, int y) {
        return get(x, y) && (!get(x - 1, y) || !get(x + 1, y) || !get(x, y - 1) || !get(x, y + 1));
    }

    /** The COCO RLE over an image of this size (pixels outside the image are dropped). */
    public Mask toMask(int imageWidth, int imageHeight) {
        var pixels = new boolean[imageWidth * imageHeight];
        for (int ly = 0; ly < height; ly++) {
            int y = y0 + ly;
            if (y < 0 || y >= imageHeight) {
                continue;
            }
            for (int lx = 0; lx < width; lx++) {
                int x = x0 + lx;
                if (x >= 0 && x < imageWidth && bits[ly * width + lx]) {
                    pixels[y * imageWidth + x] = true;
                }
            }
        }
        return Mask.encode(imageWidth, imageHeight, pixels);
    }
}
