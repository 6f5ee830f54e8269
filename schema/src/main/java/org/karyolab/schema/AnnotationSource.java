package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an annotation came about: drawn by a person, or a model suggestion a person accepted or edited. */
public enum AnnotationSource {
    @JsonProperty("human") HUMAN,
    @JsonProperty("suggestion-accepted") SUGGESTION_ACCEPTED,
    @JsonProperty("suggestion-edited") SUGGESTION_EDITED;

    public boolean fromModel() {
        return this != HUMAN;
    }
}
