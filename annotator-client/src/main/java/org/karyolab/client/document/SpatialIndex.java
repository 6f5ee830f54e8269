package org.karyolab.client.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karyolab.schema.shape.Bounds;

/**
 * A uniform grid of bounding boxes: each id is listed in every cell its box touches. A metaphase has
 * a few hundred objects of similar size spread over the image, so a grid (cell ~ a chromosome's
 * length) answers "what is under the cursor" and "what is in this viewport" by looking at a handful
 * of cells, with O(1) updates when a shape moves, and no rebalancing as an R-tree would need.
 * Not thread-safe: the document guards it.
 */
public final class SpatialIndex {

    private final double cellSize;
    private final Map<Long, Set<String>> cells = new HashMap<>();
    private final Map<String, Bounds> bounds = new HashMap<>();

    /** @param cellSize edge of one cell in pixels; about the size of a typical object works best */
    public SpatialIndex(double cellSize) {
        if (!(cellSize > 0)) throw new IllegalArgumentException("cellSize must be positive");
        this.cellSize = cellSize;
    }

    public int size() {
        return bounds.size();
    }

    public Bounds boundsOf(String id) {
        return bounds.get(id);
    }

    /** Adds or moves {@code id}. */
    public void put(String id, Bounds box) {
        Bounds old = bounds.put(id, box);
        if (old != null) forEachCell(old, key -> {
            Set<String> cell = cells.get(key);
            if (cell != null && cell.remove(id) && cell.isEmpty()) cells.remove(key);
        });
        forEachCell(box, key -> cells.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id));
    }

    public void remove(String id) {
        Bounds old = bounds.remove(id);
        if (old != null) forEachCell(old, key -> {
            Set<String> cell = cells.get(key);
            if (cell != null && cell.remove(id) && cell.isEmpty()) cells.remove(key);
        });
    }

    public void clear() {
        cells.clear();
        bounds.clear();
    }

    /** Ids whose bounding box intersects {@code area} (edges count), each once, in no particular order. */
    public List<String> query(Bounds area) {
        var seen = new LinkedHashSet<String>();
        // A huge viewport over a sparse grid: scanning the boxes beats visiting empty cells.
        long cellCount = (long) (cellIndex(area.maxX()) - cellIndex(area.minX()) + 1) * (cellIndex(area.maxY()) - cellIndex(area.minY()) + 1);
        if (cellCount > cells.size()) {
            bounds.forEach((id, b) -> { if (b.intersects(area)) seen.add(id); });
            return new ArrayList<>(seen);
        }
        forEachCell(area, key -> {
            Set<String> cell = cells.get(key);
            if (cell != null) for (String id : cell) if (bounds.get(id).intersects(area)) seen.add(id);
        });
        return new ArrayList<>(seen);
    }

    /** Ids whose bounding box contains the point. */
    public List<String> at(double x, double y) {
        Set<String> cell = cells.get(key(cellIndex(x), cellIndex(y)));
        if (cell == null) return List.of();
        var out = new ArrayList<String>();
        for (String id : cell) if (bounds.get(id).contains(x, y)) out.add(id);
        return out;
    }

    private int cellIndex(double v) {
        return (int) Math.floor(v / cellSize);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    private void forEachCell(Bounds b, java.util.function.LongConsumer action) {
        int x0 = cellIndex(b.minX()), x1 = cellIndex(b.maxX()), y0 = cellIndex(b.minY()), y1 = cellIndex(b.maxY());
        for (int cx = x0; cx <= x1; cx++) for (int cy = y0; cy <= y1; cy++) action.accept(key(cx, cy));
    }
}
