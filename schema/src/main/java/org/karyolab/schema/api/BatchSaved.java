package org.karyolab.schema.api;

import java.util.List;
import org.karyolab.schema.Annotation;

/** The answer to a batch save: the saved annotation per change, in the order sent (a delete's is its tombstone). */
public record BatchSaved(List<Annotation> saved) {

    public BatchSaved {
        saved = List.copyOf(saved);
    }
}
