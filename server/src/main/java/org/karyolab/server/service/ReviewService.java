package org.karyolab.server.service;

import org.karyolab.schema.api.ServerEvent;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.api.ImageReview;
import org.karyolab.schema.api.ReviewEntry;
import org.karyolab.schema.api.ReviewRequest;
import org.karyolab.server.store.AnnotationRepository;
import org.karyolab.server.store.Change;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.ReviewRepository;
import org.karyolab.server.store.ReviewRepository.Verdict;
import org.karyolab.schema.api.ReviewState;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Review: an annotator submits an image, a reviewer accepts or rejects its annotations (one by one
 * or all at once). Every status change is a new annotation revision, so the history shows it, and
 * every decision's comment is kept with the revision it made.
 *
 * <p>The own-work rule: nobody reviews an annotation whose last revision they authored
 * ({@code Provenance.author}); it holds for everyone, owners and admins included, because a second
 * pair of eyes is the point of review. Submitting and reviewing keep the author: the history's
 * "changed by" of those revisions names the submitter or the reviewer instead.
 */
public final class ReviewService {

    /** Statuses a submit moves to submitted: new work, and work sent back that is being fixed. */
    private static final Set<AnnotationStatus> TO_SUBMIT = Set.of(AnnotationStatus.DRAFT, AnnotationStatus.REJECTED);

    private final AnnotationRepository annotations;
    private final ReviewRepository reviews;
    private final ImageRepository images;
    private final Clock clock;
    private final EventBus events;
    private final LeaseCheck leases;

    /**
     * @param events where submits, reviews and the status changes are announced (after they committed)
     * @param leases who may submit a leased image (reviews are not checked: reviewing is not editing)
     */
    public ReviewService(AnnotationRepository annotations, ReviewRepository reviews, ImageRepository images, Clock clock,
                         EventBus events, LeaseCheck leases) {
        this.annotations = annotations;
        this.reviews = reviews;
        this.images = images;
        this.clock = clock;
        this.events = events;
        this.leases = leases;
    }

    public Outcome<ReviewState> state(String imageId) {
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        return Outcome.done(reviews.state(imageId));
    }

    /**
     * Submits an image for review: its draft (and rejected) annotations become submitted, the image too. Someone
     * else's live lease refuses it: submitting is the holder's "done" (it ends the lease).
     */
    public Outcome<ImageReview> submit(String imageId, String by, LeaseCheck.Writer writer) {
        if (leases.onImage(imageId, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        ReviewState state = reviews.state(imageId);
        if (state == ReviewState.SUBMITTED || state == ReviewState.ACCEPTED) return notSubmittable(imageId, state);
        List<Change> changes = annotations.current(imageId).stream().filter(a -> TO_SUBMIT.contains(a.status()))
                .<Change>map(a -> new Change.Update(a.id(), a.revision(), a.withStatus(AnnotationStatus.SUBMITTED), by))
                .toList();
        return switch (reviews.submit(imageId, changes, now())) {
            case ReviewRepository.Result.Done done -> {
                announce(imageId, done.changed(), by, new ServerEvent.ImageSubmitted(imageId, by));
                yield Outcome.done(new ImageReview(imageId, done.imageState(), done.changed()));
            }
            case ReviewRepository.Result.WrongState wrong -> notSubmittable(imageId, wrong.current());
            case ReviewRepository.Result.NotSaved ns -> changedMeanwhile(imageId);
        };
    }

    /** Accepts or rejects one submitted annotation, whatever its revision. */
    public Outcome<Annotation> reviewAnnotation(String annotationId, ReviewRequest request, String reviewer) {
        return reviewAnnotation(annotationId, request, reviewer, null);
    }

    /**
     * Accepts or rejects one submitted annotation. With {@code reviewedRevision} (the revision the reviewer looked
     * at, e.g. from {@code If-Match}) the decision applies only if the annotation is still at that revision: else a
     * conflict carrying the current one, and nothing is decided.
     */
    public Outcome<Annotation> reviewAnnotation(String annotationId, ReviewRequest request, String reviewer, Long reviewedRevision) {
        Optional<Annotation> found = annotations.get(annotationId);
        if (found.isEmpty()) return Outcome.notFound("annotation", annotationId);
        if (!request.validate().isEmpty()) return Outcome.invalid("not a valid review", request.validate());
        Annotation a = found.get();
        if (reviewedRevision != null && reviewedRevision != a.revision()) return new Outcome.Conflict<>(a, reviewedRevision);
        if (a.status() != AnnotationStatus.SUBMITTED) {
            return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "not-submitted", "annotation '" + annotationId
                    + "' is " + a.status().name().toLowerCase() + ", not submitted; only submitted work is reviewed", a);
        }
        if (isOwnWork(a, reviewer)) return ownWork(a);
        var change = new Change.Update(a.id(), a.revision(), a.withStatus(statusOf(request.decision())), reviewer);
        return switch (reviews.review(a.imageId(), List.of(change), verdict(request.decision()), request.comment(), reviewer, false, now())) {
            case ReviewRepository.Result.Done done -> {
                // the image is decided once its last submitted annotation is
                announce(a.imageId(), done.changed(), reviewer, done.imageState() == ReviewState.SUBMITTED ? null
                        : new ServerEvent.ImageReviewed(a.imageId(), done.imageState().name().toLowerCase(), reviewer));
                yield Outcome.done(done.changed().getFirst());
            }
            case ReviewRepository.Result.WrongState wrong -> changedMeanwhile(a.imageId()); // not refused for one annotation
            case ReviewRepository.Result.NotSaved ns when reviewedRevision != null
                    && ns.reason().reason() instanceof org.karyolab.server.store.SaveResult.Conflict c -> new Outcome.Conflict<>(c.current(), reviewedRevision);
            case ReviewRepository.Result.NotSaved ns -> changedMeanwhile(a.imageId());
        };
    }

    /**
     * Accepts or rejects a submitted image: all its submitted annotations at once. Refused as a whole
     * if any of them is the reviewer's own work.
     */
    public Outcome<ImageReview> reviewImage(String imageId, ReviewRequest request, String reviewer) {
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        if (!request.validate().isEmpty()) return Outcome.invalid("not a valid review", request.validate());
        ReviewState state = reviews.state(imageId);
        List<Annotation> submitted = annotations.current(imageId).stream()
                .filter(a -> a.status() == AnnotationStatus.SUBMITTED).toList();
        if (state != ReviewState.SUBMITTED && submitted.isEmpty()) {
            return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "not-submitted", "image '" + imageId
                    + "' is " + state.name().toLowerCase() + " and has no submitted annotations; nothing to review", null);
        }
        Optional<Annotation> own = submitted.stream().filter(a -> isOwnWork(a, reviewer)).findFirst();
        if (own.isPresent()) return ownWork(own.get());
        List<Change> changes = submitted.stream().<Change>map(a ->
                new Change.Update(a.id(), a.revision(), a.withStatus(statusOf(request.decision())), reviewer)).toList();
        return switch (reviews.review(imageId, changes, verdict(request.decision()), request.comment(), reviewer, true, now())) {
            case ReviewRepository.Result.Done done -> {
                announce(imageId, done.changed(), reviewer,
                        new ServerEvent.ImageReviewed(imageId, done.imageState().name().toLowerCase(), reviewer));
                yield Outcome.done(new ImageReview(imageId, done.imageState(), done.changed()));
            }
            case ReviewRepository.Result.WrongState wrong -> changedMeanwhile(imageId);
            case ReviewRepository.Result.NotSaved ns -> changedMeanwhile(imageId);
        };
    }

