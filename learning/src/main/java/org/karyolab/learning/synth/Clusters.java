package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.shape.Box;

/**
 * Cluster ground truth from the masks alone. Two chromosomes are linked when their masks overlap (share a pixel:
 * overlap pixels belong to both) or touch (a pixel of one is an 8-neighbour of a pixel of the other, with none
 * shared). A cluster is a connected group of two or more; its type is {@code overlapping} when all its links
 * overlap, {@code touching} when all touch, else {@code touching-overlapping}.
 */
public final class Clusters {

    /** How two masks relate. */
    public enum Relation { APART, TOUCHING, OVERLAPPING }

    private Clusters() {
    }

    public static Relation relation(PixelMask a, PixelMask b) {
        if (!a.windowsMeet(b, 1)) {
            return Relation.APART;
        }
        if (a.overlap(b) > 0) {
            return Relation.OVERLAPPING;
        }
        return a.adjacent(b) ? Relation.TOUCHING : Relation.APART;
    }

    /** The clusters among {@code masks} (indexes into the list), ordered by their smallest member. */
    public static List<ClusterTruth> of(List<PixelMask> masks) {
        int n = masks.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Relation[][] rel = new Relation[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Relation r = relation(masks.get(i), masks.get(j));
                rel[i][j] = r;
                if (r != Relation.APART) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        var out = new ArrayList<ClusterTruth>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            int root = find(parent, i);
            var members = new ArrayList<Integer>();
            for (int j = i; j < n; j++) {
                if (find(parent, j) == root) {
                    members.add(j);
                    done[j] = true;
                }
            }
            if (members.size() < 2) {
                continue;
            }
            boolean touch = false;
            boolean overlap = false;
            for (int a = 0; a < members.size(); a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    Relation r = rel[members.get(a)][members.get(b)];
                    touch |= r == Relation.TOUCHING;
                    overlap |= r == Relation.OVERLAPPING;
                }
            }
            ClusterType type = touch && overlap ? ClusterType.TOUCHING_OVERLAPPING
                    : overlap ? ClusterType.OVERLAPPING : ClusterType.TOUCHING;
            out.add(new ClusterTruth(members, type, box(members.stream().map(masks::get).toList())));
        }
        return out;
    }

    /** The tight box around the set pixels of the masks. */
    static Box box(List<PixelMask> masks) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (PixelMask m : masks) {
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (m.bits()[y * m.width() + x]) {
                        minX = Math.min(minX, m.x0() + x);
                        maxX = Math.max(maxX, m.x0() + x);
                        minY = Math.min(minY, m.y0() + y);
                        maxY = Math.max(maxY, m.y0() + y);
                    }
                }
            }
        }
        return new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
