package org.karyolab.server.store;

import org.karyolab.schema.Project;

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
import java.util.UUID;

/** Projects. A project is identified by a generated id; its name is unique too. */
public final class ProjectRepository {

    /** A project as stored. */
    public record StoredProject(String id, Project project, Instant createdAt) {}

    private static final String INSERT = "INSERT INTO projects (id, name, created_at, doc) VALUES (?, ?, ?, ?)";
    private static final String COLUMNS = "SELECT id, created_at, doc FROM projects";
    // Deleted projects (V8) are skipped; their name column is freed on delete (the document keeps the name).
    private static final String BY_ID = COLUMNS + " WHERE id = ? AND deleted_at IS NULL";
    private static final String BY_NAME = COLUMNS + " WHERE name = ?";
    private static final String ALL = COLUMNS + " WHERE deleted_at IS NULL ORDER BY name, id";

    private final Database db;
    private final Clock clock;

    public ProjectRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public ProjectRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Creates a project with a new id; empty if a project of that name already exists. */
    public Optional<StoredProject> create(Project project) {
        Objects.requireNonNull(project.name(), "project name");
        StoredProject stored = new StoredProject(UUID.randomUUID().toString(), project,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return Jdbc.retrying(() -> db.inTransaction(c -> {
            if (one(c, BY_NAME, project.name()).isPresent()) return Optional.<StoredProject>empty();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, stored.id());
                ps.setString(2, project.name());
                Jdbc.setInstant(ps, 3, stored.createdAt());
                ps.setString(4, Documents.write(project));
                ps.executeUpdate(); // a concurrent create of the same name fails (23505), is retried, sees it
            }
            return Optional.of(stored);
        }));
    }

    /** Replaces a project's settings (name, label set, defaults); empty if there is no such project or the new name is taken. */
    public Optional<StoredProject> update(String id, Project project) {
        return Jdbc.retrying(() -> db.inTransaction(c -> {
            Optional<StoredProject> current = one(c, BY_ID, id);
            if (current.isEmpty()) return Optional.<StoredProject>empty();
            Optional<StoredProject> sameName = one(c, BY_NAME, project.name());
            if (sameName.isPresent() && !sameName.get().id().equals(id)) return Optional.<StoredProject>empty();
            try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET name = ?, doc = ? WHERE id = ?")) {
                ps.setString(1, project.name());
                ps.setString(2, Documents.write(project));
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return Optional.of(new StoredProject(id, project, current.get().createdAt()));
        }));
    }

    public boolean exists(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM projects WHERE id = ? AND deleted_at IS NULL")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Deletes a project (softly, see V8): it and its images are gone for every route and list; its
     * name may be used again; everything in it is kept. False if there is no such (live) project.
     */
    public boolean delete(String id, String by, Instant at) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET deleted_at = ?, deleted_by = ?, name = ?"
                    + " WHERE id = ? AND deleted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setString(3, "deleted:" + id);
                ps.setString(4, id);
                if (ps.executeUpdate() != 1) return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE images SET deleted_at = ?, deleted_by = ?"
                    + " WHERE project_id = ? AND deleted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setString(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE leases SET held_image = NULL, held_by = NULL,"
                    + " released_at = ? WHERE project_id = ? AND held_image IS NOT NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return true;
        })));
    }

    public Optional<StoredProject> get(String id) {
        return db.inTransaction(c -> one(c, BY_ID, id));
    }

    public Optional<StoredProject> findByName(String name) {
        return db.inTransaction(c -> one(c, BY_NAME, name));
    }

    /** All projects, by name. */
    public List<StoredProject> list() {
        return db.inTransaction(c -> {
            List<StoredProject> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ALL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        });
    }

    private static Optional<StoredProject> one(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static StoredProject row(ResultSet rs) throws SQLException {
        return new StoredProject(rs.getString("id"), Documents.read(rs.getString("doc"), Project.class),
                Jdbc.getInstant(rs, "created_at"));
    }
}
