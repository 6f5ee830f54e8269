package org.karyolab.schema.api;

import java.util.List;
import org.karyolab.schema.Annotation;

/**
 * An image's review state and, for a submit or a review, the annotations it changed ({@code changed} is left out
 * when the state is only read).
 */
public record ImageReview(String imageId, ReviewState reviewState, List<Annotation> changed) {

    /** The annotations changed; none when the state was only read. */
    public List<Annotation> changedOrNone() {
        return changed == null ? List.of() : changed;
    }
}
