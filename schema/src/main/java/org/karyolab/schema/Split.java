package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which part of a dataset an image belongs to. Decided per case: every image of a case is in the
 * same split (or not yet assigned), so no patient is seen in training and judged in testing.
 */
public enum Split {
    @JsonProperty("train") TRAIN,
    @JsonProperty("val") VAL,
    @JsonProperty("test") TEST,
    @JsonProperty("unassigned") UNASSIGNED;

    /** The name used in JSON and query parameters ({@code train}, {@code val}, ...). */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
