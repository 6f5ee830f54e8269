package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An image handed out by the work queue to {@code holder}, held until {@code expiresAt} (renew it while working);
 * {@code state} is as of when it was read.
 */
public record Lease(String id, String imageId, String projectId, String holder, Instant grantedAt, Instant expiresAt,
                    Instant releasedAt, State state) {

    public enum State {
        @JsonProperty("live") LIVE,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("released") RELEASED
    }

    public boolean live() {
        return state == State.LIVE;
    }
}
