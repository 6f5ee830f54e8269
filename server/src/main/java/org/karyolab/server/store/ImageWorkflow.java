package org.karyolab.server.store;

import org.karyolab.schema.api.ReviewState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * The {@code image_workflow} row of an image (review state and queue priority), inside a caller's
 * transaction. Shared by the review and lease repositories; a missing row means OPEN, priority 0.
 */
final class ImageWorkflow {
    private ImageWorkflow() {}

    private static final String EXISTS = "SELECT 1 FROM image_workflow WHERE image_id = ?";
    private static final String INSERT =
            "INSERT INTO image_workflow (image_id, review_state, priority, changed_at) VALUES (?, 'OPEN', 0, ?)";
    private static final String STATE = "SELECT review_state FROM image_workflow WHERE image_id = ?";
    private static final String LOCK = "SELECT review_state FROM image_workflow WHERE image_id = ? FOR UPDATE";
    private static final String SET_STATE = "UPDATE image_workflow SET review_state = ?, changed_at = ? WHERE image_id = ?";
    private static final String SET_PRIORITY = "UPDATE image_workflow SET priority = ?, changed_at = ? WHERE image_id = ?";

    /**
     * Makes sure the row exists. A concurrent insert of the same row fails with a duplicate key
     * (23505); callers that retry their transaction then find it.
     */
    static void ensure(Connection c, String imageId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
            ps.setString(1, imageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, imageId);
            Jdbc.setInstant(ps, 2, at);
            ps.executeUpdate();
        }
    }

    static ReviewState state(Connection c, String imageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATE)) {
            ps.setString(1, imageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ReviewState.valueOf(rs.getString(1)) : ReviewState.OPEN;
            }
        }
    }

    /** Ensures and locks the row until the end of the transaction, then reads the state (a fresh statement: see AnnotationRepository#lock). */
    static ReviewState lock(Connection c, String imageId, Instant at) throws SQLException {
        ensure(c, imageId, at);
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setString(1, imageId);
            ps.executeQuery().close();
        }
        return state(c, imageId);
    }

    /** Moves the state to {@code to} if it is one of {@code from}; false (and nothing changed) otherwise. */
    static boolean transition(Connection c, String imageId, Set<ReviewState> from, ReviewState to, Instant at)
            throws SQLException {
        if (!from.contains(lock(c, imageId, at))) return false;
        set(c, imageId, to, at);
        return true;
    }

    static void set(Connection c, String imageId, ReviewState to, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SET_STATE)) {
            ps.setString(1, to.name());
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, imageId);
            ps.executeUpdate();
        }
    }

    static void setPriority(Connection c, String imageId, double priority, Instant at) throws SQLException {
        ensure(c, imageId, at);
        try (PreparedStatement ps = c.prepareStatement(SET_PRIORITY)) {
            ps.setDouble(1, priority);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, imageId);
            ps.executeUpdate();
        }
    }
}
