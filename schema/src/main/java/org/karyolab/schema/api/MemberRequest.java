package org.karyolab.schema.api;

/** {@code PUT /api/v1/projects/{projectId}/members/{username}}: the member's role (owner, annotator, reviewer, viewer). */
public record MemberRequest(String role) {}
