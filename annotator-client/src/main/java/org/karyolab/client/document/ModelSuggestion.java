package org.karyolab.client.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.api.Suggestion;
import org.karyolab.schema.shape.Shape;

/**
 * What a model proposed for the image (the server's suggestion record, the fields the annotator
 * needs). It becomes an annotation only when the user accepts it. {@code annotationId} is set once
 * accepted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSuggestion(String id, String imageId, String modelId, String modelVersion, Shape shape,
                              AnnotationLabels labels, double confidence, SuggestionState state, String annotationId) {

    public ModelSuggestion {
        labels = labels == null ? AnnotationLabels.EMPTY : labels;
        state = state == null ? SuggestionState.OPEN : state;
    }

    /** The fields of the server's suggestion the annotator needs. */
    public static ModelSuggestion of(Suggestion s) {
        return new ModelSuggestion(s.id(), s.imageId(), s.modelId(), s.modelVersion(), s.shape(), s.labels(), s.confidence(),
                s.state() == null ? null : SuggestionState.valueOf(s.state().name()), s.annotationId());
    }

    public ModelSuggestion withState(SuggestionState newState, String newAnnotationId) {
        return new ModelSuggestion(id, imageId, modelId, modelVersion, shape, labels, confidence, newState, newAnnotationId);
    }
}
