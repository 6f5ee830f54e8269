package org.karyolab.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Who is a member of which project, with which role (stored by the role's name). */
public final class MemberRepository {

    public record Member(String projectId, String userId, String username, String role, Instant addedAt) {}

    private final Database db;

    public MemberRepository(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    /** Adds the member or changes their role. */
    public void put(String projectId, String userId, String role, Instant now) {
        Jdbc.retrying(() -> db.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE project_members SET role = ? WHERE project_id = ? AND user_id = ?")) {
                up.setString(1, role);
                up.setString(2, projectId);
                up.setString(3, userId);
                if (up.executeUpdate() == 1) return 1;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO project_members (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, projectId);
                ps.setString(2, userId);
                ps.setString(3, role);
                Jdbc.setInstant(ps, 4, now);
                return ps.executeUpdate();
            }
        }));
    }

    public boolean remove(String projectId, String userId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM project_members WHERE project_id = ? AND user_id = ?")) {
                ps.setString(1, projectId);
                ps.setString(2, userId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The role's name, or empty if the user is not a member. */
    public Optional<String> roleOf(String projectId, String userId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT role FROM project_members WHERE project_id = ? AND user_id = ?")) {
                ps.setString(1, projectId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public List<Member> members(String projectId) {
        return db.inTransaction(c -> {
            List<Member> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.project_id, m.user_id, u.username, m.role, m.added_at "
                    + "FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = ? ORDER BY u.username")) {
                ps.setString(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Jdbc.getInstant(rs, "added_at")));
                    }
                }
            }
            return out;
        });
    }

    /** The ids of the projects this user is a member of. */
    public List<String> projectsOf(String userId) {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM project_members WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
