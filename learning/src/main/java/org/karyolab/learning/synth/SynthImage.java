package org.karyolab.learning.synth;

import java.awt.image.BufferedImage;
import java.util.List;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageKind;

/**
 * A synthetic image (8-bit grey) with its ground truth.
 *
 * @param kind        metaphase or karyogram
 * @param karyotype   the ISCN karyotype of the cell
 * @param chromosomes one per drawn chromosome, in drawing order
 * @param clusters    groups of touching or overlapping chromosomes (none on a karyogram)
 */
public record SynthImage(ImageKind kind, BufferedImage image, String karyotype, BandLevel level, boolean inverted,
                         List<ChromosomeTruth> chromosomes, List<ClusterTruth> clusters) {

    public SynthImage {
        chromosomes = List.copyOf(chromosomes);
        clusters = List.copyOf(clusters);
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
