package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of pixels as sorted, disjoint runs down the columns of a grid {@code rows} pixels high (a mask's
 * column-major order): run [s, e) holds the pixels x * rows + y for s <= that < e. Two sets on the same
 * {@code rows} overlap run by run, without a pixel array. Pixels above or below the grid (y < 0 or
 * y >= rows) are only counted: nothing on the grid can share them.
 */
final class PixelRuns {

    private final int rows;
    private long[] runs = new long[16];
    private int size;
    private long offGrid;

    PixelRuns(int rows) {
        this.rows = rows;
    }

    /** Adds column {@code x}'s pixels y0 <= y < y1; columns must come in order, and runs down a column too. */
    void add(int x, int y0, int y1) {
        if (y1 <= y0) return;
        int from = Math.max(0, y0), to = Math.min(rows, y1);
        offGrid += (y1 - y0) - Math.max(0, to - from);
        if (to <= from) return;
        long start = (long) x * rows + from, end = (long) x * rows + to;
        if (size > 0 && runs[size - 1] == start) {
            runs[size - 1] = end; // continues the previous run (the next column, or the rest of this one)
            return;
        }
        if (size == runs.length) runs = Arrays.copyOf(runs, size * 2);
        runs[size++] = start;
        runs[size++] = end;
    }

    long count() {
        long n = offGrid;
        for (int i = 0; i < size; i += 2) n += runs[i + 1] - runs[i];
        return n;
    }

    /** How many pixels both sets hold (both on a grid of the same height). */
    long overlap(PixelRuns o) {
        if (rows != o.rows) throw new IllegalArgumentException("grids of " + rows + " and " + o.rows + " rows");
        long n = 0;
        int i = 0, j = 0;
        while (i < size && j < o.size) {
            long start = Math.max(runs[i], o.runs[j]), end = Math.min(runs[i + 1], o.runs[j + 1]);
            if (end > start) n += end - start;
            if (runs[i + 1] < o.runs[j + 1]) i += 2;
            else j += 2;
        }
        return n;
    }

    /**
     * The pixels whose centres lie inside the rings (even-odd: a hole inside an exterior is left out), found
     * column by column where each column's centre line crosses the ring edges.
     */
    static PixelRuns inside(List<List<Point>> rings, int rows) {
        var out = new PixelRuns(rows);
        Bounds b = Bounds.of(rings.getFirst());
        var crossings = new ArrayList<Double>();
        for (int x = (int) Math.floor(b.minX()); x < Math.ceil(b.maxX()); x++) {
            double cx = x + 0.5;
            crossings.clear();
            for (List<Point> ring : rings) {
                for (int i = 0; i < ring.size(); i++) {
                    Point p = ring.get(i), q = ring.get((i + 1) % ring.size());
                    // Half-open in x, so a vertex on the line is crossed once, not twice.
                    if ((p.x() <= cx) != (q.x() <= cx)) crossings.add(p.y() + (cx - p.x()) * (q.y() - p.y()) / (q.x() - p.x()));
                }
            }
            crossings.sort(null);
            for (int k = 0; k + 1 < crossings.size(); k += 2) {
                // Pixel y's centre y + 0.5 in [top, bottom).
                out.add(x, (int) Math.ceil(crossings.get(k) - 0.5), (int) Math.ceil(crossings.get(k + 1) - 0.5));
            }
        }
        return out;
    }
}
