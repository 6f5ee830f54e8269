package org.karyolab.server.auth;

/** Who is calling: an authenticated user (a person, or a script with an API token). */
public record Caller(String userId, String username, boolean admin) {}
