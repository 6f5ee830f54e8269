package org.karyolab.exports.coco;

import java.util.ArrayList;
import java.util.List;

/**
 * COCO's compressed RLE: the {@code counts} string pycocotools writes for a mask ({@code maskUtils.encode}), read
 * and written exactly. The runs are those of {@link org.karyolab.schema.shape.Mask} (column-major, a background run
 * first). From the third run on, each is stored as its difference to the run two before it; every value is written
 * in 5-bit groups, least significant first, each group a character {@code '0' + group}, with bit 5 set while more
 * groups follow and bit 4 of the last group giving the sign.
 */
public final class CocoRle {

    private CocoRle() {}

    /** The counts string of {@code runs} (non-negative run lengths). */
    public static String compress(List<Integer> runs) {
        StringBuilder out = new StringBuilder(runs.size() * 2);
        for (int i = 0; i < runs.size(); i++) {
            long x = runs.get(i);
            if (x < 0) throw new IllegalArgumentException("run " + i + " is negative: " + x);
            if (i > 2) x -= runs.get(i - 2);
            boolean more = true;
            while (more) {
                int group = (int) (x & 0x1f);
                x >>= 5;
                more = (group & 0x10) != 0 ? x != -1 : x != 0;
                if (more) group |= 0x20;
                out.append((char) (group + 48));
            }
        }
        return out.toString();
    }

    /**
     * The run lengths of a counts string.
     *
     * @throws IllegalArgumentException naming the character and its position when the string is not one
     *     pycocotools could have written (a character out of range, a value cut short, a negative run)
     */
    public static List<Integer> decompress(String counts) {
        List<Integer> runs = new ArrayList<>();
        int p = 0;
        while (p < counts.length()) {
            int start = p;
            long x = 0;
            int shift = 0;
            boolean more = true;
            while (more) {
                if (p == counts.length()) {
                    throw new IllegalArgumentException("the counts end inside the value that starts at character " + start);
                }
                int c = counts.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("character " + p + " ('" + counts.charAt(p)
                            + "') is not a counts character ('0' to 'o')");
                }
                if (shift > 30) throw new IllegalArgumentException("the value at character " + start + " is too long");
                x |= (long) (c & 0x1f) << shift;
                more = (c & 0x20) != 0;
                p++;
                shift += 5;
                if (!more && (c & 0x10) != 0) x |= -1L << shift;
            }
            int m = runs.size();
            if (m > 2) x += runs.get(m - 2);
            if (x < 0 || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("run " + m + " (at character " + start + ") is out of range: " + x);
            }
            runs.add((int) x);
        }
        return runs;
    }
}
