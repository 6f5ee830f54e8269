package org.karyolab.server.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an image is in review. An image nobody has submitted yet is OPEN. */
public enum ReviewState {
    @JsonProperty("open") OPEN,
    @JsonProperty("submitted") SUBMITTED,
    @JsonProperty("accepted") ACCEPTED,
    /** Sent back: at least one of its annotations was rejected; it returns to the work queue. */
    @JsonProperty("rejected") REJECTED
}
