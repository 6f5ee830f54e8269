package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.schema.Annotation;

/** What accepting a suggestion made: the decided suggestion and the annotation (the server picks its id). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcceptedSuggestion(ModelSuggestion suggestion, Annotation annotation) {}
