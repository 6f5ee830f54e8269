package org.karyolab.schema.api;

import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.Violation;
import org.karyolab.schema.shape.Shape;

import java.util.ArrayList;
import java.util.List;

/** One suggestion as a model posts it. {@code labels} may be left out (a counting box has none). */
public record SuggestionInput(Shape shape, AnnotationLabels labels, Double confidence, String modelId,
                              String modelVersion) implements Validatable {

    public SuggestionInput {
        labels = labels == null ? AnnotationLabels.EMPTY : labels;
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        if (shape == null) out.add(new Violation("/shape", "shape is required"));
        else shape.validate().forEach(v -> out.add(new Violation("/shape" + v.pointer(), v.message())));
        labels.validate().forEach(v -> out.add(new Violation("/labels" + v.pointer(), v.message())));
        if (confidence == null) out.add(new Violation("/confidence", "confidence is required, a number from 0 to 1"));
        else if (!(confidence >= 0 && confidence <= 1)) {
            out.add(new Violation("/confidence", "confidence must be from 0 to 1 (was " + confidence + ")"));
        }
        name(out, "/modelId", "modelId", modelId);
        name(out, "/modelVersion", "modelVersion", modelVersion);
        return List.copyOf(out);
    }

    private static void name(List<Violation> out, String pointer, String field, String value) {
        if (value == null || value.isBlank()) out.add(new Violation(pointer, field + " is required: which model made this"));
        else if (value.length() > 200) out.add(new Violation(pointer, field + " must be at most 200 characters"));
    }
}
