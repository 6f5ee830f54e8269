package org.karyolab.server.store;

import org.karyolab.schema.api.ReviewState;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Work-queue leases and image priorities. While a lease is held, its row carries the image in
 * {@code held_image} and the holder in {@code held_by}, both UNIQUE: the database itself refuses a
 * second holder of an image, or a second image for a holder, whatever the race. An expired hold is
 * cleared by the next claim of that image (or by that holder), in the claim's own transaction.
 */
public final class LeaseRepository {

    private static final String COLUMNS = "id, image_id, project_id, holder, granted_at, expires_at, released_at, held_image";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM leases WHERE id = ?";
    private static final String HELD_BY = "SELECT " + COLUMNS + " FROM leases WHERE held_by = ? AND expires_at > ?";
    // The live hold of an image: held_image is UNIQUE, so this is one index lookup (no index of its own needed).
    private static final String HELD_IMAGE = "SELECT " + COLUMNS + " FROM leases WHERE held_image = ? AND expires_at > ?";
    // The same, for the image an annotation lies on: its first revision (primary key) names the image.
    private static final String HELD_IMAGE_OF = "SELECT l.id, l.image_id, l.project_id, l.holder, l.granted_at, l.expires_at,"
            + " l.released_at, l.held_image FROM annotation_revisions r JOIN leases l ON l.held_image = r.image_id"
            + " WHERE r.annotation_id = ? AND r.revision = 1 AND l.expires_at > ?";
    // Next images to hand out: not submitted or accepted, not held by a live lease; by priority, then upload order.
    private static final String CANDIDATES = "SELECT i.id FROM images i LEFT JOIN image_workflow w ON w.image_id = i.id"
            + " WHERE i.project_id = ? AND i.deleted_at IS NULL AND (w.review_state IS NULL OR w.review_state IN ('OPEN', 'REJECTED'))"
            + " AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.held_image = i.id AND l.expires_at > ?)"
            + " ORDER BY COALESCE(w.priority, 0) DESC, i.added_at, i.id LIMIT ?";
    private static final String CLEAR_EXPIRED = "UPDATE leases SET held_image = NULL, held_by = NULL"
            + " WHERE (held_image = ? OR held_by = ?) AND expires_at <= ?";
    private static final String INSERT = "INSERT INTO leases (id, image_id, project_id, holder, granted_at, expires_at,"
            + " held_image, held_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RENEW = "UPDATE leases SET expires_at = ?"
            + " WHERE id = ? AND held_image IS NOT NULL AND expires_at > ?";
    private static final String RELEASE = "UPDATE leases SET held_image = NULL, held_by = NULL, released_at = ?"
            + " WHERE id = ? AND held_image IS NOT NULL AND expires_at > ?";
    private static final String RELEASE_IMAGE = "UPDATE leases SET held_image = NULL, held_by = NULL, released_at = ?"
            + " WHERE held_image = ?";

    public enum State {
        @JsonProperty("live") LIVE,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("released") RELEASED
    }

    /** A lease as of {@code now} (its state depends on the time it is read). */
    public record Lease(String id, String imageId, String projectId, String holder, Instant grantedAt, Instant expiresAt,
                        Instant releasedAt, State state) {}

    public sealed interface Claim {
        record Claimed(Lease lease) implements Claim {}

        /** Someone else got the image, or the holder got another one, first; or it is no longer to be labelled. */
        record Lost() implements Claim {}
    }

    private final Database db;

