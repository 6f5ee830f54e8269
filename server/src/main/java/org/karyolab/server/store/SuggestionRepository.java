package org.karyolab.server.store;

import org.karyolab.schema.api.Suggestion.State;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Shape;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Model suggestions, apart from annotations. A suggestion is stored once per (image, model id, model
 * version, content hash): posting it again returns the stored one, decided or not. Accepting one
 * writes its annotation through {@link AnnotationRepository} and records the decision in the same
 * transaction, so there is never an accepted suggestion without its annotation, or the reverse.
 */
public final class SuggestionRepository {

    private static final String COLUMNS = "id, image_id, project_id, model_id, model_version, confidence, shape, labels,"
            + " posted_by, posted_at, state, decided_by, decided_at, annotation_id, edit_size, reason";
    private static final String IMAGE_PROJECT = "SELECT project_id FROM images WHERE id = ? AND deleted_at IS NULL";
    private static final String BY_KEY = "SELECT " + COLUMNS + " FROM suggestions"
            + " WHERE image_id = ? AND model_id = ? AND model_version = ? AND content_hash = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM suggestions WHERE id = ?";
    private static final String BY_IMAGE = "SELECT " + COLUMNS + " FROM suggestions WHERE image_id = ? ORDER BY posted_at, id";
    private static final String OPEN_BY_IMAGE = "SELECT " + COLUMNS + " FROM suggestions"
            + " WHERE image_id = ? AND state = 'OPEN' ORDER BY posted_at, id";
    private static final String INSERT = "INSERT INTO suggestions (id, image_id, project_id, model_id, model_version,"
            + " content_hash, confidence, shape, labels, posted_by, posted_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')";
    // Only an open suggestion can be decided: the WHERE clause is the once-only rule, also under races.
    private static final String DECIDE = "UPDATE suggestions SET state = ?, decided_by = ?, decided_at = ?,"
            + " annotation_id = ?, edit_size = ?, reason = ? WHERE id = ? AND state = 'OPEN'";
    private static final String MODELS = "SELECT model_id, model_version, COUNT(*) AS posted,"
            + " SUM(CASE WHEN state = 'OPEN' THEN 1 ELSE 0 END) AS open_count,"
            + " SUM(CASE WHEN state = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted,"
            + " SUM(CASE WHEN state = 'EDITED' THEN 1 ELSE 0 END) AS edited,"
            + " SUM(CASE WHEN state = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,"
            + " AVG(CASE WHEN state IN ('ACCEPTED', 'EDITED') THEN edit_size END) AS mean_edit_size"
            + " FROM suggestions WHERE project_id = ? GROUP BY model_id, model_version ORDER BY model_id, model_version";

    /** A suggestion to store, with the hash of its shape and labels that identifies it for its model. */
    public record Pending(Suggestion suggestion, String contentHash) {}

    /** What posting came to: the stored suggestion, and whether this post stored it (false: it was there). */
    public record Posted(Suggestion suggestion, boolean created) {}

    /** Counts per model id and version in a project. */
    public record ModelCounts(String modelId, String modelVersion, long posted, long open, long accepted, long edited,
                              long rejected, Double meanEditSize) {}

    /** What deciding a suggestion came to. */
    public sealed interface Decision {
        /** Decided now; {@code annotation} is what an accept made (null for a reject). */
        record Decided(Suggestion suggestion, Annotation annotation) implements Decision {}

        /** Someone decided it before; nothing changed. */
        record AlreadyDecided(Suggestion current) implements Decision {}

        record NotFound(String id) implements Decision {}

        /** The annotation could not be written (e.g. its image is gone); nothing changed. */
        record NotSaved(BatchResult.Rejected reason) implements Decision {}
    }

    private final Database db;
    private final AnnotationRepository annotations;

    public SuggestionRepository(Database db, AnnotationRepository annotations) {
        this.db = Objects.requireNonNull(db);
        this.annotations = Objects.requireNonNull(annotations);
    }

