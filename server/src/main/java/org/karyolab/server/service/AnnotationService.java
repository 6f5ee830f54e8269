package org.karyolab.server.service;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.Violation;
import org.karyolab.server.store.AnnotationRepository;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.Revision;
import org.karyolab.server.store.SaveResult;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Annotations of an image: validated against the image they lie on, saved as revisions,
 * with optimistic concurrency on the revision number. Knows nothing of HTTP.
 */
public final class AnnotationService {

    private final AnnotationRepository annotations;
    private final ImageRepository images;
    private final Clock clock;

    public AnnotationService(AnnotationRepository annotations, ImageRepository images, Clock clock) {
        this.annotations = annotations;
        this.images = images;
        this.clock = clock;
    }

    public Outcome<List<Annotation>> list(String imageId) {
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        return Outcome.done(annotations.current(imageId));
    }

    public Outcome<Annotation> get(String id) {
        return annotations.get(id).<Outcome<Annotation>>map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("annotation", id));
    }

    /** The image an annotation lies on, deleted or not; empty if it never existed. */
    public Optional<String> imageOf(String id) {
        return annotations.get(id).map(Annotation::imageId)
                .or(() -> annotations.history(id).stream().reduce((first, last) -> last).map(r -> r.annotation().imageId()));
    }

    public Outcome<List<Revision>> history(String id) {
        List<Revision> history = annotations.history(id);
        return history.isEmpty() ? Outcome.notFound("annotation", id) : Outcome.done(history);
    }

    public Outcome<Annotation> create(String imageId, AnnotationDraft draft) {
        Optional<ImageAsset> image = images.get(imageId).map(ImageRepository.StoredImage::image);
        if (image.isEmpty()) return Outcome.notFound("image", imageId);
        String id = draft.id() == null || draft.id().isBlank() ? UUID.randomUUID().toString() : draft.id();
        Instant now = clock.instant();
        Annotation candidate = new Annotation(id, imageId, draft.shape(), draft.labels(), draft.provenance(), 1,
                draft.status() == null ? AnnotationStatus.DRAFT : draft.status(), now, now);
        List<Violation> violations = candidate.validate(image.get().width(), image.get().height());
        if (!violations.isEmpty()) return Outcome.invalid("the annotation is not valid on this image", violations);
        return switch (annotations.create(candidate)) {
            case SaveResult.Saved saved -> Outcome.done(saved.annotation());
            // A retried create (same client id, same content) is not an error: it already happened.
            case SaveResult.Conflict conflict when sameContent(conflict.current(), candidate) -> Outcome.done(conflict.current());
            case SaveResult.Conflict conflict -> new Outcome.Conflict<>(conflict.current(), 0);
            case SaveResult.NotFound nf -> Outcome.notFound("image", imageId);
        };
    }

    public Outcome<Annotation> update(String id, long expectedRevision, AnnotationDraft draft) {
        Optional<Annotation> current = annotations.get(id);
        if (current.isEmpty()) return Outcome.notFound("annotation", id);
        ImageAsset image = images.get(current.get().imageId()).orElseThrow().image();
        Annotation changed = new Annotation(id, current.get().imageId(), draft.shape(), draft.labels(), draft.provenance(),
                current.get().revision(), draft.status() == null ? current.get().status() : draft.status(),
                current.get().createdAt(), current.get().updatedAt());
        List<Violation> violations = changed.validate(image.width(), image.height());
        if (!violations.isEmpty()) return Outcome.invalid("the annotation is not valid on this image", violations);
        return fromSave(annotations.update(id, expectedRevision, changed), id, expectedRevision);
    }

    public Outcome<Annotation> delete(String id, long expectedRevision, String author) {
        if (author == null || author.isBlank()) {
            return Outcome.invalid("a delete needs an author", List.of(new Violation("/author", "author is required")));
        }
        return fromSave(annotations.delete(id, expectedRevision, author), id, expectedRevision);
    }

    public Outcome<Annotation> revert(String id, long toRevision, long expectedRevision, String author) {
        return fromSave(annotations.revert(id, toRevision, expectedRevision, author), id, expectedRevision);
    }

    private static Outcome<Annotation> fromSave(SaveResult result, String id, long expectedRevision) {
        return switch (result) {
            case SaveResult.Saved saved -> Outcome.done(saved.annotation());
            case SaveResult.Conflict conflict -> new Outcome.Conflict<>(conflict.current(), expectedRevision);
            case SaveResult.NotFound nf -> Outcome.notFound("annotation", id);
        };
    }

    private static boolean sameContent(Annotation a, Annotation b) {
        return a.imageId().equals(b.imageId()) && a.shape().equals(b.shape()) && a.labels().equals(b.labels())
                && a.provenance().equals(b.provenance());
    }
}
