package org.karyolab.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The audit log: one row per write, only ever appended. */
public final class AuditRepository {

    public record Entry(long seq, String projectId, String actor, String remote, String action, String target,
                        Instant at, String detail) {}

    private final Database db;

    public AuditRepository(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    /** An entry to be written, in its own transaction or inside another write's. */
    public record Draft(String projectId, String actor, String remote, String action, String target, String detail) {
        /** This entry about a write in {@code project}, described by {@code what}. */
        public Draft in(String project, String what) {
            return new Draft(project, actor, remote, action, target, what);
        }
    }

    public void append(String projectId, String actor, String remote, String action, String target, Instant at,
                       String detail) {
        db.inTransaction(c -> insert(c, new Draft(projectId, actor, remote, action, target, detail), at));
    }

    static int insert(Connection c, Draft d, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (project_id, actor, remote, action, target, at, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.projectId());
            ps.setString(2, d.actor());
            ps.setString(3, d.remote());
            ps.setString(4, d.action());
            ps.setString(5, d.target());
            Jdbc.setInstant(ps, 6, at);
            ps.setString(7, d.detail());
            return ps.executeUpdate();
        }
    }

    /** Entries outside any project (accounts, sign-ins), newest first, as {@link #ofProject}. */
    public List<Entry> outsideProjects(Long beforeSeq, int limit) {
        return ofProject(null, beforeSeq, limit);
    }

    /** A project's entries, newest first, at most {@code limit}, older than {@code beforeSeq} when given. */
    public List<Entry> ofProject(String projectId, Long beforeSeq, int limit) {
        return db.inTransaction(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, project_id, actor, remote, action, target, at, detail "
                    + "FROM audit_log WHERE " + (projectId == null ? "project_id IS NULL" : "project_id = ?")
                    + " AND seq < ? ORDER BY seq DESC LIMIT ?")) {
                int i = 1;
                if (projectId != null) ps.setString(i++, projectId);
                ps.setLong(i++, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), Jdbc.getInstant(rs, "at"), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }
}
