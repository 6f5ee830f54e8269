package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Image-level quality problems an annotator can flag. */
public enum QualityFlag {
    @JsonProperty("blurred") BLURRED,
    @JsonProperty("overlapping") OVERLAPPING,
    @JsonProperty("debris") DEBRIS,
    @JsonProperty("incomplete") INCOMPLETE,
    @JsonProperty("low-contrast") LOW_CONTRAST
}
