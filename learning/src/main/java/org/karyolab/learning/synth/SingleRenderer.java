package org.karyolab.learning.synth;

import java.util.List;
import java.util.SplittableRandom;
import org.karyolab.schema.ImageKind;

/**
 * One chromosome on its own small image, like the single-chromosome crops of the public classification sets:
 * bent at random (or straight), in a random orientation unless {@code upright}, with the metaphase's blur and noise.
 */
public final class SingleRenderer {

    private static final int PAD = 8;

    private SingleRenderer() {
    }

    /**
     * @param chr1Length pixels of chromosome 1 at this scale (sets the chromosome's length and width)
     * @param upright    p arm up, nearly straight (a karyogram cut-out) instead of any angle and bend
     */
    public static SynthImage render(Banding banding, SynthOptions o, double chr1Length, boolean upright, long seed) {
        var rnd = new SplittableRandom(seed);
        var style = new ChromosomeRenderer.Style(MetaphaseRenderer.pxPerIscn(o.level(), chr1Length), chr1Length * 0.09,
                upright ? 0.07 : 0.6, upright ? StrictMath.PI / 2 : Double.NaN);
        Drawn d = ChromosomeRenderer.draw(banding, style, rnd.split());
        int w = d.width + 2 * PAD;
        int h = d.height + 2 * PAD;
        d.moveTo(PAD, PAD);
        float[] absorbance = new float[w * h];
        for (int y = 0; y < d.height; y++) {
            for (int x = 0; x < d.width; x++) {
                absorbance[(y + PAD) * w + x + PAD] = d.absorbance[y * d.width + x];
            }
        }
        float[] grey = Pixels.blur(Backdrop.illuminate(absorbance, w, h, rnd.split()), w, h, 0.8);
        var image = Pixels.grey(grey, w, h, 2.5, o.inverted(), rnd.split());
        return new SynthImage(ImageKind.CHROMOSOME, image, banding.name(), o.level(), o.inverted(), List.of(d.truth(0)), List.of());
    }
}
