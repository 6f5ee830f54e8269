package org.karyolab.schema.api;

import org.karyolab.schema.Annotation;

/** What accepting a suggestion made: the decided suggestion and the annotation (the server picks its id). */
public record AcceptedSuggestion(Suggestion suggestion, Annotation annotation) {}
