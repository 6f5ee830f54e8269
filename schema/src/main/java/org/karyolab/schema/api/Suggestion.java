package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Shape;

/**
 * A model's proposed annotation, waiting for (or past) a person's decision. Not an annotation: it becomes one only
 * when someone accepts it.
 *
 * @param editSize     for accepted and edited: how much the person changed it (0 = nothing)
 * @param annotationId for accepted and edited: the annotation it became
 * @param reason       for rejected: why, if the person said
 */
public record Suggestion(String id, String imageId, String projectId, String modelId, String modelVersion,
                         Shape shape, AnnotationLabels labels, double confidence, String postedBy, Instant postedAt,
                         State state, String decidedBy, Instant decidedAt, String annotationId, Double editSize,
                         String reason) {

    public enum State {
        @JsonProperty("open") OPEN,
        @JsonProperty("accepted") ACCEPTED,
        /** Accepted after the person changed shape or labels. */
        @JsonProperty("edited") EDITED,
        @JsonProperty("rejected") REJECTED
    }
}
