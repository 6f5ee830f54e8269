package org.karyolab.server.store;

import org.karyolab.schema.ImageAsset;

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
 * Image metadata, per project. The bytes are in the {@link BlobStore} under
 * {@link ImageAsset#sha256()}; store the blob first, then the metadata.
 */
public final class ImageRepository {

    /** An image as stored, with the project it belongs to. */
    public record StoredImage(String projectId, ImageAsset image, Instant addedAt) {}

    public enum AddResult { ADDED, ALREADY_EXISTS, NO_SUCH_PROJECT }

    private static final String PROJECT_EXISTS = "SELECT 1 FROM projects WHERE id = ?";
    private static final String INSERT = "INSERT INTO images (id, project_id, sha256, added_at, doc) VALUES (?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT project_id, added_at, doc FROM images WHERE id = ?";
    private static final String BY_PROJECT = "SELECT project_id, added_at, doc FROM images WHERE project_id = ? ORDER BY id";
    private static final String BY_SHA = "SELECT project_id, added_at, doc FROM images WHERE sha256 = ? ORDER BY id";

    private final Database db;
    private final Clock clock;

    public ImageRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public ImageRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Adds an image's metadata to a project; an image id is global, not per project. */
    public AddResult add(String projectId, ImageAsset image) {
        Objects.requireNonNull(image.id(), "image id");
        Objects.requireNonNull(image.sha256(), "image sha256");
        return Jdbc.retrying(() -> db.inTransaction(c -> {
            if (!exists(c, PROJECT_EXISTS, projectId)) return AddResult.NO_SUCH_PROJECT;
            if (!list(c, BY_ID, image.id()).isEmpty()) return AddResult.ALREADY_EXISTS;
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, image.id());
                ps.setString(2, projectId);
                ps.setString(3, image.sha256());
                Jdbc.setInstant(ps, 4, clock.instant().truncatedTo(ChronoUnit.MICROS));
                ps.setString(5, Documents.write(image));
                ps.executeUpdate(); // a concurrent add of the same id fails (23505), is retried, sees it
            }
            return AddResult.ADDED;
        }));
    }

    public Optional<StoredImage> get(String imageId) {
        return db.inTransaction(c -> list(c, BY_ID, imageId).stream().findFirst());
    }

    /** The images of a project, by id. */
    public List<ImageAsset> list(String projectId) {
        return db.inTransaction(c -> list(c, BY_PROJECT, projectId).stream().map(StoredImage::image).toList());
    }

    /** Every image showing these bytes (in any project). */
    public List<StoredImage> withSha256(String sha256) {
        return db.inTransaction(c -> list(c, BY_SHA, sha256));
    }

    private static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<StoredImage> list(Connection c, String sql, String key) throws SQLException {
        List<StoredImage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredImage(rs.getString("project_id"), Documents.read(rs.getString("doc"), ImageAsset.class),
                            Jdbc.getInstant(rs, "added_at")));
                }
            }
        }
        return out;
    }
}
