package org.karyolab.learning.model;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.shape.Shape;

/**
 * One thing a model proposes: where ({@code shape}), what ({@code labels}, empty for a counting box) and how sure
 * it is ({@code confidence}, 0 to 1). The server posts it as a suggestion under the model's id and version.
 */
public record Proposal(Shape shape, AnnotationLabels labels, double confidence) {

    public Proposal {
        labels = labels == null ? AnnotationLabels.EMPTY : labels;
    }

    /** Every violation on an image of this size: the shape inside it, consistent labels, a confidence from 0 to 1. */
    public List<Violation> validate(int imageWidth, int imageHeight) {
        var out = new ArrayList<Violation>();
        if (Validation.required(out, "/shape", "shape", shape)) {
            out.addAll(Validation.prefix("/shape", shape.validate(imageWidth, imageHeight)));
        }
        out.addAll(Validation.prefix("/labels", labels.validate()));
        if (!(confidence >= 0 && confidence <= 1)) {
            out.add(new Violation("/confidence", "confidence must be from 0 to 1 (was " + confidence + ")"));
        }
        return List.copyOf(out);
    }
}
