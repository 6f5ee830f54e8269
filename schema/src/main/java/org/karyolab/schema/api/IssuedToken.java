package org.karyolab.schema.api;

import java.time.Instant;

/**
 * A bearer token as issued (sign-in or an API token): the secret is shown this once. {@code kind} is
 * {@code session} or {@code api}; {@code username} whose it is.
 */
public record IssuedToken(String id, String token, String kind, Instant expiresAt, String username) {}
