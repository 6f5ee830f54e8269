package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.karyolab.schema.Annotation;

/** One revision of an annotation: who, when, how ({@code created}, {@code updated}, {@code deleted}, {@code reverted}), and what it was then. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryEntry(String annotationId, long revision, String kind, String changedBy, Instant changedAt,
                           boolean deleted, Long revertedTo, Annotation annotation) {}
