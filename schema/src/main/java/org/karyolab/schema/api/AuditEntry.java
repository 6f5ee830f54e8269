package org.karyolab.schema.api;

import java.time.Instant;

/** One entry of an audit log: who ({@code actor}, from {@code remote}) did what ({@code action} on {@code target}) when. */
public record AuditEntry(long seq, String projectId, String actor, String remote, String action, String target,
                         Instant at, String detail) {}
