package org.karyolab.client.ui;

import java.util.Locale;
import javafx.scene.paint.Color;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;

/**
 * One colour per chromosome class, chosen to read on the dark canvas surround and on a light
 * metaphase background alike: hues spread by the golden angle so neighbouring classes (20, 21, 22)
 * differ clearly; a homologous pair shares its class colour. Unlabelled shapes are light grey. Text on
 * a class colour ({@link #textOn}) and a class colour as text on a dark tag ({@link #readableOn}) keep a WCAG
 * contrast of at least {@link #MIN_CONTRAST}.
 */
public final class ClassColors {

    public static final Color UNLABELLED = Color.web("#d8dee9");
    public static final Color CLUSTER = Color.web("#ffb454");
    /** Dark text, for light backgrounds. */
    public static final Color DARK_TEXT = Color.web("#111318");
    /** The least contrast ratio of text with its background (WCAG 2 AA for normal text). */
    public static final double MIN_CONTRAST = 4.5;
    /** Kept above {@link #MIN_CONTRAST}: anti-aliased glyphs and 8-bit rounding take a little of it. */
    static final double MARGIN = 0.3;
    private static final Color[] COLORS = new Color[ChromosomeClass.values().length];

    static {
        for (ChromosomeClass cls : ChromosomeClass.values()) {
            int i = cls.ordinal();
            double hue = (i * 137.508 + 8) % 360;
            double saturation = i % 2 == 0 ? 0.78 : 0.62;
            double brightness = i % 3 == 0 ? 1.0 : 0.92;
            Color c = Color.hsb(hue, saturation, brightness);
            // A tag's text is black or white on the class colour: a colour of middle lightness reads badly with
            // both (class 3 had 4.48:1 with white), so it is darkened until white text clears 4.5:1 with a margin.
            while (Math.max(contrast(c, DARK_TEXT), contrast(c, Color.WHITE)) < MIN_CONTRAST + MARGIN) {
                brightness -= 0.01;
                c = Color.hsb(hue, saturation, brightness);
            }
            COLORS[i] = c;
        }
    }

    private ClassColors() {
    }

    public static Color of(ChromosomeClass c) {
        return c == null ? UNLABELLED : COLORS[c.ordinal()];
    }

    public static Color of(AnnotationLabels labels) {
        if (labels == null) return UNLABELLED;
        if (labels.chromosomeClass() != null) return of(labels.chromosomeClass());
        if (labels.clusterType() != null) return CLUSTER;
        return UNLABELLED;
    }

    /**
     * Near-black or white, whichever has the higher WCAG contrast with {@code background} (opaque): at least
     * 4.5:1 on every class colour (see the class colours' darkening above).
     */
    public static Color textOn(Color background) {
        Color bg = opaque(background);
        return contrast(DARK_TEXT, bg) >= contrast(Color.WHITE, bg) ? DARK_TEXT : Color.WHITE;
    }

    /**
     * {@code foreground}'s hue as text on {@code background} (both made opaque): as it is if its contrast is at
     * least {@link #MIN_CONTRAST} (with a margin for 8-bit rounding), else mixed towards white on a dark
     * background (black on a light one) until it is. Class colours as text on the dark tag background of a
     * suggestion: classes 8, 13 and 21 (blue) had 3-4:1.
     */
    public static Color readableOn(Color foreground, Color background) {
        Color bg = opaque(background), fg = opaque(foreground);
        Color towards = contrast(Color.WHITE, bg) >= contrast(Color.BLACK, bg) ? Color.WHITE : Color.BLACK;
        for (int step = 0; step <= 20; step++) {
            Color c = fg.interpolate(towards, step / 20.0);
            if (contrast(c, bg) >= MIN_CONTRAST + MARGIN) return c;
        }
        return towards;
    }

    /** WCAG 2 contrast ratio of two opaque colours, 1..21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour (its opacity ignored). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** {@code c} over the canvas surround if translucent (how a translucent tag colour is seen on the dark chrome). */
    public static Color opaque(Color c) {
        if (c.getOpacity() >= 1) return c;
        Color under = Color.web("#1b1d23");
        double a = c.getOpacity();
        return Color.color(c.getRed() * a + under.getRed() * (1 - a), c.getGreen() * a + under.getGreen() * (1 - a),
                c.getBlue() * a + under.getBlue() * (1 - a));
    }

    /** A suggestion below the confidence threshold: its class colour, paler and a little translucent. */
    public static Color belowThreshold(Color c) {
        return c.deriveColor(0, 0.75, 0.95, 0.8);
    }

    /** The short text drawn on a shape: "21", "21 p-dn", "touching", or "" when unlabelled. */
    public static String tag(AnnotationLabels labels) {
        if (labels == null) return "";
        var sb = new StringBuilder();
        if (labels.chromosomeClass() != null) sb.append(labels.chromosomeClass().label());
        if (labels.polarity() != null) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(labels.polarity() == Polarity.P_UP ? "p\u2191" : "p\u2193");
        }
        if (labels.chromosomeClass() == null && labels.clusterType() != null) {
            sb.append(labels.clusterType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (!labels.anomalies().isEmpty()) sb.append(" !");
        return sb.toString();
    }
}
