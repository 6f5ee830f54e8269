package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A signed-in session: the bearer token and whose it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(String token, String username, Instant expiresAt) {}
