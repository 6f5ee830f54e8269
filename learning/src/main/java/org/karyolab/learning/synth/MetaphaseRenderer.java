package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.ideogram.Ideograms;

/**
 * A metaphase spread: the cell's chromosomes scattered over a roughly round region of a light background, a
 * share of them laid against another one (touching or crossing it), an interphase nucleus or two away from the
 * spread, and debris; then optical blur and sensor noise. The cluster ground truth is computed from the final
 * masks, not from what the placement meant to do.
 */
public final class MetaphaseRenderer {

    /** Free chromosomes keep at least this many pixels between their masks and any other. */
    static final int MARGIN = 4;

    private MetaphaseRenderer() {
    }

    /** Pixels per ISCN unit that make chromosome 1 {@code chr1Pixels} long at this band level. */
    static double pxPerIscn(BandLevel level, double chr1Pixels) {
        var bands = Ideograms.at(level).bands(ChromosomeClass.C1);
        return chr1Pixels / (bands.getLast().iscnStop() - bands.getFirst().iscnStart());
    }

    public static SynthImage render(List<Banding> cell, String karyotype, SynthOptions o, long seed) {
        var rnd = new SplittableRandom(seed);
        int w = o.width();
        int h = o.height();
        double chr1 = o.chr1Length() > 0 ? o.chr1Length() : Math.min(w, h) * (0.11 + 0.03 * rnd.nextDouble());
        double width = chr1 * (0.085 + 0.02 * rnd.nextDouble());
        var style = new ChromosomeRenderer.Style(pxPerIscn(o.level(), chr1), width, 0.45 + 0.35 * rnd.nextDouble(), Double.NaN);
        var drawn = new ArrayList<Drawn>(cell.size());
        for (Banding b : cell) {
            drawn.add(ChromosomeRenderer.draw(b, style, rnd.split()));
        }

        // The spread: a rough ellipse around a point near the centre, as large as the cell needs.
        double area = 0;
        for (Drawn d : drawn) {
            area += d.length() * width;
        }
        double radius = Math.min(Math.sqrt(area / 0.1 / Math.PI), 0.46 * Math.min(w, h) - chr1 / 2);
        radius = Math.max(radius, chr1);
        double cx = w / 2.0 + (rnd.nextDouble() - 0.5) * 0.12 * w;
        double cy = h / 2.0 + (rnd.nextDouble() - 0.5) * 0.12 * h;
        double aspect = 0.85 + 0.3 * rnd.nextDouble();
        var placer = new Placer(w, h, cx, cy, radius * aspect, radius / aspect, rnd.split());

        float[] absorbance = new float[w * h];
        for (int i = 0; i < o.nuclei(); i++) {
            Backdrop.nucleus(absorbance, placer, chr1, rnd.split());
        }
        placer.place(drawn, o.clusterFraction());
        for (Drawn d : drawn) {
            for (int y = 0; y < d.height; y++) {
                int iy = d.y0 + y;
                if (iy < 0 || iy >= h) {
                    continue;
                }
                for (int x = 0; x < d.width; x++) {
                    int ix = d.x0 + x;
                    if (ix >= 0 && ix < w) {
                        absorbance[iy * w + ix] += d.absorbance[y * d.width + x];
                    }
                }
            }
        }
        Backdrop.debris(absorbance, w, h, placer, o.debris(), width, rnd.split());
        float[] grey = Backdrop.illuminate(absorbance, w, h, rnd.split());
        grey = Pixels.blur(grey, w, h, 0.75 + 0.35 * rnd.nextDouble());
        var image = Pixels.grey(grey, w, h, 2.5 + 1.5 * rnd.nextDouble(), o.inverted(), rnd.split());

        var truths = new ArrayList<ChromosomeTruth>(drawn.size());
        var masks = new ArrayList<PixelMask>(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            truths.add(drawn.get(i).truth(i));
            masks.add(drawn.get(i).pixelMask());
        }
        return new SynthImage(ImageKind.METAPHASE, image, karyotype, o.level(), o.inverted(), truths, Clusters.of(masks));
    }
}