    /**
     * Stores the suggestions that are not stored yet, all in one transaction, and returns each one as
     * stored (the existing row for a repeat, in whatever state it is). Two concurrent posts of the same
     * suggestion: one inserts, the other hits the unique key, runs again and finds it.
     */
    public List<Posted> post(List<Pending> pending) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            List<Posted> out = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                Suggestion s = p.suggestion();
                Suggestion existing = one(c, BY_KEY, s.imageId(), s.modelId(), s.modelVersion(), p.contentHash());
                if (existing != null) {
                    out.add(new Posted(existing, false));
                    continue;
                }
                String projectId = projectOf(c, s.imageId());
                if (projectId == null) throw new IllegalArgumentException("no image " + s.imageId());
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setString(1, s.id());
                    ps.setString(2, s.imageId());
                    ps.setString(3, projectId);
                    ps.setString(4, s.modelId());
                    ps.setString(5, s.modelVersion());
                    ps.setString(6, p.contentHash());
                    ps.setDouble(7, s.confidence());
                    ps.setString(8, Documents.write(s.shape()));
                    ps.setString(9, Documents.write(s.labels()));
                    ps.setString(10, s.postedBy());
                    Jdbc.setInstant(ps, 11, s.postedAt());
                    ps.executeUpdate();
                }
                out.add(new Posted(one(c, BY_ID, s.id()), true));
            }
            return out;
        })));
    }

    public Optional<Suggestion> get(String id) {
        return db.inTransaction(c -> Optional.ofNullable(one(c, BY_ID, id)));
    }

    /** An image's suggestions, oldest first: only the open ones, or all. */
    public List<Suggestion> list(String imageId, boolean openOnly) {
        return db.inTransaction(c -> many(c, openOnly ? OPEN_BY_IMAGE : BY_IMAGE, imageId));
    }

    /**
     * Accepts (state ACCEPTED or EDITED): applies {@code changes} (the annotation the suggestion becomes)
     * and records the decision in one transaction. If the suggestion was decided meanwhile, nothing is saved.
     */
    public Decision accept(String id, String imageId, List<? extends Change> changes, State state,
                           String by, Instant at, String annotationId, double editSize) {
        Optional<BatchResult> result = annotations.saveBatch(imageId, changes,
                (c, saved) -> decide(c, id, state, by, at, annotationId, editSize, null));
        if (result.isEmpty()) return alreadyDecided(id);
        return switch (result.get()) {
            case BatchResult.Applied applied -> new Decision.Decided(get(id).orElseThrow(), applied.saved().getLast());
            case BatchResult.Rejected rejected -> new Decision.NotSaved(rejected);
        };
    }

    public Decision reject(String id, String by, Instant at, String reason) {
        boolean decided = db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(
                c -> decide(c, id, State.REJECTED, by, at, null, null, reason), ok -> ok)));
        return decided ? new Decision.Decided(get(id).orElseThrow(), null) : alreadyDecided(id);
    }

    public List<ModelCounts> models(String projectId) {
        return db.inTransaction(c -> {
            List<ModelCounts> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(MODELS)) {
                ps.setString(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double mean = rs.getDouble("mean_edit_size");
                        Double meanEdit = rs.wasNull() ? null : mean;
                        out.add(new ModelCounts(rs.getString("model_id"), rs.getString("model_version"),
                                rs.getLong("posted"), rs.getLong("open_count"), rs.getLong("accepted"),
                                rs.getLong("edited"), rs.getLong("rejected"), meanEdit));
                    }
                }
            }
            return out;
        });
    }

    private Decision alreadyDecided(String id) {
        return get(id).<Decision>map(Decision.AlreadyDecided::new).orElseGet(() -> new Decision.NotFound(id));
    }

    private static boolean decide(Connection c, String id, State state, String by, Instant at,
                                  String annotationId, Double editSize, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DECIDE)) {
            ps.setString(1, state.name());
            ps.setString(2, by);
            Jdbc.setInstant(ps, 3, at);
            ps.setString(4, annotationId);
            if (editSize == null) ps.setNull(5, Types.DOUBLE);
            else ps.setDouble(5, editSize);
            ps.setString(6, reason);
            ps.setString(7, id);
            return ps.executeUpdate() == 1;
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

    private static Suggestion one(Connection c, String sql, String... keys) throws SQLException {
        List<Suggestion> found = many(c, sql, keys);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Suggestion> many(Connection c, String sql, String... keys) throws SQLException {
        List<Suggestion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) ps.setString(i + 1, keys[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double edit = rs.getDouble("edit_size");
                    Double editSize = rs.wasNull() ? null : edit;
                    out.add(new Suggestion(rs.getString("id"), rs.getString("image_id"), rs.getString("project_id"),
                            rs.getString("model_id"), rs.getString("model_version"),
                            Documents.read(rs.getString("shape"), Shape.class),
                            Documents.read(rs.getString("labels"), AnnotationLabels.class),
                            rs.getDouble("confidence"), rs.getString("posted_by"), Jdbc.getInstant(rs, "posted_at"),
                            State.valueOf(rs.getString("state")), rs.getString("decided_by"),
                            Jdbc.getInstant(rs, "decided_at"), rs.getString("annotation_id"), editSize,
                            rs.getString("reason")));
                }
            }
        }
        return out;
    }
}
