package org.karyolab.server.service;

import java.util.Objects;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Shape;

/**
 * How much a person changed a suggestion before accepting it, kept deliberately simple:
 * {@code (1 - IoU of the two shapes' axis-aligned bounding boxes) + (1 if the class changed)},
 * where "the class" is the chromosome class or the cluster type. 0 = accepted as is; at most 2.
 * Other label changes (polarity, bands, anomalies) make it an edit but add nothing to the size.
 */
public final class EditSize {
    private EditSize() {}

    public static double of(Shape beforeShape, AnnotationLabels beforeLabels, Shape afterShape, AnnotationLabels afterLabels) {
        double size = 1 - beforeShape.bounds().iou(afterShape.bounds());
        boolean classChanged = !Objects.equals(beforeLabels.chromosomeClass(), afterLabels.chromosomeClass())
                || !Objects.equals(beforeLabels.clusterType(), afterLabels.clusterType());
        return size + (classChanged ? 1 : 0);
    }
}
