package org.karyolab.schema.api;

import java.util.List;
import java.util.Optional;

/**
 * What happened in a project, as its live stream ({@code GET /api/v1/projects/{projectId}/events}) sends it: the SSE
 * {@code event:} name is {@link #type()}, its {@code data:} the record as JSON (plus the {@code clientId} of the
 * write that caused it, when a client named itself).
 */
public sealed interface ServerEvent {

    /** An annotation was created, updated, deleted or reverted ({@code change}); {@code by} is who did it. */
    record AnnotationSaved(String imageId, String annotationId, long revision, String by, String change)
            implements ServerEvent {}

    /** An image's labels (karyotype, quality flags) were saved as {@code revision} by {@code by}. */
    record ImageLabelsChanged(String imageId, long revision, String by) implements ServerEvent {}

    /** An image was uploaded into the project. */
    record ImageAdded(String imageId, String caseId) implements ServerEvent {}

    /** An image's metadata or split changed; {@code split} is its split now. */
    record ImageChanged(String imageId, String caseId, String split) implements ServerEvent {}

    /** An annotator submitted an image for review. */
    record ImageSubmitted(String imageId, String by) implements ServerEvent {}

    /** A reviewer decided on an image ({@code decision}: e.g. accepted, rejected). */
    record ImageReviewed(String imageId, String decision, String by) implements ServerEvent {}

    /** A model posted suggestions for an image. */
    record SuggestionReady(String imageId, String modelId, String modelVersion, int count) implements ServerEvent {}

    /** A training job moved on; {@code fraction} is 0..1. */
    record TrainingProgress(String jobId, double fraction, String message) implements ServerEvent {}

    /** An import moved on; {@code fraction} is 0..1. */
    record ImportProgress(String jobId, double fraction, String message) implements ServerEvent {}

    /** The events a reconnecting client missed are no longer kept (or the server restarted): reload. */
    record Resync(String reason) implements ServerEvent {}

    /** The SSE event names, one per kind. */
    List<String> TYPE_NAMES = List.of("annotation-saved", "image-labels-changed", "image-added", "image-changed",
            "image-submitted", "image-reviewed", "suggestion-ready", "training-progress", "import-progress", "resync");

    /** The SSE {@code event:} name, e.g. {@code annotation-saved}. */
    default String type() {
        return switch (this) {
            case AnnotationSaved e -> "annotation-saved";
            case ImageLabelsChanged e -> "image-labels-changed";
            case ImageAdded e -> "image-added";
            case ImageChanged e -> "image-changed";
            case ImageSubmitted e -> "image-submitted";
            case ImageReviewed e -> "image-reviewed";
            case SuggestionReady e -> "suggestion-ready";
            case TrainingProgress e -> "training-progress";
            case ImportProgress e -> "import-progress";
            case Resync e -> "resync";
        };
    }

    /** The kind an SSE event name stands for; empty for a name this version does not know (a newer server's). */
    static Optional<Class<? extends ServerEvent>> kind(String type) {
        return Optional.ofNullable(switch (type == null ? "" : type) {
            case "annotation-saved" -> AnnotationSaved.class;
            case "image-labels-changed" -> ImageLabelsChanged.class;
            case "image-added" -> ImageAdded.class;
            case "image-changed" -> ImageChanged.class;
            case "image-submitted" -> ImageSubmitted.class;
            case "image-reviewed" -> ImageReviewed.class;
            case "suggestion-ready" -> SuggestionReady.class;
            case "training-progress" -> TrainingProgress.class;
            case "import-progress" -> ImportProgress.class;
            case "resync" -> Resync.class;
            default -> null;
        });
    }
}
