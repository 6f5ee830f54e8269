package org.karyolab.server.store;

import org.karyolab.schema.api.ReviewState;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Split;
import org.karyolab.schema.Stain;

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

    /** SAME_BYTES: the project already has a (not deleted) image of these bytes; nothing was added. */
    public enum AddResult { ADDED, ALREADY_EXISTS, NO_SUCH_PROJECT, SAME_BYTES }

    /** Locks the project row: adds to one project take turns, so two uploads of the same bytes cannot both add. */
    private static final String LOCK_PROJECT = "SELECT id FROM projects WHERE id = ? AND deleted_at IS NULL FOR UPDATE";
    private static final String SAME_BYTES = "SELECT project_id, added_at, doc FROM images"
            + " WHERE project_id = ? AND sha256 = ? AND deleted_at IS NULL ORDER BY upload_seq";
    private static final String INSERT = "INSERT INTO images (id, project_id, sha256, added_at, doc, kind, stain, case_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    // Deleted images (V8) are skipped by every query but the ones that say otherwise.
    private static final String BY_ID = "SELECT project_id, added_at, doc FROM images WHERE id = ? AND deleted_at IS NULL";
    private static final String BY_PROJECT =
            "SELECT project_id, added_at, doc FROM images WHERE project_id = ? AND deleted_at IS NULL ORDER BY id";
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
            if (!exists(c, LOCK_PROJECT, projectId)) return AddResult.NO_SUCH_PROJECT;
            if (exists(c, "SELECT 1 FROM images WHERE id = ?", image.id())) return AddResult.ALREADY_EXISTS;
            if (!sameBytes(c, projectId, image.sha256()).isEmpty()) return AddResult.SAME_BYTES;
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, image.id());
                ps.setString(2, projectId);
                ps.setString(3, image.sha256());
                Jdbc.setInstant(ps, 4, clock.instant().truncatedTo(ChronoUnit.MICROS));
                ps.setString(5, Documents.write(image));
                ps.setString(6, image.kind() == null ? null : image.kind().name());
                ps.setString(7, image.stain() == null ? null : image.stain().name());
                ps.setString(8, image.caseId());
                ps.executeUpdate(); // a concurrent add of the same id fails (23505), is retried, sees it
            }
            return AddResult.ADDED;
        }));
    }

    /** The first (not deleted) image of a project showing these bytes. */
    public Optional<ImageAsset> withSameBytes(String projectId, String sha256) {
        return db.inTransaction(c -> sameBytes(c, projectId, sha256).stream().findFirst().map(StoredImage::image));
    }

    private static List<StoredImage> sameBytes(Connection c, String projectId, String sha256) throws SQLException {
        List<StoredImage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SAME_BYTES)) {
            ps.setString(1, projectId);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(stored(rs));
            }
        }
        return out;
    }

    /**
     * Deletes an image (softly, see V8): it is gone for every route, list and the queue, and its leases
     * end; its annotations, history and bytes stay. False if there is no such (live) image.
     */
    public boolean delete(String imageId, String by, Instant at) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE images SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setString(3, imageId);
                if (ps.executeUpdate() != 1) return false;
            }
            LeaseRepository.releaseAll(c, imageId, at);
            return true;
        })));
    }

    /** The project of an image, without reading its document: the guard asks this on every image route. */
    public Optional<String> projectOf(String imageId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM images WHERE id = ? AND deleted_at IS NULL")) {
                ps.setString(1, imageId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
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

    // --- listing, split and metadata (V4) --------------------------------------------------------

    /** An image as listed: its metadata, its split, its place in upload order, and how far its work is. */
    public record ListedImage(ImageAsset image, Split split, long uploadSeq, Instant addedAt, Progress progress) {}

    /**
     * How far an image's work is, as the image list shows it: live (not deleted) annotations, suggestions
     * nobody decided yet, and where it is in review.
     */
    public record Progress(long annotations, long openSuggestions, ReviewState reviewState) {
        /** A new image's. */
        public static final Progress NONE = new Progress(0, 0, ReviewState.OPEN);
    }

    /** What a list is narrowed to; a null field does not narrow. */
    public record Filter(ImageKind kind, Stain stain, String caseId, Split split) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** Another image of the same case that is in a different split. */
    public record SplitConflict(String imageId, Split split) {}

    public sealed interface MetadataResult {
        record Updated(ListedImage image) implements MetadataResult {}

        record NotFound(String imageId) implements MetadataResult {}

        /** Nothing was changed: other images of {@code caseId} are in another split. */
        record CaseSplit(String caseId, Split wanted, List<SplitConflict> conflicts) implements MetadataResult {}
    }

    // The progress columns are one subquery each per listed image, on indexes (annotations_current_by_image,
    // suggestions_by_image (V9), the image_workflow key): a page costs a few index look-ups per image.
    private static final String LISTED_COLUMNS = "SELECT doc, split, upload_seq, added_at,"
            + " (SELECT COUNT(*) FROM annotations_current a WHERE a.image_id = images.id AND a.deleted = FALSE) AS annotation_count,"
            + " (SELECT COUNT(*) FROM suggestions s WHERE s.image_id = images.id AND s.state = 'OPEN') AS open_suggestions,"
            + " (SELECT w.review_state FROM image_workflow w WHERE w.image_id = images.id) AS review_state"
            + " FROM images";
    private static final String LISTED_BY_ID = LISTED_COLUMNS + " WHERE id = ? AND deleted_at IS NULL";
    private static final String LOCK_IMAGE = "SELECT project_id FROM images WHERE id = ? AND deleted_at IS NULL FOR UPDATE";
    private static final String LOCK_CASE = "SELECT id, split FROM images WHERE project_id = ? AND case_id = ?"
            + " AND deleted_at IS NULL ORDER BY id FOR UPDATE";
    private static final String UPDATE_METADATA =
            "UPDATE images SET doc = ?, kind = ?, stain = ?, case_id = ?, split = ? WHERE id = ?";
    private static final String UNINDEXED = "SELECT id, doc FROM images WHERE case_id IS NULL";
    private static final String FILL_INDEX = "UPDATE images SET kind = ?, stain = ?, case_id = ? WHERE id = ?";

    /** One image with its split; empty if there is no such image. */
    public Optional<ListedImage> listed(String imageId) {
        return db.inTransaction(c -> listedById(c, imageId));
    }

    /**
     * Up to {@code limit} images of a project in upload order, after {@code afterSeq} (null: from
     * the start). Keyset paging: a page never repeats or skips an image that was there before.
     */
    public List<ListedImage> page(String projectId, Filter filter, Long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder(LISTED_COLUMNS).append(" WHERE project_id = ? AND deleted_at IS NULL");
        List<Object> args = new ArrayList<>(List.of(projectId));
        if (afterSeq != null) { sql.append(" AND upload_seq > ?"); args.add(afterSeq); }
        if (filter.kind() != null) { sql.append(" AND kind = ?"); args.add(filter.kind().name()); }
        if (filter.stain() != null) { sql.append(" AND stain = ?"); args.add(filter.stain().name()); }
        if (filter.caseId() != null) { sql.append(" AND case_id = ?"); args.add(filter.caseId()); }
        if (filter.split() != null) { sql.append(" AND split = ?"); args.add(filter.split().name()); }
        sql.append(" ORDER BY upload_seq LIMIT ?");
        args.add(limit);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    List<ListedImage> out = new ArrayList<>();
                    while (rs.next()) out.add(listed(rs));
                    return out;
                }
            }
        });
    }

    /**
     * Replaces an image's metadata document and split, unless that would put its case in two
     * splits: the image and every image of its (new) case are locked first, so two concurrent
     * changes of one case take turns and the second sees the first.
     */
    public MetadataResult setMetadata(String imageId, ImageAsset changed, Split split) {
        Objects.requireNonNull(split, "split");
        if (!imageId.equals(changed.id())) throw new IllegalArgumentException("the document is of another image");
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            String projectId;
            try (PreparedStatement ps = c.prepareStatement(LOCK_IMAGE)) {
                ps.setString(1, imageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return (MetadataResult) new MetadataResult.NotFound(imageId);
                    projectId = rs.getString(1);
                }
            }
            List<SplitConflict> conflicts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LOCK_CASE)) {
                ps.setString(1, projectId);
                ps.setString(2, changed.caseId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Split other = Split.valueOf(rs.getString("split"));
                        if (!rs.getString("id").equals(imageId) && split != Split.UNASSIGNED
                                && other != Split.UNASSIGNED && other != split) {
                            conflicts.add(new SplitConflict(rs.getString("id"), other));
                        }
                    }
                }
            }
            if (!conflicts.isEmpty()) return new MetadataResult.CaseSplit(changed.caseId(), split, conflicts);
            try (PreparedStatement ps = c.prepareStatement(UPDATE_METADATA)) {
                ps.setString(1, Documents.write(changed));
                ps.setString(2, changed.kind() == null ? null : changed.kind().name());
                ps.setString(3, changed.stain() == null ? null : changed.stain().name());
                ps.setString(4, changed.caseId());
                ps.setString(5, split.name());
                ps.setString(6, imageId);
                ps.executeUpdate();
            }
            return new MetadataResult.Updated(listedById(c, imageId).orElseThrow());
        })));
    }

    /**
     * Copies kind, stain and case id out of the documents of images stored before those columns
     * existed (V4), so filters find them. A no-op once done; run at start-up.
     */
    public int fillIndexColumns() {
        return db.serializingWrites(() -> db.inTransaction(c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(UNINDEXED); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new String[] {rs.getString("id"), rs.getString("doc")});
            }
            try (PreparedStatement ps = c.prepareStatement(FILL_INDEX)) {
                for (String[] row : rows) {
                    ImageAsset image = Documents.read(row[1], ImageAsset.class);
                    ps.setString(1, image.kind() == null ? null : image.kind().name());
                    ps.setString(2, image.stain() == null ? null : image.stain().name());
                    ps.setString(3, image.caseId() == null ? "" : image.caseId());
                    ps.setString(4, row[0]);
                    ps.executeUpdate();
                }
            }
            return rows.size();
        }));
    }

    private static Optional<ListedImage> listedById(Connection c, String imageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LISTED_BY_ID)) {
            ps.setString(1, imageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(listed(rs)) : Optional.empty();
            }
        }
    }

    private static ListedImage listed(ResultSet rs) throws SQLException {
        String review = rs.getString("review_state"); // no workflow row: nobody submitted it yet
        return new ListedImage(Documents.read(rs.getString("doc"), ImageAsset.class), Split.valueOf(rs.getString("split")),
                rs.getLong("upload_seq"), Jdbc.getInstant(rs, "added_at"), new Progress(rs.getLong("annotation_count"),
                rs.getLong("open_suggestions"), review == null ? ReviewState.OPEN : ReviewState.valueOf(review)));
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
                while (rs.next()) out.add(stored(rs));
            }
        }
        return out;
    }

    private static StoredImage stored(ResultSet rs) throws SQLException {
        return new StoredImage(rs.getString("project_id"), Documents.read(rs.getString("doc"), ImageAsset.class),
                Jdbc.getInstant(rs, "added_at"));
    }
}
