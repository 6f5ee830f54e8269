package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.karyolab.schema.Project;

/** A project as the server lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectInfo(String id, Project project, Instant createdAt) {}
