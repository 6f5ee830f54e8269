package org.karyolab.schema.api;

import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.Violation;
import org.karyolab.schema.shape.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person changed before accepting a suggestion. A field left out keeps the suggestion's
 * value; at least one must be given.
 */
public record SuggestionEdit(Shape shape, AnnotationLabels labels) implements Validatable {

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        if (shape == null && labels == null) {
            out.add(new Violation("", "an edit needs shape, labels or both; to accept as is, send no body"));
        }
        if (shape != null) shape.validate().forEach(v -> out.add(new Violation("/shape" + v.pointer(), v.message())));
        if (labels != null) labels.validate().forEach(v -> out.add(new Violation("/labels" + v.pointer(), v.message())));
        return List.copyOf(out);
    }
}
