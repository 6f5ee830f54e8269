package org.karyolab.server.store;

import org.karyolab.schema.api.ReviewState;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.karyolab.schema.Annotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Review: an image's review state, submitting it, and reviewers' decisions with their comments.
 * Status changes are annotation revisions written through {@link AnnotationRepository}; the image state,
 * the review records and (on submit) the release of the image's lease commit in the same transaction.
 */
public final class ReviewRepository {

    private static final String INSERT_REVIEW = "INSERT INTO reviews (image_id, annotation_id, reviewed_revision, revision,"
            + " decision, comment, reviewer, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REVIEWS = "SELECT seq, image_id, annotation_id, reviewed_revision, revision, decision, comment,"
            + " reviewer, reviewed_at FROM reviews WHERE image_id = ? ORDER BY seq";
    private static final String STATUS_COUNT = "SELECT COUNT(*) FROM annotations_current"
            + " WHERE image_id = ? AND deleted = FALSE AND status = ?";

    public enum Verdict {
        @JsonProperty("accept") ACCEPT,
        @JsonProperty("reject") REJECT
    }

    /**
     * One review decision. For an annotation, {@code reviewedRevision} is the revision the reviewer decided on
     * (the submitted content) and {@code revision} the one the decision made (the same content with the new
     * status); a whole-image decision has a row without annotation as well.
     */
    public record Review(long seq, String imageId, String annotationId, Long reviewedRevision, Long revision,
                         Verdict decision, String comment, String reviewer, Instant reviewedAt) {}

    /** What a submit or review came to. */
    public sealed interface Result {
        record Done(ReviewState imageState, List<Annotation> changed) implements Result {}

        /** The image was not in a state that allows it (someone else got there first); nothing changed. */
        record WrongState(ReviewState current) implements Result {}

        /** An annotation changed meanwhile (or is gone); nothing changed. */
        record NotSaved(BatchResult.Rejected reason) implements Result {}
    }

    private final Database db;
    private final AnnotationRepository annotations;

    public ReviewRepository(Database db, AnnotationRepository annotations) {
        this.db = Objects.requireNonNull(db);
        this.annotations = Objects.requireNonNull(annotations);
    }

    public ReviewState state(String imageId) {
        return db.inTransaction(c -> ImageWorkflow.state(c, imageId));
    }

    /**
     * Submits an image: applies {@code changes} (its annotations to status submitted), moves the image
     * from OPEN or REJECTED to SUBMITTED and ends every lease on it, all or nothing.
     */
    public Result submit(String imageId, List<? extends Change> changes, Instant at) {
        return outcome(imageId, annotations.saveBatch(imageId, changes, (c, saved) -> {
            if (!ImageWorkflow.transition(c, imageId, EnumSet.of(ReviewState.OPEN, ReviewState.REJECTED),
                    ReviewState.SUBMITTED, at)) return false;
            LeaseRepository.releaseAll(c, imageId, at);
            return true;
        }));
    }

    /**
     * Records a review: applies {@code changes} (status accepted / rejected), writes one review row per
     * changed annotation naming the revision it decided on and the one it made (and one for the image when
     * {@code wholeImage}),
     * then, once no annotation of the image is left submitted, settles a SUBMITTED image: REJECTED if any
     * of its annotations is rejected, else ACCEPTED. A whole-image review requires the image SUBMITTED.
     */
    public Result review(String imageId, List<? extends Change> changes, Verdict verdict, String comment,
                         String reviewer, boolean wholeImage, Instant at) {
        return outcome(imageId, annotations.saveBatch(imageId, changes, (c, saved) -> {
            ReviewState state = ImageWorkflow.lock(c, imageId, at);
            if (wholeImage && state != ReviewState.SUBMITTED && saved.isEmpty()) return false;
            for (int i = 0; i < saved.size(); i++) {
                Annotation a = saved.get(i);
                long reviewed = changes.get(i) instanceof Change.Update u ? u.expectedRevision() : a.revision() - 1;
                insertReview(c, imageId, a.id(), reviewed, a.revision(), verdict, comment, reviewer, at);
            }
            if (wholeImage) insertReview(c, imageId, null, null, null, verdict, comment, reviewer, at);
            if (state == ReviewState.SUBMITTED && count(c, imageId, "SUBMITTED") == 0) {
                ImageWorkflow.set(c, imageId, count(c, imageId, "REJECTED") > 0 ? ReviewState.REJECTED : ReviewState.ACCEPTED, at);
            }
            return true;
        }));
    }

    public List<Review> reviews(String imageId) {
        return db.inTransaction(c -> {
            List<Review> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(REVIEWS)) {
                ps.setString(1, imageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long reviewed = rs.getLong("reviewed_revision");
                        Long reviewedRevision = rs.wasNull() ? null : reviewed;
                        long revision = rs.getLong("revision");
                        out.add(new Review(rs.getLong("seq"), rs.getString("image_id"), rs.getString("annotation_id"),
                                reviewedRevision, rs.wasNull() ? null : revision, Verdict.valueOf(rs.getString("decision")),
                                rs.getString("comment"), rs.getString("reviewer"), Jdbc.getInstant(rs, "reviewed_at")));
                    }
                }
            }
            return out;
        });
    }

    private Result outcome(String imageId, Optional<BatchResult> result) {
        if (result.isEmpty()) return new Result.WrongState(state(imageId));
        return switch (result.get()) {
            case BatchResult.Applied applied -> new Result.Done(state(imageId), applied.saved());
            case BatchResult.Rejected rejected -> new Result.NotSaved(rejected);
        };
    }

    private static void insertReview(Connection c, String imageId, String annotationId, Long reviewedRevision, Long revision,
                                     Verdict verdict, String comment, String reviewer, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_REVIEW)) {
            ps.setString(1, imageId);
            ps.setString(2, annotationId);
            if (reviewedRevision == null) ps.setNull(3, Types.BIGINT);
            else ps.setLong(3, reviewedRevision);
            if (revision == null) ps.setNull(4, Types.BIGINT);
            else ps.setLong(4, revision);
            ps.setString(5, verdict.name());
            ps.setString(6, comment);
            ps.setString(7, reviewer);
            Jdbc.setInstant(ps, 8, at);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String imageId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATUS_COUNT)) {
            ps.setString(1, imageId);
            ps.setString(2, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