    public LeaseRepository(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    public Optional<Lease> get(String id, Instant now) {
        return db.inTransaction(c -> Optional.ofNullable(one(c, BY_ID, now, id)));
    }

    /** The holder's live lease in a project, if any. */
    public Optional<Lease> liveOf(String projectId, String holder, Instant now) {
        return live(HELD_BY, heldBy(projectId, holder), now);
    }

    /** The live lease of an image, if any: one indexed query (a write asks it before saving, see LeaseCheck). */
    public Optional<Lease> liveOn(String imageId, Instant now) {
        return live(HELD_IMAGE, imageId, now);
    }

    /** The live lease of the image an annotation lies on, if any, in one indexed query. */
    public Optional<Lease> liveOnImageOf(String annotationId, Instant now) {
        return live(HELD_IMAGE_OF, annotationId, now);
    }

    private Optional<Lease> live(String sql, String key, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                Jdbc.setInstant(ps, 2, now);
                return Optional.ofNullable(first(ps, now));
            }
        });
    }

    /** Up to {@code limit} images to offer next, best first. */
    public List<String> candidates(String projectId, Instant now, int limit) {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
                ps.setString(1, projectId);
                Jdbc.setInstant(ps, 2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Tries to lease one image, in one transaction: locks the image's workflow row (so a submit
     * cannot slip in between), checks the image is still to be labelled, clears expired holds of
     * the image and of the holder, and inserts the lease. A lost race is a {@link Claim.Lost}, not an error.
     */
    public Claim claim(String leaseId, String projectId, String imageId, String holder, Instant now, Instant expiresAt) {
        try {
            return db.serializingWrites(() -> db.inTransaction(c -> {
                ReviewState state = ImageWorkflow.lock(c, imageId, now);
                if (state != ReviewState.OPEN && state != ReviewState.REJECTED) return new Claim.Lost();
                String by = heldBy(projectId, holder);
                try (PreparedStatement ps = c.prepareStatement(CLEAR_EXPIRED)) {
                    ps.setString(1, imageId);
                    ps.setString(2, by);
                    Jdbc.setInstant(ps, 3, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setString(1, leaseId);
                    ps.setString(2, imageId);
                    ps.setString(3, projectId);
                    ps.setString(4, holder);
                    Jdbc.setInstant(ps, 5, now);
                    Jdbc.setInstant(ps, 6, expiresAt);
                    ps.setString(7, imageId);
                    ps.setString(8, by);
                    ps.executeUpdate(); // a live hold of the image or by the holder fails here: 23505
                }
                return new Claim.Claimed(one(c, BY_ID, now, leaseId));
            }));
        } catch (StoreException e) {
            if (Jdbc.isRetryable(e)) return new Claim.Lost(); // duplicate key, serialization failure, deadlock
            throw e;
        }
    }

    /** Extends a live lease to {@code expiresAt}; false if it is not live (released or expired). */
    public boolean renew(String id, Instant now, Instant expiresAt) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RENEW)) {
                Jdbc.setInstant(ps, 1, expiresAt);
                ps.setString(2, id);
                Jdbc.setInstant(ps, 3, now);
                return ps.executeUpdate() == 1;
            }
        })));
    }

    /** Ends a live lease; false if it was not live. */
    public boolean release(String id, Instant now) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
                Jdbc.setInstant(ps, 1, now);
                ps.setString(2, id);
                Jdbc.setInstant(ps, 3, now);
                return ps.executeUpdate() == 1;
            }
        })));
    }

    public void setPriority(String imageId, double priority, Instant at) {
        db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            ImageWorkflow.setPriority(c, imageId, priority, at);
            return null;
        })));
    }

    /** Ends every hold of an image, inside the caller's transaction (a submitted image is no longer worked on). */
    static void releaseAll(Connection c, String imageId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELEASE_IMAGE)) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, imageId);
            ps.executeUpdate();
        }
    }

    private static String heldBy(String projectId, String holder) {
        return projectId + "/" + holder;
    }

    private static Lease one(Connection c, String sql, Instant now, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return first(ps, now);
        }
    }

    private static Lease first(PreparedStatement ps, Instant now) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return null;
            Instant expires = Jdbc.getInstant(rs, "expires_at");
            Instant released = Jdbc.getInstant(rs, "released_at");
            State state = released != null ? State.RELEASED
                    : rs.getString("held_image") != null && expires.isAfter(now) ? State.LIVE : State.EXPIRED;
            return new Lease(rs.getString("id"), rs.getString("image_id"), rs.getString("project_id"),
                    rs.getString("holder"), Jdbc.getInstant(rs, "granted_at"), expires, released, state);
        }
    }
}
