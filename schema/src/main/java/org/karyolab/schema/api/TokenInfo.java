package org.karyolab.schema.api;

import java.time.Instant;

/** A token as its owner's list shows it: never the secret; {@code kind} {@code session} or {@code api}. */
public record TokenInfo(String id, String kind, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {}