    /** Every decision on the image and its annotations, with its comment, oldest first. */
    public Outcome<List<ReviewEntry>> reviews(String imageId) {
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        return Outcome.done(reviews.reviews(imageId).stream().map(r -> new ReviewEntry(r.seq(), r.imageId(), r.annotationId(),
                r.reviewedRevision(), r.revision(), ReviewRequest.Decision.valueOf(r.decision().name()), r.comment(),
                r.reviewer(), r.reviewedAt())).toList());
    }

    /** Publishes each changed annotation, then {@code imageEvent} (if any), to the image's project. */
    private void announce(String imageId, List<Annotation> changed, String by, ServerEvent imageEvent) {
        images.get(imageId).ifPresent(image -> {
            for (Annotation a : changed) {
                events.publish(image.projectId(), new ServerEvent.AnnotationSaved(imageId, a.id(), a.revision(), by, "updated"));
            }
            if (imageEvent != null) events.publish(image.projectId(), imageEvent);
        });
    }

    private static boolean isOwnWork(Annotation a, String caller) {
        return a.provenance() != null && Objects.equals(a.provenance().author(), caller);
    }

    private static <T> Outcome<T> ownWork(Annotation a) {
        return new Outcome.Refused<>(Outcome.Refused.Why.NOT_FOR_THIS_CALLER, "own-work", "you are the author of annotation '"
                + a.id() + "' (revision " + a.revision() + "); someone else must review it, whatever your role", null);
    }

    private static <T> Outcome<T> notSubmittable(String imageId, ReviewState state) {
        return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "already-submitted", "image '" + imageId + "' is "
                + state.name().toLowerCase() + "; only an open or rejected image can be submitted", null);
    }

    private static <T> Outcome<T> changedMeanwhile(String imageId) {
        return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "changed-meanwhile", "the annotations of image '"
                + imageId + "' changed while this was being saved; nothing was changed; reload and try again", null);
    }

    private static AnnotationStatus statusOf(ReviewRequest.Decision decision) {
        return decision == ReviewRequest.Decision.ACCEPT ? AnnotationStatus.ACCEPTED : AnnotationStatus.REJECTED;
    }

    private static Verdict verdict(ReviewRequest.Decision decision) {
        return Verdict.valueOf(decision.name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
