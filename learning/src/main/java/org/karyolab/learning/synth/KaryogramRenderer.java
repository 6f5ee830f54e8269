package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageKind;

/**
 * An arranged karyogram: the cell's chromosomes nearly straight, p arm up, side by side per class with their
 * centromeres on one line per row, in the standard rows (1-5; 6-12; 13-18; 19-22, X, Y), each class labelled
 * underneath. Chromosomes without a centromere (markers) go last.
 */
public final class KaryogramRenderer {

    static final List<List<String>> ROWS = List.of(
            List.of("1", "2", "3", "", "4", "5"),
            List.of("6", "7", "8", "9", "10", "11", "12"),
            List.of("13", "14", "15", "", "16", "17", "18"),
            List.of("19", "20", "", "21", "22", "", "X", "Y", "mar"));

    private static final int MARGIN = 40;
    private static final int SLOT_GAP = 34;
    private static final int MEMBER_GAP = 5;
    private static final int LABEL_SCALE = 2;

    private KaryogramRenderer() {
    }

    public static SynthImage render(List<Banding> cell, String karyotype, SynthOptions o, long seed) {
        var rnd = new SplittableRandom(seed);
        double chr1 = 170;
        var style = new ChromosomeRenderer.Style(MetaphaseRenderer.pxPerIscn(o.level(), chr1), chr1 * 0.085, 0.07,
                StrictMath.PI / 2);
        var drawn = new ArrayList<Drawn>(cell.size());
        for (Banding b : cell) {
            drawn.add(ChromosomeRenderer.draw(b, style, rnd.split()));
        }
        // Slot contents per row.
        var rows = new ArrayList<List<List<Drawn>>>();
        for (List<String> labels : ROWS) {
            var slots = new ArrayList<List<Drawn>>();
            for (String label : labels) {
                var members = new ArrayList<Drawn>();
                for (Drawn d : drawn) {
                    ChromosomeClass c = d.banding.chromosomeClass();
                    if (c == null ? label.equals("mar") : c.label().equals(label)) {
                        members.add(d);
                    }
                }
                slots.add(members);
            }
            rows.add(slots);
        }
        int[] rowWidth = new int[rows.size()];
        int[] above = new int[rows.size()];
        int[] below = new int[rows.size()];
        int minSlot = PixelFont.width("22", LABEL_SCALE) + 10;
        for (int r = 0; r < rows.size(); r++) {
            int width = 0;
            for (int s = 0; s < rows.get(r).size(); s++) {
                width += slotWidth(rows.get(r).get(s), ROWS.get(r).get(s), minSlot) + (s > 0 ? SLOT_GAP : 0);
                for (Drawn d : rows.get(r).get(s)) {
                    int cen = (int) Math.round(centromereY(d));
                    above[r] = Math.max(above[r], cen);
                    below[r] = Math.max(below[r], d.height - cen);
                }
            }
            rowWidth[r] = width;
            above[r] = Math.max(above[r], 20);
            below[r] = Math.max(below[r], 20);
        }
        int labelHeight = PixelFont.HEIGHT * LABEL_SCALE + 12;
        int w = MARGIN * 2;
        int h = MARGIN;
        for (int r = 0; r < rows.size(); r++) {
            w = Math.max(w, rowWidth[r] + MARGIN * 2);
            h += above[r] + below[r] + labelHeight + 24;
        }
        h += MARGIN - 24;
        final int stride = w;
        float[] absorbance = new float[w * h];
        int top = MARGIN;
        for (int r = 0; r < rows.size(); r++) {
            int x = (w - rowWidth[r]) / 2;
            int line = top + above[r];
            for (int s = 0; s < rows.get(r).size(); s++) {
                String label = ROWS.get(r).get(s);
                List<Drawn> members = rows.get(r).get(s);
                int slot = slotWidth(members, label, minSlot);
                if (label.isEmpty()) {
                    x += slot + SLOT_GAP;
                    continue;
                }
                int content = members.stream().mapToInt(d -> d.width).sum() + MEMBER_GAP * Math.max(0, members.size() - 1);
                int cx = x + (slot - content) / 2;
                for (Drawn d : members) {
                    d.moveTo(cx, line - (int) Math.round(centromereY(d)));
                    add(absorbance, w, h, d);
                    cx += d.width + MEMBER_GAP;
                }
                if (!members.isEmpty() || !label.equals("mar")) {
                    int ly = line + below[r] + 4;
                    for (int xx = x + 2; xx < x + slot - 2; xx++) {
                        absorbance[ly * w + xx] += 0.9f;
                    }
                    int lx = x + (slot - PixelFont.width(label, LABEL_SCALE)) / 2;
                    PixelFont.draw(label, lx, ly + 6, LABEL_SCALE, (px, py) -> absorbance[py * stride + px] += 1.4f);
                }
                x += slot + SLOT_GAP;
            }
            top += above[r] + below[r] + labelHeight + 24;
        }
        float[] grey = Backdrop.illuminate(absorbance, w, h, rnd.split());
        grey = Pixels.blur(grey, w, h, 0.6);
        var image = Pixels.grey(grey, w, h, 1.5, o.inverted(), rnd.split());
        var truths = new ArrayList<ChromosomeTruth>();
        for (int i = 0; i < drawn.size(); i++) {
            truths.add(drawn.get(i).truth(i));
        }
        return new SynthImage(ImageKind.KARYOGRAM, image, karyotype, o.level(), o.inverted(), truths, List.of());
    }

    private static int slotWidth(List<Drawn> members, String label, int minSlot) {
        if (label.isEmpty()) {
            return minSlot / 2;
        }
        if (label.equals("mar") && members.isEmpty()) {
            return 0;
        }
        int content = members.stream().mapToInt(d -> d.width).sum() + MEMBER_GAP * Math.max(0, members.size() - 1);
        return Math.max(minSlot, content + 8);
    }

    /** Window y of the centromere (of the middle when there is none). */
    private static double centromereY(Drawn d) {
        double s = d.banding.hasCentromere() ? d.centromere : d.length() / 2;
        int i = (int) Math.clamp(Math.round(s / d.step), 0, d.ay.length - 1);
        return d.ay[i];
    }

    private static void add(float[] absorbance, int w, int h, Drawn d) {
        for (int y = 0; y < d.height; y++) {
            int iy = d.y0 + y;
            for (int x = 0; x < d.width; x++) {
                int ix = d.x0 + x;
                if (ix >= 0 && iy >= 0 && ix < w && iy < h) {
                    absorbance[iy * w + ix] += d.absorbance[y * d.width + x];
                }
            }
        }
    }
}
