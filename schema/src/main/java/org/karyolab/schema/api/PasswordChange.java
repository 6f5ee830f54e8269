package org.karyolab.schema.api;

/** {@code PUT /api/v1/auth/password}: one's own password. */
public record PasswordChange(String currentPassword, String newPassword) {}
