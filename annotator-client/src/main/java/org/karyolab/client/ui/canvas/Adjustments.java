package org.karyolab.client.ui.canvas;

/**
 * Display adjustments of the image (never of the data): brightness and contrast in -1..1, gamma in
 * 0.1..5, and invert. Applied as a 256-entry lookup table, so a slider drag over a 4096x4096 image
 * costs one table lookup per pixel and no floating point per pixel.
 */
public record Adjustments(double brightness, double contrast, double gamma, boolean invert) {

    public static final Adjustments NONE = new Adjustments(0, 0, 1, false);

    public Adjustments {
        brightness = Math.clamp(brightness, -1, 1);
        contrast = Math.clamp(contrast, -1, 1);
        gamma = Math.clamp(gamma, 0.1, 5);
    }

    public boolean identity() {
        return equals(NONE);
    }

    public Adjustments withBrightness(double v) {
        return new Adjustments(v, contrast, gamma, invert);
    }

    public Adjustments withContrast(double v) {
        return new Adjustments(brightness, v, gamma, invert);
    }

    public Adjustments withGamma(double v) {
        return new Adjustments(brightness, contrast, v, invert);
    }

    public Adjustments withInvert(boolean v) {
        return new Adjustments(brightness, contrast, gamma, v);
    }

    /**
     * Input level 0..255 to output level 0..255: contrast about mid-grey (slope tan((c+1)pi/4), so 0
     * is neutral, 1 is a step and -1 flat), then brightness as an offset, then gamma, then invert.
     */
    public int[] lut() {
        int[] table = new int[256];
        double slope = Math.tan((contrast + 1) * Math.PI / 4);
        if (contrast >= 1) slope = 1e6;
        for (int i = 0; i < 256; i++) {
            double v = i / 255.0;
            v = (v - 0.5) * slope + 0.5 + brightness;
            v = Math.clamp(v, 0, 1);
            v = Math.pow(v, 1 / gamma);
            if (invert) v = 1 - v;
            table[i] = (int) Math.round(v * 255);
        }
        return table;
    }
}
