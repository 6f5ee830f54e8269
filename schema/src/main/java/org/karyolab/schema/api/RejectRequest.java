package org.karyolab.schema.api;

/** The optional body of {@code POST /api/v1/suggestions/{id}/reject}: why, if the person says. */
public record RejectRequest(String reason) {}
