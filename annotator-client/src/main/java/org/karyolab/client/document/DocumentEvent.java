package org.karyolab.client.document;

import java.util.List;
import java.util.Set;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ImageLabels;

/**
 * What changed in an {@link ImageDocument}, so a view redraws only that. Lists are never empty.
 * Events are sent on the thread that changed the document (autosave changes it from its own thread:
 * a JavaFX view hops with {@code Platform.runLater}).
 */
public sealed interface DocumentEvent {

    Origin origin();

    record AnnotationsAdded(List<Annotation> annotations, Origin origin) implements DocumentEvent {}

    /** {@code before.get(i)} became {@code after.get(i)} (same id). */
    record AnnotationsChanged(List<Annotation> before, List<Annotation> after, Origin origin) implements DocumentEvent {}

    record AnnotationsRemoved(List<Annotation> annotations, Origin origin) implements DocumentEvent {}

    /** An accepted suggestion got its id from the server; the old id still resolves to it. */
    record AnnotationIdChanged(String oldId, String newId, Origin origin) implements DocumentEvent {}

    record SelectionChanged(Set<String> selected, Origin origin) implements DocumentEvent {}

    record SuggestionsChanged(List<ModelSuggestion> suggestions, Origin origin) implements DocumentEvent {}

    record ImageLabelsChanged(ImageLabels before, ImageLabels after, Origin origin) implements DocumentEvent {}

    /** Everything was replaced (opened, or reloaded from the server): redraw all. */
    record Reloaded(Origin origin) implements DocumentEvent {}
}
