package org.karyolab.schema;

import java.util.ArrayList;
import java.util.List;

/** An annotation project: its label set and the band level images are expected at (null = unspecified). */
public record Project(String name, String description, LabelSet labelSet, BandLevel defaultBandLevel)
        implements Validatable {

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        Validation.requiredText(out, "/name", "name", name);
        Validation.optionalText(out, "/description", "description", description);
        if (Validation.required(out, "/labelSet", "labelSet", labelSet)) {
            out.addAll(Validation.prefix("/labelSet", labelSet.validate()));
        }
        return List.copyOf(out);
    }
}
