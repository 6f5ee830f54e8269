package org.karyolab.schema.api;

import java.time.Instant;
import org.karyolab.schema.Project;

/** A project as the server lists it: its id, the project, and when it was made. */
public record ProjectInfo(String id, Project project, Instant createdAt) {}
