package org.karyolab.server.store;

import org.karyolab.schema.api.ReviewState;
import org.karyolab.server.store.CurrentRows.Current;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Ids;
import org.karyolab.schema.Provenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Annotations with their full history.
 *
 * <p>Every save appends a row to {@code annotation_revisions} (never updated, never deleted) and
 * moves {@code annotations_current} to it; a delete is a tombstone revision. Saves are
 * compare-and-set on the revision: the current row is locked ({@code SELECT ... FOR UPDATE} on
 * PostgreSQL; on H2 the one writer thread of {@link Database#inGroupCommit} stands for it), then read,
 * its revision compared with the caller's, and the new revision is {@code current + 1}. The
 * primary key {@code (annotation_id, revision)} of the history and the row count of
 * {@code UPDATE ... WHERE revision = ?} make a lost update impossible even if the lock did not
 * hold; a transaction that loses such a race is run again and then reports the conflict.
 */
public final class AnnotationRepository {

    // --- all the SQL of this repository -------------------------------------------------------
    private static final String IMAGE_PROJECT = "SELECT project_id FROM images WHERE id = ? AND deleted_at IS NULL";
    private static final String LIVE_BY_IMAGE =
            "SELECT doc FROM annotations_current WHERE image_id = ? AND deleted = FALSE ORDER BY created_at, id";
    private static final String LIVE_BY_PROJECT =
            "SELECT doc FROM annotations_current WHERE project_id = ? AND deleted = FALSE ORDER BY image_id, created_at, id";
    private static final String INSERT_REVISION = "INSERT INTO annotation_revisions"
            + " (annotation_id, revision, image_id, change_kind, reverted_to, changed_by, changed_at, status, deleted, doc)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CURRENT = "INSERT INTO annotations_current"
            + " (id, image_id, project_id, revision, status, deleted, author, changed_by, created_at, updated_at, doc)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_CURRENT = "UPDATE annotations_current"
            + " SET revision = ?, status = ?, deleted = ?, author = ?, changed_by = ?, updated_at = ?, doc = ?"
            + " WHERE id = ? AND revision = ?";
    private static final String HISTORY = "SELECT revision, change_kind, reverted_to, changed_by, changed_at, deleted, doc"
            + " FROM annotation_revisions WHERE annotation_id = ? ORDER BY revision";
    private static final String ONE_REVISION = "SELECT doc FROM annotation_revisions WHERE annotation_id = ? AND revision = ?";
    // ------------------------------------------------------------------------------------------

    private final Database db;
    private final Clock clock;
    /**
     * False on H2: there every write of this store runs under the JVM's one write lock
     * ({@link Database#inGroupCommit}), so nobody can change a row between our read and our write,
     * and H2 would implement {@code FOR UPDATE} by rewriting the row (a page written per save for nothing).
     */
    private final boolean rowLocks;
    private final CurrentRows currentRows;

    public AnnotationRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    /** Whose writes these are: every save appends its audit row in its own transaction. */
    private final AuditTrail trail;

    public AnnotationRepository(Database db, Clock clock) {
        this(db, clock, AuditTrail.NONE);
    }

    public AnnotationRepository(Database db, Clock clock, AuditTrail trail) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.trail = Objects.requireNonNull(trail);
        this.rowLocks = db.dialect() != Dialect.H2;
        this.currentRows = new CurrentRows(rowLocks);
    }

    /**
     * Saves a new annotation at revision 1. Its id is kept if set (client-made ids), otherwise
     * generated; revision and timestamps are assigned here; a null status means DRAFT.
     * NotFound if the image does not exist, Conflict if the id is taken.
     */
    public SaveResult create(Annotation annotation) {
        return save(new Change.Create(annotation));
    }

    /**
     * Replaces shape, labels, provenance and status. A null status is an edit of the content: the status stays,
     * except that accepted or rejected content that changes goes back to draft (and its image, if submitted or
     * accepted, back to open). Id, image and creation time stay.
     */
    public SaveResult update(String id, long expectedRevision, Annotation changed) {
        return save(new Change.Update(id, expectedRevision, changed));
    }

    /** Deletes by appending a tombstone revision. */
    public SaveResult delete(String id, long expectedRevision, String author) {
        return save(new Change.Delete(id, expectedRevision, author));
    }

    /** Restores the content of revision {@code toRevision} as a new revision (and un-deletes). */
    public SaveResult revert(String id, long toRevision, long expectedRevision, String author) {
        return save(new Change.Revert(id, toRevision, expectedRevision, author));
    }

    /** One change in its own transaction, with its audit row (see {@link AuditTrail}). */
    public SaveResult save(Change change) {
        Optional<AuditRepository.Draft> audit = trail.current();
        List<AuditRepository.Draft> alongside = trail.alongside();
        SaveResult result = Jdbc.retrying(() -> db.inGroupCommit(c -> {
            Effects effects = new Effects();
            SaveResult r = apply(c, null, change, effects, currentRows.batch());
            if (r instanceof SaveResult.Saved s) {
                reopen(c, s.annotation().imageId(), effects);
                if (audit.isPresent()) audited(c, audit.get(), alongside, List.of(s.annotation()), effects);
            }
            return r;
        }, r -> r instanceof SaveResult.Saved));
        if (result instanceof SaveResult.Saved && audit.isPresent()) trail.written();
        return result;
    }

    /**
     * Appends the audit row of {@code saved} (annotations of one image) in this transaction: the revisions written,
     * then what the workflow made of them ({@code effects}: reviewed work back to draft, the image reopened).
     */
    private void audited(Connection c, AuditRepository.Draft audit, List<AuditRepository.Draft> alongside,
                         List<Annotation> saved, Effects effects) throws SQLException {
        if (saved.isEmpty()) return;
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < saved.size() && i < 20; i++) {
            what.append(i == 0 ? "" : ", ").append(saved.get(i).id()).append('@').append(saved.get(i).revision());
        }
        if (saved.size() > 20) what.append(" and ").append(saved.size() - 20).append(" more");
        for (int i = 0; i < effects.notes.size() && i < 20; i++) what.append("; ").append(effects.notes.get(i));
        if (effects.notes.size() > 20) what.append("; and ").append(effects.notes.size() - 20).append(" more");
        Instant at = now();
        AuditRepository.insert(c, audit.in(projectOf(c, saved.getFirst().imageId()), what.toString()), at);
        for (AuditRepository.Draft also : alongside) AuditRepository.insert(c, also, at);
    }

    /**
     * Applies all changes to annotations of {@code imageId} in one transaction: if any of them is
     * a conflict or not found, none is saved.
     */
    public BatchResult saveBatch(String imageId, List<? extends Change> changes) {
        return saveBatch(imageId, changes, (c, saved) -> true).orElseThrow();
    }

    /**
     * Writes of other repositories of this store that must commit or roll back together with a batch
     * (a suggestion's decision, a review record). Runs in the batch's transaction after its changes
     * applied, sees {@code saved}, and may run again if the transaction is retried.
     */
    @FunctionalInterface
    interface Alongside {
        /** @return false to roll back the batch and itself */
        boolean run(Connection c, List<Annotation> saved) throws SQLException;
    }

    /**
     * {@link #saveBatch(String, List)} with {@code alongside} in the same transaction, and the audit row
     * (see {@link AuditTrail}). Empty when the batch applied but {@code alongside} refused: then nothing
     * at all was saved.
     */
    Optional<BatchResult> saveBatch(String imageId, List<? extends Change> changes, Alongside alongside) {
        Objects.requireNonNull(imageId, "imageId");
        List<Change> all = List.copyOf(changes);
        // Lock every row the batch changes, in id order, before changing any: two batches touching
        // the same annotations in different orders then queue instead of deadlocking.
        List<String> toLock = all.stream().map(AnnotationRepository::existingId).filter(Objects::nonNull)
                .distinct().sorted().toList();
        Optional<AuditRepository.Draft> audit = trail.current();
        List<AuditRepository.Draft> alsoAudit = trail.alongside();
        Optional<BatchResult> outcome = Jdbc.retrying(() -> db.inGroupCommit(c -> {
            if (rowLocks) for (String id : toLock) CurrentRows.lock(c, id);
            CurrentRows.Batch currents = currentRows.batch(c, toLock);
            Effects effects = new Effects();
            List<Annotation> saved = new ArrayList<>(all.size());
            List<Annotation> written = new ArrayList<>(all.size());
            Set<Integer> unchanged = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                switch (apply(c, imageId, all.get(i), effects, currents)) {
                    case SaveResult.Saved s -> {
                        saved.add(s.annotation());
                        written.add(s.annotation());
                    }
                    case SaveResult.Unchanged u -> {
                        saved.add(u.current());
                        unchanged.add(i);
                    }
                    case SaveResult result -> {
                        return Optional.<BatchResult>of(new BatchResult.Rejected(i, result));
                    }
                }
            }
            if (!written.isEmpty()) reopen(c, imageId, effects);
            if (!alongside.run(c, List.copyOf(saved))) return Optional.<BatchResult>empty();
            if (audit.isPresent()) audited(c, audit.get(), alsoAudit, written, effects);
            return Optional.<BatchResult>of(new BatchResult.Applied(saved, unchanged));
        }, r -> r.isPresent() && r.get() instanceof BatchResult.Applied));
        if (audit.isPresent() && outcome.isPresent() && outcome.get() instanceof BatchResult.Applied a
                && a.unchanged().size() < a.saved().size()) {
            trail.written();
        }
        return outcome;
    }

    /** The live (not deleted) annotations of an image, oldest first. */
    public List<Annotation> current(String imageId) {
        return db.inTransaction(c -> list(c, LIVE_BY_IMAGE, imageId));
    }

    /** Where a page of an image's annotations ends: the (created_at, id) of its last one, as stored. */
    public record PageCursor(Instant createdAt, String id) {}

    /** A page of an image's live annotations: the stored documents as a JSON array, and where the next begins (null: none). */
    public record Page(StoredJson items, int count, PageCursor next) {}

    /**
     * The live annotations of an image after {@code after} (null: from the first), oldest first as {@link #current},
     * at most {@code limit} of them and no more than {@code maxChars} of JSON (but always one, if there is one).
     * Keyset paging: an annotation created while a client pages comes on a later page, none is sent twice.
     */
    public Page currentPage(String imageId, PageCursor after, int limit, long maxChars) {
        String sql = "SELECT doc, created_at, id FROM annotations_current WHERE image_id = ? AND deleted = FALSE"
                + (after == null ? "" : " AND (created_at > ? OR (created_at = ? AND id > ?))")
                + " ORDER BY created_at, id LIMIT ?";
        return db.inTransaction(c -> {
            StringBuilder out = new StringBuilder(4096).append('[');
            int count = 0;
            PageCursor last = null;
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, imageId);
                if (after != null) {
                    Jdbc.setInstant(ps, i++, after.createdAt());
                    Jdbc.setInstant(ps, i++, after.createdAt());
                    ps.setString(i++, after.id());
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String doc = rs.getString("doc");
                        if (count == limit || count > 0 && out.length() + doc.length() + 2 > maxChars) {
                            more = true;
                            break;
                        }
                        out.append(count > 0 ? "," : "").append(doc);
                        count++;
                        last = new PageCursor(Jdbc.getInstant(rs, "created_at"), rs.getString("id"));
                    }
                }
            }
            return new Page(new StoredJson(out.append(']').toString()), count, more ? last : null);
        });
    }

    /** The live annotations of every image of a project, by image then age. */
    public List<Annotation> currentInProject(String projectId) {
        return db.inTransaction(c -> list(c, LIVE_BY_PROJECT, projectId));
    }

    /** The current state of a live annotation; empty if there is none or it is deleted. */
    public Optional<Annotation> get(String id) {
        return db.inTransaction(c -> Optional.ofNullable(currentRows.read(c, id, false))
                .filter(cur -> !cur.deleted())
                .map(Current::annotation));
    }

    /**
     * The image an annotation lies on, deleted or not (an annotation never moves to another image),
     * without reading its document: the guard asks this on every annotation route.
     */
    public Optional<String> imageOf(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT image_id FROM annotation_revisions WHERE annotation_id = ? AND revision = 1")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Every revision, oldest first; empty if the annotation never existed. Includes deleted ones. */
    public List<Revision> history(String id) {
        return db.inTransaction(c -> {
            List<Revision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long revertedTo = rs.getLong("reverted_to");
                        OptionalLong restored = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(revertedTo);
                        out.add(new Revision(id,
                                rs.getLong("revision"),
                                ChangeKind.valueOf(rs.getString("change_kind")),
                                rs.getString("changed_by"),
                                Jdbc.getInstant(rs, "changed_at"),
                                rs.getBoolean("deleted"),
                                restored,
                                Documents.read(rs.getString("doc"), Annotation.class)));
                    }
                }
            }
            return out;
        });
    }

    // --- one change, inside a transaction -----------------------------------------------------

    /**
     * What a transaction's content changes mean for the review workflow, gathered while they are applied:
     * whether the image must be looked at again ({@link #reopen}) and what to say about it in the audit row.
     */
    private static final class Effects {
        boolean reopen;
        final List<String> notes = new ArrayList<>();
    }

    /** Accepted and rejected are review decisions: content that had one and changes goes back to draft. */
    private static boolean reviewed(AnnotationStatus status) {
        return status == AnnotationStatus.ACCEPTED || status == AnnotationStatus.REJECTED;
    }

    /** Same shape, labels and provenance (author included): the content a review decision was about. */
    static boolean sameContent(Annotation a, Annotation b) {
        return Objects.equals(a.shape(), b.shape()) && Objects.equals(a.labels(), b.labels())
                && Objects.equals(a.provenance(), b.provenance());
    }

    /**
     * @param scope the batch's image (changes must be on it), or null for a single change
     * @param effects where the workflow consequences of the change are noted
     */
    private SaveResult apply(Connection c, String scope, Change change, Effects effects, CurrentRows.Batch currents) throws SQLException {
        return switch (change) {
            case Change.Create create -> {
                SaveResult r = create(c, scope, create.annotation());
                if (r instanceof SaveResult.Saved) effects.reopen = true; // a new draft on the image
                yield r;
            }
            case Change.Update u -> {
                Current cur = currents.take(c, u.id());
                if (cur == null || cur.deleted() || outOfScope(scope, cur)) yield new SaveResult.NotFound(u.id());
                if (cur.revision() != u.expectedRevision()) yield new SaveResult.Conflict(cur.annotation());
                Annotation changed = u.changed();
                // A status in the change is the workflow's (submit, review); without one, this is an edit of the
                // content, and an edit of reviewed content takes the review decision away (only then is the
                // stored document read: comparing it on every save would cost the writer).
                AnnotationStatus status = changed.status() != null ? changed.status() : cur.status();
                if (changed.status() == null && reviewed(cur.status()) && !sameContent(cur.annotation(), changed)) {
                    status = AnnotationStatus.DRAFT;
                    effects.reopen = true;
                    effects.notes.add(u.id() + " was " + name(cur.status()) + ": its content changed, back to draft");
                }
                Annotation next = changed.withId(u.id()).withImageId(cur.imageId()).withRevision(cur.revision() + 1)
                        .withStatus(status).withTimes(cur.createdAt(), nextTime(cur.updatedAt()));
                String by = u.changedBy() != null && !u.changedBy().isBlank() ? u.changedBy() : who(changed.provenance());
                yield append(c, cur.revision(), next, ChangeKind.UPDATED, null, by, false);
            }
            case Change.Delete d -> {
                requireAuthor(d.author());
                Current cur = currents.take(c, d.id());
                if (cur == null || cur.deleted() || outOfScope(scope, cur)) yield new SaveResult.NotFound(d.id());
                if (cur.revision() != d.expectedRevision()) yield new SaveResult.Conflict(cur.annotation());
                Annotation was = cur.annotation();
                if (reviewed(was.status())) {
                    effects.reopen = true;
                    effects.notes.add(d.id() + " was " + name(was.status()) + ": deleted");
                }
                Annotation tombstone = was.withRevision(was.revision() + 1).withUpdatedAt(nextTime(was.updatedAt()));
                yield append(c, was.revision(), tombstone, ChangeKind.DELETED, null, d.author(), true);
            }
            case Change.Revert r -> {
                requireAuthor(r.author());
                Current cur = currents.take(c, r.id()); // a deleted annotation can be reverted: that un-deletes it
                if (cur == null || outOfScope(scope, cur)) yield new SaveResult.NotFound(r.id());
                if (cur.revision() != r.expectedRevision()) yield new SaveResult.Conflict(cur.annotation());
                Annotation target = readRevision(c, r.id(), r.toRevision());
                if (target == null) yield new SaveResult.NotFound(r.id());
                Annotation was = cur.annotation();
                // The status comes back with the content it was given to: an accepted revision's content is exactly
                // what its reviewer accepted; anything else restored is draft or submitted work.
                boolean changes = cur.deleted() || !sameContent(was, target) || was.status() != target.status();
                if (changes && (cur.deleted() || reviewed(was.status())
                        || (target.status() == AnnotationStatus.DRAFT && was.status() != AnnotationStatus.DRAFT))) {
                    effects.reopen = true;
                    if (reviewed(was.status()) && !cur.deleted()) {
                        effects.notes.add(r.id() + " was " + name(was.status()) + ": reverted to revision " + r.toRevision()
                                + " (" + name(target.status()) + ")");
                    }
                }
                Annotation next = was.withContent(target.shape(), target.labels(), target.provenance()).withStatus(target.status())
                        .withRevision(was.revision() + 1).withUpdatedAt(nextTime(was.updatedAt()));
                yield append(c, was.revision(), next, ChangeKind.REVERTED, r.toRevision(), r.author(), false);
            }
        };
    }

    /**
     * After content changes that leave unreviewed work on the image (a new draft, reviewed content changed or
     * deleted): a submitted or accepted image goes back to open, into the work queue, to be submitted and
     * reviewed again. An open or rejected image is in the queue already.
     */
    private void reopen(Connection c, String imageId, Effects effects) throws SQLException {
        if (!effects.reopen) return;
        ReviewState seen = ImageWorkflow.state(c, imageId);
        if (seen != ReviewState.SUBMITTED && seen != ReviewState.ACCEPTED) return;
        ReviewState state = ImageWorkflow.lock(c, imageId, now());
        if (state != ReviewState.SUBMITTED && state != ReviewState.ACCEPTED) return;
        ImageWorkflow.set(c, imageId, ReviewState.OPEN, now());
        effects.notes.add("image " + imageId + " was " + name(state) + ": open again, to be submitted and reviewed");
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private SaveResult create(Connection c, String scope, Annotation a) throws SQLException {
        String imageId = a.imageId() != null ? a.imageId() : scope;
        if (imageId == null || (scope != null && !scope.equals(imageId))) return new SaveResult.NotFound(imageId);
        String projectId = projectOf(c, imageId);
        if (projectId == null) return new SaveResult.NotFound(imageId);
        String id = a.id() == null || a.id().isBlank() ? Ids.newId() : a.id();
        Current existing = currentRows.read(c, id, false);
        // A retry of a create that committed (its answer was lost) is that create, not a conflict.
        if (existing != null && !existing.deleted() && existing.imageId().equals(imageId)
                && sameContent(existing.annotation(), a)) return new SaveResult.Unchanged(existing.annotation());
        if (existing != null) return new SaveResult.Conflict(existing.annotation());
        Instant now = now();
        Annotation created = a.withId(id).withImageId(imageId).withRevision(1)
                .withStatus(a.status() != null ? a.status() : AnnotationStatus.DRAFT).withTimes(now, now);
        String doc = Documents.write(created);
        String who = who(a.provenance());
        insertRevision(c, created, ChangeKind.CREATED, null, who, false, doc);
        try (PreparedStatement ps = c.prepareStatement(INSERT_CURRENT)) {
            ps.setString(1, id);
            ps.setString(2, imageId);
            ps.setString(3, projectId);
            ps.setLong(4, 1);
            ps.setString(5, created.status().name());
            ps.setBoolean(6, false);
            ps.setString(7, authorOf(created.provenance()));
            ps.setString(8, who);
            Jdbc.setInstant(ps, 9, now);
            Jdbc.setInstant(ps, 10, now);
            ps.setString(11, doc);
            ps.executeUpdate(); // a concurrent create of the same id fails here (23505) and is retried
        }
        return new SaveResult.Saved(created);
    }

    /** Writes revision {@code next} to the history and moves the current row from {@code expected} to it. */
    private SaveResult append(Connection c, long expected, Annotation next, ChangeKind kind, Long revertedTo,
                              String who, boolean deleted) throws SQLException {
        String doc = Documents.write(next);
        insertRevision(c, next, kind, revertedTo, who, deleted, doc);
        try (PreparedStatement ps = c.prepareStatement(MOVE_CURRENT)) {
            ps.setLong(1, next.revision());
            ps.setString(2, next.status().name());
            ps.setBoolean(3, deleted);
            ps.setString(4, authorOf(next.provenance()));
            ps.setString(5, who);
            Jdbc.setInstant(ps, 6, next.updatedAt());
            ps.setString(7, doc);
            ps.setString(8, next.id());
            ps.setLong(9, expected);
            if (ps.executeUpdate() != 1) {
                // cannot happen while the row lock holds; if it ever does, run the transaction again
                throw new SQLException("annotation " + next.id() + " moved past revision " + expected, "40001");
            }
        }
        return new SaveResult.Saved(next);
    }

    private static void insertRevision(Connection c, Annotation a, ChangeKind kind, Long revertedTo, String who,
                                       boolean deleted, String doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_REVISION)) {
            ps.setString(1, a.id());
            ps.setLong(2, a.revision());
            ps.setString(3, a.imageId());
            ps.setString(4, kind.name());
            if (revertedTo == null) ps.setNull(5, Types.BIGINT);
            else ps.setLong(5, revertedTo);
            ps.setString(6, who);
            Jdbc.setInstant(ps, 7, a.updatedAt());
            ps.setString(8, a.status().name());
            ps.setBoolean(9, deleted);
            ps.setString(10, doc);
            ps.executeUpdate();
        }
    }

    private static Annotation readRevision(Connection c, String id, long revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ONE_REVISION)) {
            ps.setString(1, id);
            ps.setLong(2, revision);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Documents.read(rs.getString("doc"), Annotation.class) : null;
            }
        }
    }

    private static String projectOf(Connection c, String imageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IMAGE_PROJECT)) {
            ps.setString(1, imageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<Annotation> list(Connection c, String sql, String key) throws SQLException {
        List<Annotation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Documents.read(rs.getString("doc"), Annotation.class));
            }
        }
        return out;
    }

    /** The annotation a change modifies, null for a create. */
    private static String existingId(Change change) {
        return switch (change) {
            case Change.Create ignored -> null;
            case Change.Update u -> u.id();
            case Change.Delete d -> d.id();
            case Change.Revert r -> r.id();
        };
    }

    private static boolean outOfScope(String scope, Current cur) {
        return scope != null && !scope.equals(cur.imageId());
    }

    /** Who made a create or update: the accountable person (Provenance requires one). */
    static String who(Provenance p) {
        return p != null && p.author() != null && !p.author().isBlank() ? p.author() : "unknown";
    }

    private static String authorOf(Provenance p) {
        return p == null ? null : p.author();
    }

    private static void requireAuthor(String author) {
        if (author == null || author.isBlank()) throw new IllegalArgumentException("a delete or revert needs an author");
    }

    /** Never before the previous revision, even if the wall clock steps back (updatedAt >= createdAt holds). */
    private Instant nextTime(Instant lastUpdate) {
        Instant now = now();
        return now.isBefore(lastUpdate) ? lastUpdate : now;
    }

    /** PostgreSQL keeps microseconds: truncate so that what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
