package org.karyolab.schema.api;

import java.time.Instant;
import org.karyolab.schema.Annotation;

/**
 * One revision of an annotation: who, when, how ({@code kind}: {@code created}, {@code updated}, {@code deleted},
 * {@code reverted}; {@code revertedTo} the revision a revert brought back), and what it was then.
 */
public record HistoryEntry(String annotationId, long revision, String kind, String changedBy, Instant changedAt,
                           boolean deleted, Long revertedTo, Annotation annotation) {}
