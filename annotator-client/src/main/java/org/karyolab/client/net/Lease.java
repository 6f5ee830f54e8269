package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** An image handed out by the work queue, held until {@code expiresAt} (renew it while working). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lease(String id, String imageId, String projectId, String holder, Instant grantedAt, Instant expiresAt,
                    String state) {

    public boolean live() {
        return "live".equals(state);
    }
}
