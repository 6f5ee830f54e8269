package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.karyolab.schema.Annotation;

/** An image's review state ({@code open}, {@code submitted}, {@code accepted}, {@code rejected}) and what a submit or review changed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageReview(String imageId, String reviewState, List<Annotation> changed) {

    public ImageReview {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
