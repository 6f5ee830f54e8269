package org.karyolab.schema.api;

import java.time.Instant;

/**
 * One review decision, as an image's review log lists it. For an annotation, {@code reviewedRevision} is the
 * revision decided on and {@code revision} the one the decision made; for the image as a whole both are null.
 */
public record ReviewEntry(long seq, String imageId, String annotationId, Long reviewedRevision, Long revision,
                          ReviewRequest.Decision decision, String comment, String reviewer, Instant reviewedAt) {}
