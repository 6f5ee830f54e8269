package org.karyolab.server.bench;

import org.karyolab.schema.shape.Box;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What one simulated expert does each time they open an image: {@code savesPerOpen} saves, each
 * changing {@code batchSize} different annotations (moving a box edge by a few pixels, the typical
 * correction). Pure: the same random sequence gives the same plan.
 */
public record EditMix(int savesPerOpen, int batchSize) {

    /** How far one edit moves a box, at most, in pixels. */
    static final int MAX_NUDGE = 4;

    public EditMix {
        if (savesPerOpen < 1) throw new IllegalArgumentException("saves per open must be at least 1, was " + savesPerOpen);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }

    /** Annotations changed per open. */
    public int editsPerOpen() {
        return savesPerOpen * batchSize;
    }

    /**
     * The saves of one open: {@code savesPerOpen} arrays, each of {@code min(batchSize, annotationCount)}
     * distinct positions in {@code [0, annotationCount)}, ascending.
     */
    public List<int[]> plan(RandomGenerator random, int annotationCount) {
        if (annotationCount < 1) throw new IllegalArgumentException("an image with no annotations cannot be edited");
        int k = Math.min(batchSize, annotationCount);
        List<int[]> saves = new ArrayList<>(savesPerOpen);
        for (int s = 0; s < savesPerOpen; s++) saves.add(distinct(random, k, annotationCount));
        return saves;
    }

    /** k distinct values of [0, n), ascending (Floyd's algorithm: k draws, no retries). */
    static int[] distinct(RandomGenerator random, int k, int n) {
        boolean[] chosen = new boolean[n];
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen[chosen[t] ? j : t] = true;
        }
        int[] out = new int[k];
        for (int i = 0, o = 0; i < n; i++) if (chosen[i]) out[o++] = i;
        return out;
    }

    /**
     * The box moved and resized by at most {@link #MAX_NUDGE} pixels per side, kept at least 1 pixel
     * wide and high and inside a {@code width} x {@code height} image.
     */
    public static Box nudge(Box box, RandomGenerator random, int width, int height) {
        double x = clamp(box.x() + step(random), 0, width - 1);
        double y = clamp(box.y() + step(random), 0, height - 1);
        double w = clamp(box.width() + step(random), 1, width - x);
        double h = clamp(box.height() + step(random), 1, height - y);
        return new Box(x, y, w, h);
    }

    private static int step(RandomGenerator random) {
        return random.nextInt(-MAX_NUDGE, MAX_NUDGE + 1);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Image {@code i} belongs to client {@code i % clients}: disjoint, and as even as the counts allow. */
    public static List<List<Integer>> partition(int images, int clients) {
        if (clients < 1) throw new IllegalArgumentException("need at least one client");
        if (images < clients) {
            throw new IllegalArgumentException(images + " images cannot give each of " + clients + " clients an image of its own");
        }
        List<List<Integer>> owned = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) owned.add(new ArrayList<>());
        for (int i = 0; i < images; i++) owned.get(i % clients).add(i);
        return owned.stream().map(List::copyOf).toList();
    }
}
