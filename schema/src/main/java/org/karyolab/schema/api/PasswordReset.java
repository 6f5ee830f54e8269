package org.karyolab.schema.api;

/** {@code PUT /api/v1/users/{username}/password}: an admin's reset. */
public record PasswordReset(String password) {}
