package org.karyolab.server.store;

import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.api.Suggestion.State;
import org.karyolab.schema.shape.Shape;

import java.time.Instant;

/**
 * A model's proposed annotation, waiting for (or past) a person's decision. Not an annotation:
 * it becomes one only when someone accepts it. The row as stored; the API sends {@link org.karyolab.schema.api.Suggestion}.
 *
 * @param editSize   for accepted and edited: how much the person changed it (0 = nothing)
 * @param annotationId for accepted and edited: the annotation it became
 * @param reason     for rejected: why, if the person said
 */
public record Suggestion(String id, String imageId, String projectId, String modelId, String modelVersion,
                         Shape shape, AnnotationLabels labels, double confidence, String postedBy, Instant postedAt,
                         State state, String decidedBy, Instant decidedAt, String annotationId, Double editSize,
                         String reason) {

    public Suggestion {
        labels = labels == null ? AnnotationLabels.EMPTY : labels;
    }
}
