package org.karyolab.server.service;

import org.karyolab.schema.api.ServerEvent;
import com.fasterxml.jackson.databind.JsonSerializable;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Ids;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.AnnotationDraft;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.BatchSaved;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.server.store.AnnotationRepository;
import org.karyolab.server.store.BatchResult;
import org.karyolab.server.store.Change;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.Revision;
import org.karyolab.server.store.SaveResult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Annotations of an image: validated against the image they lie on, saved as revisions,
 * with optimistic concurrency on the revision number. Knows nothing of HTTP.
 */
public final class AnnotationService {

    private final AnnotationRepository annotations;
    private final ImageRepository images;
    private final Clock clock;
    private final EventBus events;
    private final AnnotationRules rules;
    private final LeaseCheck leases;

    /**
     * @param events where saved changes are announced (after they committed)
     * @param rules  sizes and the project's label set, checked before anything is saved
     * @param leases who may write to a leased image, asked first by every write
     */
    public AnnotationService(AnnotationRepository annotations, ImageRepository images, Clock clock, EventBus events,
                             AnnotationRules rules, LeaseCheck leases) {
        this.annotations = annotations;
        this.images = images;
        this.clock = clock;
        this.events = events;
        this.rules = rules;
        this.leases = leases;
    }

    /** Annotations per page of an image's list when the client does not say: a whole metaphase fits on one. */
    public static final int DEFAULT_PAGE = 1000;
    /** The most a client may ask for per page. */
    public static final int MAX_PAGE = 5000;
    /** The most JSON characters of one page (a page ends early when the next annotation would pass it). */
    public static final long MAX_PAGE_CHARS = 8L * 1024 * 1024;

    /** Where a page of an image's annotations ends: the last one's creation time and id. */
    public record PageCursor(Instant createdAt, String id) {}

    /**
     * A page of an image's live annotations: {@code items}, their stored JSON documents as one array, sent as they
     * are (decoding and writing them again was most of the cost of a list); {@code next}, where the next page begins
     * (null: this is the last).
     */
    public record Page(JsonSerializable items, PageCursor next) {}

    /** The live annotations of an image, oldest first: after {@code after} (null: the first page), at most {@code limit} annotations. */
    public Outcome<Page> page(String imageId, PageCursor after, int limit) {
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        AnnotationRepository.Page page = annotations.currentPage(imageId, after == null ? null
                : new AnnotationRepository.PageCursor(after.createdAt(), after.id()), Math.min(limit, MAX_PAGE), MAX_PAGE_CHARS);
        return Outcome.done(new Page(page.items(), page.next() == null ? null
                : new PageCursor(page.next().createdAt(), page.next().id())));
    }

