package org.karyolab.client.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the class tags go so that none covers another (screen pixels). A tag wants its shape's top-left
 * corner, above the shape; on a crowded metaphase those places collide, so each tag in turn (in the order
 * asked: the first ones keep their place) takes the first free place among: above-left, above-right,
 * below-left, below-right, left, right of its shape, inside its top-left corner; then places further out in
 * rings around the first, drawn with a leader line to the shape. A tag with no free place within reach is not
 * shown ({@link Placement#shown()} false): at that density it would only cover others; zooming in makes room.
 * Placed tags are kept in a grid of cells, so a layout of n tags costs about n times the places tried; past
 * {@link #BUDGET} places tried in one layout, tags only try the places next to their shape. Plain Java: no JavaFX.
 */
public final class TagLayout {

    /** Space kept between two tags and between a tag and its shape. */
    static final double GAP = 2;
    /** Rings of places tried around the preferred one before giving up on a free place. */
    static final int RINGS = 12;
    /** Places tried in one layout before the rings are left out (a view of thousands of small shapes). */
    static final int BUDGET = 150_000;
    private static final double CELL = 64;

    /** One tag to place: its shape's bounds on screen and the tag's size. */
    public record Request(String key, double minX, double minY, double maxX, double maxY, double width, double height) {
    }

    /**
     * Where a tag went, relative to its shape's top-left corner on screen ({@code dx, dy} to the tag's own top-left);
     * {@code leader}: away from the shape, drawn with a line to it; {@code shown}: false when no free place was found.
     */
    public record Placement(double dx, double dy, double width, double height, boolean leader, boolean shown) {
    }

    private record Rect(double x, double y, double w, double h) {
        boolean meets(Rect o) {
            return x < o.x + o.w + GAP && o.x < x + w + GAP && y < o.y + o.h + GAP && o.y < y + h + GAP;
        }
    }

    private final Map<Long, List<Rect>> grid = new HashMap<>();
    private int tried;

    private TagLayout() {
    }

    /** The placement of every request, by key, in the order given. */
    public static Map<String, Placement> place(List<Request> requests) {
        var layout = new TagLayout();
        Map<String, Placement> out = new LinkedHashMap<>();
        for (Request r : requests) out.put(r.key(), layout.placeOne(r));
        return out;
    }

    /** Where the tag goes when nothing is in the way: above the shape's top-left corner. */
    public static Placement preferred(double width, double height) {
        return new Placement(0, -height - GAP, width, height, false, true);
    }

    private Placement placeOne(Request r) {
        double w = r.width(), h = r.height();
        double sw = r.maxX() - r.minX(), sh = r.maxY() - r.minY();
        List<double[]> near = new ArrayList<>(List.of(
                new double[] {0, -h - GAP},
                new double[] {sw - w, -h - GAP},
                new double[] {0, sh + GAP},
                new double[] {sw - w, sh + GAP},
                new double[] {-w - GAP, 0},
                new double[] {sw + GAP, 0}));
        if (sw >= w + 2 * GAP && sh >= h + 2 * GAP) near.add(new double[] {GAP, GAP});
        for (double[] c : near) {
            tried++;
            Rect rect = new Rect(r.minX() + c[0], r.minY() + c[1], w, h);
            if (free(rect)) return keep(rect, c[0], c[1], false);
        }
        // Rings around the preferred place, each a tag's height (vertically) and half its width (sideways) further out.
        for (int k = 1; k <= RINGS && tried < BUDGET; k++) {
            for (int j = -k; j <= k; j++) {
                for (int side = 0; side < 4; side++) {
                    int i = switch (side) {
                        case 0, 1 -> j;
                        case 2 -> -k;
                        default -> k;
                    };
                    int m = switch (side) {
                        case 0 -> -k;
                        case 1 -> k;
                        default -> j;
                    };
                    if ((side >= 2) && Math.abs(j) == k) continue; // corners come with the top and bottom rows
                    double dx = i * (w / 2 + GAP), dy = -h - GAP + m * (h + GAP);
                    tried++;
                    Rect rect = new Rect(r.minX() + dx, r.minY() + dy, w, h);
                    if (free(rect)) return keep(rect, dx, dy, true);
                }
            }
        }
        return new Placement(0, -h - GAP, w, h, false, false); // no free place within reach: not shown
    }

    private Placement keep(Rect rect, double dx, double dy, boolean leader) {
        for (long cell : cells(rect)) grid.computeIfAbsent(cell, c -> new ArrayList<>()).add(rect);
        return new Placement(dx, dy, rect.w(), rect.h(), leader, true);
    }

    private boolean free(Rect rect) {
        for (long cell : cells(rect)) {
            List<Rect> there = grid.get(cell);
            if (there == null) continue;
            for (Rect o : there) if (o.meets(rect)) return false;
        }
        return true;
    }

    /** The grid cells a rectangle (with the gap around it) touches. */
    private static long[] cells(Rect r) {
        int x0 = (int) Math.floor((r.x() - GAP) / CELL), x1 = (int) Math.floor((r.x() + r.w() + GAP) / CELL);
        int y0 = (int) Math.floor((r.y() - GAP) / CELL), y1 = (int) Math.floor((r.y() + r.h() + GAP) / CELL);
        long[] out = new long[(x1 - x0 + 1) * (y1 - y0 + 1)];
        int n = 0;
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) out[n++] = (long) x << 32 | (y & 0xffffffffL);
        return out;
    }
}
