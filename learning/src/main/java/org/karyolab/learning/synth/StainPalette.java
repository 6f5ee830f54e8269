package org.karyolab.learning.synth;

import org.karyolab.schema.ideogram.BandStain;

/**
 * The G-band look: optical density (absorbance through the full thickness of the chromosome) per stain, and
 * the width factor of a band (stalks are thin). An image pixel is {@code background * exp(-absorbance)}.
 */
final class StainPalette {

    private StainPalette() {
    }

    /** Light gneg, darker gpos25..gpos100; acen a mid grey; gvar dark heterochromatin; stalks pale. */
    static double density(BandStain stain) {
        return switch (stain) {
            case GNEG -> 0.42;
            case GPOS25 -> 0.68;
            case GPOS50 -> 0.95;
            case GPOS75 -> 1.22;
            case GPOS100 -> 1.55;
            case ACEN -> 0.75;
            case GVAR -> 1.15;
            case STALK -> 0.30;
        };
    }

    /** Width of a band relative to the arm: stalks are thin threads, the rest full width. */
    static double widthFactor(BandStain stain) {
        return stain == BandStain.STALK ? 0.45 : 1.0;
    }
}