    public Outcome<Annotation> get(String id) {
        return annotations.get(id).<Outcome<Annotation>>map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("annotation", id));
    }

    /** The image an annotation lies on, deleted or not; empty if it never existed. */
    public Optional<String> imageOf(String id) {
        return annotations.imageOf(id);
    }

    /** Every revision, oldest first, as the API shows it: who, when, how, and the annotation as of then. */
    public Outcome<List<HistoryEntry>> history(String id) {
        List<Revision> history = annotations.history(id);
        return history.isEmpty() ? Outcome.notFound("annotation", id)
                : Outcome.done(history.stream().map(AnnotationService::entry).toList());
    }

    private static HistoryEntry entry(Revision r) {
        return new HistoryEntry(r.annotationId(), r.revision(), r.kind().name().toLowerCase(java.util.Locale.ROOT),
                r.changedBy(), r.changedAt(), r.deleted(), r.revertedTo().isPresent() ? r.revertedTo().getAsLong() : null,
                r.annotation());
    }

    public Outcome<Annotation> create(String imageId, AnnotationDraft draft, LeaseCheck.Writer writer) {
        if (leases.onImage(imageId, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        Optional<ImageRepository.StoredImage> stored = images.get(imageId);
        Optional<ImageAsset> image = stored.map(ImageRepository.StoredImage::image);
        if (image.isEmpty()) return Outcome.notFound("image", imageId);
        List<Violation> tooLarge = rules.tooLarge(draft.shape(), draft.labels(), draft.provenance());
        if (!tooLarge.isEmpty()) return tooLarge(tooLarge);
        String id = draft.id() == null || draft.id().isBlank() ? Ids.newId() : draft.id();
        Instant now = clock.instant();
        Annotation candidate = new Annotation(id, imageId, draft.shape(), draft.labels(), draft.provenance(), 1,
                AnnotationStatus.DRAFT, now, now);
        List<Violation> violations = new ArrayList<>(candidate.validate(image.get().width(), image.get().height()));
        safeId(draft.id(), "", violations);
        violations.addAll(rules.vocabulary(stored.get()).check(candidate.labels()));
        workflowOnly(draft.status(), AnnotationStatus.DRAFT, "", violations);
        if (!violations.isEmpty()) return Outcome.invalid("the annotation is not valid on this image", violations);
        return switch (annotations.create(candidate)) {
            case SaveResult.Saved saved -> announced(Outcome.done(saved.annotation()), "created", who(draft));
            // A retried create (same client id, same content) is not an error: it already happened.
            case SaveResult.Unchanged retried -> Outcome.done(retried.current());
            case SaveResult.Conflict conflict when !imageId.equals(conflict.current().imageId()) -> idTaken(id);
            case SaveResult.Conflict conflict -> new Outcome.Conflict<>(conflict.current(), 0);
            case SaveResult.NotFound nf -> Outcome.notFound("image", imageId);
        };
    }

    public Outcome<Annotation> update(String id, long expectedRevision, AnnotationDraft draft, LeaseCheck.Writer writer) {
        if (leases.onImageOf(id, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        Optional<Annotation> current = annotations.get(id);
        if (current.isEmpty()) return Outcome.notFound("annotation", id);
        List<Violation> tooLarge = rules.tooLarge(draft.shape(), draft.labels(), draft.provenance());
        if (!tooLarge.isEmpty()) return tooLarge(tooLarge);
        ImageRepository.StoredImage stored = images.get(current.get().imageId()).orElseThrow();
        ImageAsset image = stored.image();
        Annotation changed = current.get().withId(id).withContent(draft.shape(), draft.labels(), draft.provenance());
        List<Violation> violations = new ArrayList<>(changed.validate(image.width(), image.height()));
        violations.addAll(rules.vocabulary(stored).check(changed.labels()));
        // Edited on a stale revision: that is the conflict to report (412), whatever the status sent.
        if (current.get().revision() == expectedRevision) workflowOnly(draft.status(), current.get().status(), "", violations);
        if (!violations.isEmpty()) return Outcome.invalid("the annotation is not valid on this image", violations);
        // No status: the repository keeps it, or takes a review decision away from content that changed.
        return announced(fromSave(annotations.update(id, expectedRevision, changed.withStatus(null)), id, expectedRevision),
                "updated", who(draft));
    }

    public Outcome<Annotation> delete(String id, long expectedRevision, String author, LeaseCheck.Writer writer) {
        if (leases.onImageOf(id, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        if (author == null || author.isBlank()) {
            return Outcome.invalid("a delete needs an author", List.of(new Violation("/author", "author is required")));
        }
        return announced(fromSave(annotations.delete(id, expectedRevision, author), id, expectedRevision), "deleted", author);
    }

    public Outcome<Annotation> revert(String id, long toRevision, long expectedRevision, String author,
                                      LeaseCheck.Writer writer) {
        if (leases.onImageOf(id, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        return announced(fromSave(annotations.revert(id, toRevision, expectedRevision, author), id, expectedRevision),
                "reverted", author);
    }

    // --- batches (the annotator's autosave) -----------------------------------------------------

    private static final String BATCH_INVALID = "a change of the batch is not valid on this image; nothing was saved";

    /** Most changes one batch may carry. */
    public static final int MAX_BATCH = 1000;

    /**
     * Applies all changes to annotations of one image atomically: every draft is checked against the
     * image first (nothing is written if any is invalid), then all are saved in one transaction, or
     * none if one is stale or missing. {@code caller} is the author of every change. Nothing either if someone
     * else holds the image's lease ({@link LeaseCheck}), whatever the changes are. When it is not done, nothing of
     * it was written: a problem of change {@code i} names it ({@link Outcome.Conflict#change()},
     * {@link Outcome.NotFound#change()}), violations point into the batch ({@code /changes/2/annotation/shape/x}).
     */
    public Outcome<BatchSaved> saveBatch(String imageId, List<BatchOperation> changes, String caller, LeaseCheck.Writer writer) {
        if (leases.onImage(imageId, writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        Optional<ImageRepository.StoredImage> stored = images.get(imageId);
        if (stored.isEmpty()) return Outcome.notFound("image", imageId);
        if (changes.size() > MAX_BATCH) {
            return Outcome.invalid(BATCH_INVALID, List.of(new Violation("/changes", "a batch may carry at most " + MAX_BATCH
                    + " changes (had " + changes.size() + "); split it")));
        }
        ImageAsset image = stored.get().image();
        List<Violation> tooLarge = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            AnnotationDraft d = switch (changes.get(i)) {
                case BatchOperation.Create c -> c.annotation();
                case BatchOperation.Update u -> u.annotation();
                case BatchOperation.Delete del -> null;
            };
            if (d == null) continue;
            RequestBudget.charge("checking the batch's changes", AnnotationRules.workUnits(d.shape(), d.labels()));
            tooLarge.addAll(org.karyolab.schema.Validation.prefix("/changes/" + i + "/annotation",
                    rules.tooLarge(d.shape(), d.labels(), d.provenance())));
        }
        if (!tooLarge.isEmpty()) {
            return new Outcome.TooLarge<>("a change of the batch is larger than a limit allows; nothing was saved", tooLarge);
        }
        AnnotationRules.Vocabulary vocabulary = rules.vocabulary(stored.get());
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>();
        List<Change> toSave = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            String at = "/changes/" + i;
            switch (changes.get(i)) {
                case BatchOperation.Create c -> {
                    AnnotationDraft d = c.annotation().by(caller);
                    String id = d.id() == null || d.id().isBlank() ? Ids.newId() : d.id();
                    Annotation candidate = new Annotation(id, imageId, d.shape(), d.labels(), d.provenance(), 1,
                            AnnotationStatus.DRAFT, now, now);
                    check(candidate, image, at, violations);
                    safeId(d.id(), at + "/annotation", violations);
                    violations.addAll(org.karyolab.schema.Validation.prefix(at + "/annotation", vocabulary.check(candidate.labels())));
                    workflowOnly(d.status(), AnnotationStatus.DRAFT, at + "/annotation", violations);
                    toSave.add(new Change.Create(candidate));
                }
                case BatchOperation.Update u -> {
                    AnnotationDraft d = u.annotation().by(caller);
                    // Revision and times are placeholders here: the repository takes them from the current row, and
                    // derives the status (null: an edit of the content).
                    Annotation changed = new Annotation(u.id(), imageId, d.shape(), d.labels(), d.provenance(), 1,
                            null, now, now);
                    check(changed.withStatus(AnnotationStatus.DRAFT), image, at, violations);
                    violations.addAll(org.karyolab.schema.Validation.prefix(at + "/annotation", vocabulary.check(changed.labels())));
                    if (d.status() != null) {
                        // A status sent along must be the one it has (an edit sends the annotation as it is); on a
                        // stale revision the conflict is what is reported. Only one of this image: another's status
                        // or revision is not for this caller to learn (10.12).
                        Optional<Annotation> has = annotations.get(u.id()).filter(a -> imageId.equals(a.imageId()));
                        if (has.isPresent() && has.get().revision() == u.revision()) {
                            workflowOnly(d.status(), has.get().status(), at + "/annotation", violations);
                        }
                    }
                    toSave.add(new Change.Update(u.id(), u.revision(), changed, caller));
                }
                case BatchOperation.Delete del -> toSave.add(new Change.Delete(del.id(), del.revision(), caller));
            }
        }
        if (!violations.isEmpty()) return Outcome.invalid(BATCH_INVALID, violations);
        RequestBudget.charge("checking the batch's changes", changes.size()); // the last checkpoint before anything is written
        // Its audit row commits with it (the repository's AuditTrail): never one without the other.
        BatchResult result = annotations.saveBatch(imageId, toSave);
        return switch (result) {
            case BatchResult.Applied applied -> {
                String projectId = stored.get().projectId();
                for (int i = 0; i < applied.saved().size(); i++) {
                    if (!applied.written(i)) continue; // a retried create: announced when it was made
                    Annotation a = applied.saved().get(i);
                    String change = switch (toSave.get(i)) {
                        case Change.Create c -> "created";
                        case Change.Update u -> "updated";
                        case Change.Delete d -> "deleted";
                        case Change.Revert r -> "reverted";
                    };
                    events.publish(projectId, new ServerEvent.AnnotationSaved(imageId, a.id(), a.revision(), caller, change));
                }
                yield Outcome.done(new BatchSaved(applied.saved()));
            }
            case BatchResult.Rejected rejected -> switch (rejected.reason()) {
                case SaveResult.Conflict conflict when toSave.get(rejected.index()) instanceof Change.Create
                        && !imageId.equals(conflict.current().imageId()) -> idTaken(rejected.index(), conflict.current().id());
                case SaveResult.Conflict conflict -> new Outcome.Conflict<>(conflict.current(),
                        switch (toSave.get(rejected.index())) {
                            case Change.Update u -> u.expectedRevision();
                            case Change.Delete d -> d.expectedRevision();
                            default -> 0;
                        }, rejected.index());
                case SaveResult.NotFound nf -> new Outcome.NotFound<>("annotation", nf.id(), rejected.index());
                case SaveResult.Saved saved -> throw new IllegalStateException("a saved change does not reject a batch");
                case SaveResult.Unchanged u -> throw new IllegalStateException("a retried create does not reject a batch");
            };
        };
    }

    /**
     * The status moves only through the workflow's routes: submit ({@code POST /images/{id}/submit}), review
     * ({@code POST /annotations/{id}/review}, {@code POST /images/{id}/review}) and revert. The annotation routes
     * may send the status an annotation has (an edit sends it as it is) or none, never another one: otherwise an
     * annotator could accept their own work, or send rejected work back to review, through autosave. A new
     * annotation is a draft.
     */
    private static void workflowOnly(AnnotationStatus requested, AnnotationStatus current, String at, List<Violation> into) {
        if (requested == null || requested == current) return;
        String name = requested.name().toLowerCase(java.util.Locale.ROOT);
        into.add(new Violation(at + "/status", "the status is " + current.name().toLowerCase(java.util.Locale.ROOT)
                + " and moves only through the workflow: " + switch (requested) {
                    case SUBMITTED -> "'submitted' comes from submitting the image (POST /api/v1/images/{imageId}/submit)";
                    case ACCEPTED, REJECTED -> "'" + name + "' is a review decision (POST /api/v1/annotations/{id}/review, "
                            + "a reviewer, never on their own work)";
                    case DRAFT -> "'draft' comes back by itself when reviewed content is edited, or by a revert";
                } + "; send the current status or none"));
    }

    /**
     * Ids a client may choose (issue 10.12): letters, digits, '-' and '_', at most 64 (a UUID fits). Anything else,
     * such as '../../tmp/x', is refused rather than stored where no route can name it.
     */
    static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static void safeId(String id, String at, List<Violation> into) {
        if (id == null || id.isBlank() || SAFE_ID.matcher(id).matches()) return;
        into.add(new Violation(at + "/id", "an annotation id is 1 to 64 letters, digits, '-' or '_' (a UUID fits);"
                + " leave it out and the server chooses one"));
    }

    /**
     * Change {@code index} of a batch creates an annotation whose id an annotation of another image has: nothing about
     * that one is told (it may be in a project the caller cannot see).
     */
    private static <T> Outcome<T> idTaken(int index, String id) {
        return new Outcome.Refused<>(Outcome.Refused.Why.TAKEN, "already-exists", "change " + index + " creates annotation '"
                + id + "', an id that is taken; choose another (a UUID) or leave it out; nothing was saved", null);
    }

    /** A create whose id another image's annotation has: a conflict that says nothing about that annotation. */
    private static <T> Outcome<T> idTaken(String id) {
        return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "already-exists", "the annotation id '" + id
                + "' is taken; choose another (a UUID) or leave it out and the server chooses one", null);
    }

    private static void check(Annotation candidate, ImageAsset image, String at, List<Violation> into) {
        for (Violation v : candidate.validate(image.width(), image.height())) {
            // id and imageId are the server's; the rest is the draft's, reported under /annotation.
            into.add(v.pointer().equals("/id") ? v.prefixed(at) : v.prefixed(at + "/annotation"));
        }
    }

    private static <T> Outcome<T> tooLarge(List<Violation> violations) {
        return new Outcome.TooLarge<>("the annotation is larger than a limit allows (see violations); nothing was saved", violations);
    }

    /** Announces a saved single change to the annotation's project. */
    private Outcome<Annotation> announced(Outcome<Annotation> outcome, String change, String by) {
        if (outcome instanceof Outcome.Done<Annotation>(Annotation a)) {
            images.get(a.imageId()).ifPresent(image -> events.publish(image.projectId(),
                    new ServerEvent.AnnotationSaved(a.imageId(), a.id(), a.revision(), by, change)));
        }
        return outcome;
    }

    private static String who(AnnotationDraft draft) {
        return draft.provenance() == null ? null : draft.provenance().author();
    }

    private static Outcome<Annotation> fromSave(SaveResult result, String id, long expectedRevision) {
        return switch (result) {
            case SaveResult.Saved saved -> Outcome.done(saved.annotation());
            case SaveResult.Unchanged u -> Outcome.done(u.current());
            case SaveResult.Conflict conflict -> new Outcome.Conflict<>(conflict.current(), expectedRevision);
            case SaveResult.NotFound nf -> Outcome.notFound("annotation", id);
        };
    }
}
