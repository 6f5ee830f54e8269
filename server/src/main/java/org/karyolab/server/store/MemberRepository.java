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

    /** What a change of membership came to. */
    public enum Change { DONE, NOT_A_MEMBER, LAST_OWNER }

    private static final String OWNER = "OWNER";

    /**
     * Adds the member or changes their role; refused (LAST_OWNER) when it would leave the project
     * without an owner. The owners' rows are locked first, so two owners demoting each other at once
     * cannot both succeed (on H2 the JVM's write lock stands for the row locks).
     */
    public Change put(String projectId, String userId, String role, Instant now) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            if (!OWNER.equals(role) && isLastOwner(c, projectId, userId)) return Change.LAST_OWNER;
            try (PreparedStatement up = c.prepareStatement("UPDATE project_members SET role = ? WHERE project_id = ? AND user_id = ?")) {
                up.setString(1, role);
                up.setString(2, projectId);
                up.setString(3, userId);
                if (up.executeUpdate() == 1) return Change.DONE;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO project_members (project_id, user_id, role, added_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, projectId);
                ps.setString(2, userId);
                ps.setString(3, role);
                Jdbc.setInstant(ps, 4, now);
                ps.executeUpdate();
                return Change.DONE;
            }
        }, r -> r == Change.DONE)));
    }

    /** Removes a member (they leave, or an owner removes them); never the last owner. */
    public Change remove(String projectId, String userId) {
        return db.serializingWrites(() -> Jdbc.retrying(() -> db.inTransaction(c -> {
            if (isLastOwner(c, projectId, userId)) return Change.LAST_OWNER;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM project_members WHERE project_id = ? AND user_id = ?")) {
                ps.setString(1, projectId);
                ps.setString(2, userId);
                return ps.executeUpdate() == 1 ? Change.DONE : Change.NOT_A_MEMBER;
            }
        })));
    }

    /** Whether {@code userId} is the one owner of the project; locks the owners' rows. */
    private static boolean isLastOwner(java.sql.Connection c, String projectId, String userId) throws java.sql.SQLException {
        List<String> owners = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT user_id FROM project_members WHERE project_id = ? AND role = ? FOR UPDATE")) {
            ps.setString(1, projectId);
            ps.setString(2, OWNER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) owners.add(rs.getString(1));
            }
        }
        return owners.equals(List.of(userId));
    }

    /** Whether the user is the one owner of at least one project (such an account may not be deleted). */
    public boolean isSoleOwnerSomewhere(String userId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM project_members m JOIN projects p ON p.id = m.project_id"
                    + " WHERE p.deleted_at IS NULL AND m.user_id = ? AND m.role = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM project_members o WHERE o.project_id = m.project_id"
                    + " AND o.role = ? AND o.user_id <> m.user_id)")) {
                ps.setString(1, userId);
                ps.setString(2, OWNER);
                ps.setString(3, OWNER);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The role's name, or empty if the user is not a member. */
    public Optional<String> roleOf(String projectId, String userId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT m.role FROM project_members m JOIN projects p"
                    + " ON p.id = m.project_id WHERE m.project_id = ? AND m.user_id = ? AND p.deleted_at IS NULL")) {
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
