package org.karyolab.client.ui;

import javafx.scene.paint.Color;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;

/**
 * One colour per chromosome class, chosen to read on the dark canvas surround and on a light
 * metaphase background alike: hues spread by the golden angle so neighbouring classes (20, 21, 22)
 * differ clearly; a homologous pair shares its class colour. Unlabelled shapes are light grey.
 */
public final class ClassColors {

    public static final Color UNLABELLED = Color.web("#d8dee9");
    public static final Color CLUSTER = Color.web("#ffb454");
    private static final Color[] COLORS = new Color[ChromosomeClass.values().length];

    static {
        for (ChromosomeClass c : ChromosomeClass.values()) {
            int i = c.ordinal();
            double hue = (i * 137.508 + 8) % 360;
            double saturation = i % 2 == 0 ? 0.78 : 0.62;
            double brightness = i % 3 == 0 ? 1.0 : 0.92;
            COLORS[i] = Color.hsb(hue, saturation, brightness);
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

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 0.55 ? Color.web("#111318") : Color.WHITE;
    }

    /** The short text drawn on a shape: "21", "21 p-dn", "touching", or "" when unlabelled. */
    public static String tag(AnnotationLabels labels) {
        if (labels == null) return "";
        var sb = new StringBuilder();
        if (labels.chromosomeClass() != null) sb.append(labels.chromosomeClass().label());
        if (labels.polarity() != null) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(labels.polarity() == org.karyolab.schema.Polarity.P_UP ? "p\u2191" : "p\u2193");
        }
        if (labels.chromosomeClass() == null && labels.clusterType() != null) {
            sb.append(labels.clusterType().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (!labels.anomalies().isEmpty()) sb.append(" !");
        return sb.toString();
    }
}
