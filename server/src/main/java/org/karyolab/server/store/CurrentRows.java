package org.karyolab.server.store;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How {@link AnnotationRepository} reads annotations' current rows inside a save's transaction. */
final class CurrentRows {

    private static final String CURRENT =
            "SELECT doc, deleted, image_id, revision, status, created_at, updated_at FROM annotations_current WHERE id = ?";
    private static final String CURRENTS = "SELECT doc, deleted, image_id, revision, status, created_at, updated_at, id"
            + " FROM annotations_current WHERE id IN (";
    private static final String LOCK_CURRENT = "SELECT id FROM annotations_current WHERE id = ? FOR UPDATE";

    /** At most this many ids in one {@code IN (...)} of {@link #batch(Connection, List)}. */
    private static final int READ_AT_ONCE = 500;

    /**
     * The current row, as read (and for a save: locked) in this transaction. An update needs only
     * its columns; the document is parsed only when a change needs its content (a delete, a
     * conflict): parsing it for every save was a tenth of the single writer's time.
     */
    record Current(String doc, boolean deleted, String imageId, long revision, AnnotationStatus status,
                   Instant createdAt, Instant updatedAt) {
        Annotation annotation() {
            return Documents.read(doc, Annotation.class);
        }
    }

    private final boolean rowLocks;

    /** @param rowLocks whether the database locks rows ({@code FOR UPDATE}); H2's writes take turns instead */
    CurrentRows(boolean rowLocks) {
        this.rowLocks = rowLocks;
    }

    /**
     * Locks the current row until the end of the transaction; false if there is none. The caller
     * reads the row afterwards, in a separate statement, on purpose: H2 can return the row as it
     * was when a {@code SELECT ... FOR UPDATE} started, before it waited for another writer's
     * lock; a new statement (READ COMMITTED) sees that writer's commit, and nobody can commit
     * after it while we hold the lock.
     */
    static boolean lock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK_CURRENT)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The current row, locked first if {@code lock} (and the database locks rows); null if there is none. */
    Current read(Connection c, String id, boolean lock) throws SQLException {
        if (lock && rowLocks && !lock(c, id)) return null;
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? current(rs) : null;
            }
        }
    }

    /** Nothing read up front: every row is read (and locked) when taken. */
    Batch batch() {
        return new Batch(Map.of());
    }

    /**
     * The current rows of {@code ids}, already locked where the database locks rows, read up front in one
     * statement per {@link #READ_AT_ONCE} ids: a batch of five updates was five queries on the single H2 writer,
     * each opening the table's transaction maps anew.
     */
    Batch batch(Connection c, List<String> ids) throws SQLException {
        Map<String, Current> read = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READ_AT_ONCE) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + READ_AT_ONCE));
            String sql = CURRENTS + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) ps.setString(i + 1, part.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) read.put(rs.getString(8), current(rs));
                }
            }
        }
        return new Batch(read);
    }

    /** A batch's current rows read up front. Each is handed out once: a second change of one annotation reads it anew. */
    final class Batch {
        private final Map<String, Current> read;

        private Batch(Map<String, Current> read) {
            this.read = new HashMap<>(read);
        }

        /** The current row of {@code id}, locked where the database locks rows; null if there is none. */
        Current take(Connection c, String id) throws SQLException {
            Current up = read.remove(id);
            return up != null ? up : read(c, id, true);
        }
    }

    /** A row of {@link #CURRENT} or {@link #CURRENTS}, by position: read by label, H2 builds a map of the labels for each result. */
    private static Current current(ResultSet rs) throws SQLException {
        return new Current(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4),
                AnnotationStatus.valueOf(rs.getString(5)), Jdbc.getInstant(rs, 6), Jdbc.getInstant(rs, 7));
    }
}
