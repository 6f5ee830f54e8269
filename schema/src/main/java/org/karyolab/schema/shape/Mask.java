package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;

/**
 * Pixel mask as COCO uncompressed RLE: {@code counts} are alternating run lengths over the pixels in
 * column-major order (x-major, like COCO), starting with a background run (which may be 0).
 * The mask covers the whole image, so width/height equal the image size.
 */
public record Mask(int width, int height, List<Integer> counts) implements Shape {

    public Mask {
        counts = counts == null ? null : Validation.immutableList(counts);
    }

    /** Encodes a mask given row-major pixels ({@code pixels[y * width + x]}). */
    public static Mask encode(int width, int height, boolean[] pixels) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
        var counts = new ArrayList<Integer>();
        boolean current = false;
        int run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                if (pixels[y * width + x] != current) {
                    counts.add(run);
                    current = !current;
                    run = 0;
                }
                run++;
            }
        }
        counts.add(run);
        return new Mask(width, height, counts);
    }

    /** Decodes to row-major pixels ({@code [y * width + x]}); the mask must be valid. */
    public boolean[] decode() {
        var pixels = new boolean[width * height];
        int index = 0;
        boolean value = false;
        for (int count : counts) {
            for (int i = 0; i < count; i++, index++) {
                int x = index / height;
                int y = index % height;
                pixels[y * width + x] = value;
            }
            value = !value;
        }
        return pixels;
    }

    /** Number of foreground pixels (the odd-indexed runs). */
    public long pixelCount() {
        long area = 0;
        for (int i = 1; i < counts.size(); i += 2) {
            area += counts.get(i);
        }
        return area;
    }

    /** {@link #pixelCount()}: each pixel is one square pixel. */
    @Override
    public double area() {
        return pixelCount();
    }

    /**
     * From the runs alone (no decoding): a foreground run over pixels i..j (column-major) covers
     * columns i/h..j/h, and every row if it wraps a column. Pixel (x, y) spans [x, x+1] x [y, y+1].
     * An empty mask: (0, 0, 0, 0).
     */
    @Override
    public Bounds bounds() {
        long index = 0;
        long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = -1, maxY = -1;
        for (int i = 0; i < counts.size(); i++) {
            int run = counts.get(i);
            if (i % 2 == 1 && run > 0) {
                long first = index, last = index + run - 1;
                minX = Math.min(minX, first / height);
                maxX = Math.max(maxX, last / height);
                if (first / height != last / height) {
                    minY = 0;
                    maxY = height - 1;
                } else {
                    minY = Math.min(minY, first % height);
                    maxY = Math.max(maxY, last % height);
                }
            }
            index += run;
        }
        if (maxX < 0) return new Bounds(0, 0, 0, 0);
        return new Bounds(minX, minY, maxX + 1, maxY + 1);
    }

    /** Whole pixels only ((dx, dy) rounded); what leaves the image is cut off. */
    @Override
    public Mask translate(double dx, double dy) {
        int sx0 = (int) Math.round(dx), sy0 = (int) Math.round(dy);
        boolean[] in = decode(), out = new boolean[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = x - sx0, sy = y - sy0;
                if (sx >= 0 && sy >= 0 && sx < width && sy < height) out[y * width + x] = in[sy * width + sx];
            }
        }
        return encode(width, height, out);
    }

    /** The foreground pixels as a {@link PixelRuns} over columns of {@code rows} pixels (at least this mask's height). */
    PixelRuns pixels(int rows) {
        var runs = new PixelRuns(rows);
        long index = 0;
        for (int i = 0; i < counts.size(); i++) {
            int run = counts.get(i);
            if (i % 2 == 1) {
                // A run may wrap from one column into the next: cut it at each column's end.
                for (long at = index, end = index + run; at < end; ) {
                    long column = at / height, columnEnd = Math.min(end, (column + 1) * height);
                    runs.add((int) column, (int) (at - column * height), (int) (columnEnd - column * height));
                    at = columnEnd;
                }
            }
            index += run;
        }
        return runs;
    }

    /** The checks behind {@link Shape#validate()} and {@link Shape#validate(int, int)}. */
    List<Violation> check(Geometry g, List<Violation> out) {
        if (width <= 0) {
            out.add(new Violation("/width", "width must be greater than 0 (was " + width + ")"));
        } else if (g.bounded() && width != g.imageWidth()) {
            out.add(new Violation("/width", "mask width " + width + " differs from the image width " + g.imageWidth()));
        }
        if (height <= 0) {
            out.add(new Violation("/height", "height must be greater than 0 (was " + height + ")"));
        } else if (g.bounded() && height != g.imageHeight()) {
            out.add(new Violation("/height", "mask height " + height + " differs from the image height " + g.imageHeight()));
        }
        if (!Validation.required(out, "/counts", "counts", counts)) {
            return List.copyOf(out);
        }
        boolean countsOk = true;
        long sum = 0;
        for (int i = 0; i < counts.size(); i++) {
            Integer c = counts.get(i);
            if (c == null) {
                out.add(new Violation("/counts/" + i, "count must not be null"));
                countsOk = false;
            } else if (c < 0) {
                out.add(new Violation("/counts/" + i, "count must not be negative (was " + c + ")"));
                countsOk = false;
            } else {
                sum += c;
            }
        }
        long pixels = (long) width * height;
        if (countsOk && width > 0 && height > 0 && sum != pixels) {
            out.add(new Violation("/counts", "counts sum to " + sum + " but the mask has width x height = "
                    + pixels + " pixels"));
        }
        return List.copyOf(out);
    }
}
