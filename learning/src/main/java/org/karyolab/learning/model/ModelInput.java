package org.karyolab.learning.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ImageAsset;

/**
 * What a model is shown of one image.
 *
 * @param image       the image's record: size, kind, stain, band level
 * @param pixels      its decoded pixels, {@code image.width()} by {@code image.height()}
 * @param annotations what is already drawn on it (its current annotations; for a synthetic image its ground truth):
 *                    a detector may ignore them, a classifier labels them, a band caller reads along them
 * @param seed        for a model that draws random numbers (sampling, test-time dropout, the demo's noise): the
 *                    same input and seed propose the same
 */
public record ModelInput(ImageAsset image, BufferedImage pixels, List<Annotation> annotations, long seed) {

    public ModelInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.getWidth() != image.width() || pixels.getHeight() != image.height()) {
            throw new IllegalArgumentException("pixels of " + pixels.getWidth() + "x" + pixels.getHeight()
                    + " for an image of " + image.width() + "x" + image.height());
        }
        annotations = List.copyOf(annotations);
    }
}
