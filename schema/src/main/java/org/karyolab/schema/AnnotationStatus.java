package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Review state of an annotation. */
public enum AnnotationStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("submitted") SUBMITTED,
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("rejected") REJECTED
}
