package org.karyolab.learning.synth;

import org.karyolab.schema.BandLevel;

/**
 * How synthetic images are made.
 *
 * @param width           metaphase width in pixels
 * @param height          metaphase height in pixels
 * @param level           band level of the ideogram the chromosomes are drawn from
 * @param inverted        white chromosomes on black, like some public sets
 * @param clusterFraction share of the chromosomes placed against another one (touching or overlapping), 0..1
 * @param debris          number of debris blobs
 * @param nuclei          number of interphase nuclei
 * @param chr1Length      length of chromosome 1 in pixels; 0 picks one from the image size (about 10 % of its short side)
 */
public record SynthOptions(int width, int height, BandLevel level, boolean inverted, double clusterFraction, int debris,
                           int nuclei, double chr1Length) {

    public SynthOptions {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("image must be at least 64x64, was " + width + "x" + height);
        }
        if (!(clusterFraction >= 0 && clusterFraction <= 1)) {
            throw new IllegalArgumentException("clusterFraction must be in [0, 1], was " + clusterFraction);
        }
        if (debris < 0 || nuclei < 0 || chr1Length < 0) {
            throw new IllegalArgumentException("debris, nuclei and chr1Length must not be negative");
        }
    }

    /** 1600x1200, 400 bands, light background, 20 % of the chromosomes in clusters, some debris, one nucleus. */
    public static SynthOptions defaults() {
        return new SynthOptions(1600, 1200, BandLevel.B400, false, 0.2, 30, 1, 0);
    }

    public SynthOptions withSize(int w, int h) {
        return new SynthOptions(w, h, level, inverted, clusterFraction, debris, nuclei, chr1Length);
    }

    public SynthOptions withLevel(BandLevel l) {
        return new SynthOptions(width, height, l, inverted, clusterFraction, debris, nuclei, chr1Length);
    }

    public SynthOptions withInverted(boolean i) {
        return new SynthOptions(width, height, level, i, clusterFraction, debris, nuclei, chr1Length);
    }

    public SynthOptions withClusterFraction(double f) {
        return new SynthOptions(width, height, level, inverted, f, debris, nuclei, chr1Length);
    }

    public SynthOptions withDebris(int d, int n) {
        return new SynthOptions(width, height, level, inverted, clusterFraction, d, n, chr1Length);
    }

    public SynthOptions withChr1Length(double px) {
        return new SynthOptions(width, height, level, inverted, clusterFraction, debris, nuclei, px);
    }
}
