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
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.size(); i += 2) {
            area += counts.get(i);
        }
        return area;
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
