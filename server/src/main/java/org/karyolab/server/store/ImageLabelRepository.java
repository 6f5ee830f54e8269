package org.karyolab.server.store;

import org.karyolab.schema.ImageLabels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The labels of whole images (V5: {@code image_labels}, {@code image_label_revisions}). Each save names the
 * revision it was based on and succeeds only if that is still the current one (compare-and-set), so two
 * experts labelling the same image cannot silently overwrite each other.
 */
public final class ImageLabelRepository {

    /** Labels as of {@code revision}; revision 0 (no one set them yet) is {@link ImageLabels#EMPTY} with no author. */
    public record StoredLabels(String imageId, ImageLabels labels, long revision, String changedBy, Instant changedAt) {
        public static StoredLabels none(String imageId) {
            return new StoredLabels(imageId, ImageLabels.EMPTY, 0, null, null);
        }
    }

    public sealed interface SetResult {
        record Saved(StoredLabels saved) implements SetResult {}

        record NoSuchImage() implements SetResult {}

        /** The labels moved on since {@code expectedRevision}; nothing was written. */
        record Stale(long expectedRevision, StoredLabels current) implements SetResult {}
    }

    private static final String CURRENT =
            "SELECT image_id, revision, changed_by, changed_at, doc FROM image_labels WHERE image_id = ?";
    private static final String HISTORY =
            "SELECT image_id, revision, changed_by, changed_at, doc FROM image_label_revisions WHERE image_id = ? ORDER BY revision";
    private static final String INSERT_CURRENT =
            "INSERT INTO image_labels (image_id, revision, changed_by, changed_at, doc) VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_CURRENT =
            "UPDATE image_labels SET revision = ?, changed_by = ?, changed_at = ?, doc = ? WHERE image_id = ? AND revision = ?";
    private static final String INSERT_HISTORY =
            "INSERT INTO image_label_revisions (image_id, revision, changed_by, changed_at, doc) VALUES (?, ?, ?, ?, ?)";

    private final Database db;
    private final Clock clock;
    /** Whose saves these are: each appends its audit row in its own transaction, as annotations do. */
    private final AuditTrail trail;

    public ImageLabelRepository(Database db, Clock clock) {
        this(db, clock, AuditTrail.NONE);
    }

    public ImageLabelRepository(Database db, Clock clock, AuditTrail trail) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.trail = Objects.requireNonNull(trail);
    }

    /** The image's current labels, or empty if none were ever saved (the image may not exist either). */
    public Optional<StoredLabels> current(String imageId) {
        return db.inTransaction(c -> current(c, imageId));
    }

    /** Every saved revision, oldest first. */
    public List<StoredLabels> history(String imageId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
                ps.setString(1, imageId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StoredLabels> out = new ArrayList<>();
                    while (rs.next()) out.add(row(rs));
                    return out;
                }
            }
        });
    }

    /**
     * Saves {@code labels} as revision {@code expectedRevision + 1} if the image's labels are still at
     * {@code expectedRevision} (0: never saved). Current row, history row and audit row (see {@link AuditTrail})
     * commit together or not at all.
     */
    public SetResult set(String imageId, ImageLabels labels, long expectedRevision, String changedBy) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(changedBy, "changedBy");
        Optional<AuditRepository.Draft> audit = trail.current();
        List<AuditRepository.Draft> alongside = trail.alongside();
        SetResult result = Jdbc.retrying(() -> db.serializingWrites(() -> db.inTransaction(c -> {
            Optional<String> project = projectOf(c, imageId);
            if (project.isEmpty()) return new SetResult.NoSuchImage();
            long next = expectedRevision + 1;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String doc = Documents.write(labels);
            boolean written;
            if (expectedRevision == 0) {
                // First save: a concurrent first save makes this insert fail (23505); the retry then sees its row.
                if (current(c, imageId).isPresent()) {
                    written = false;
                } else {
                    try (PreparedStatement ps = c.prepareStatement(INSERT_CURRENT)) {
                        ps.setString(1, imageId);
                        ps.setLong(2, next);
                        ps.setString(3, changedBy);
                        Jdbc.setInstant(ps, 4, now);
                        ps.setString(5, doc);
                        written = ps.executeUpdate() == 1;
                    }
                }
            } else {
                // The compare-and-set: only the row still at the expected revision is changed.
                try (PreparedStatement ps = c.prepareStatement(UPDATE_CURRENT)) {
                    ps.setLong(1, next);
                    ps.setString(2, changedBy);
                    Jdbc.setInstant(ps, 3, now);
                    ps.setString(4, doc);
                    ps.setString(5, imageId);
                    ps.setLong(6, expectedRevision);
                    written = ps.executeUpdate() == 1;
                }
            }
            if (!written) {
                return new SetResult.Stale(expectedRevision, current(c, imageId).orElse(StoredLabels.none(imageId)));
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
                ps.setString(1, imageId);
                ps.setLong(2, next);
                ps.setString(3, changedBy);
                Jdbc.setInstant(ps, 4, now);
                ps.setString(5, doc);
                ps.executeUpdate();
            }
            if (audit.isPresent()) {
                AuditRepository.insert(c, audit.get().in(project.get(), "labels@" + next), now);
                for (AuditRepository.Draft also : alongside) AuditRepository.insert(c, also, now);
            }
            return new SetResult.Saved(new StoredLabels(imageId, labels, next, changedBy, now));
        })));
        if (result instanceof SetResult.Saved && audit.isPresent()) trail.written();
        return result;
    }

    private static Optional<StoredLabels> current(Connection c, String imageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setString(1, imageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** The project of a live (not deleted) image; empty if there is none. */
    private static Optional<String> projectOf(Connection c, String imageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM images WHERE id = ? AND deleted_at IS NULL")) {
            ps.setString(1, imageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static StoredLabels row(ResultSet rs) throws SQLException {
        return new StoredLabels(rs.getString("image_id"), Documents.read(rs.getString("doc"), ImageLabels.class),
                rs.getLong("revision"), rs.getString("changed_by"), Jdbc.getInstant(rs, "changed_at"));
    }
}
