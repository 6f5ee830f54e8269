package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where an image is in review. An image nobody has submitted yet is OPEN. */
public enum ReviewState {
    @JsonProperty("open") OPEN,
    @JsonProperty("submitted") SUBMITTED,
    @JsonProperty("accepted") ACCEPTED,
    /** Sent back: at least one of its annotations was rejected; it returns to the work queue. */
    @JsonProperty("rejected") REJECTED;

    /** The JSON name, e.g. {@code submitted}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
