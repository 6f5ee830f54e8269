package org.karyolab.schema.api;

/** {@code POST /api/v1/auth/tokens}: an API token for a script, by the name its owner gives it. */
public record TokenRequest(String name) {}
