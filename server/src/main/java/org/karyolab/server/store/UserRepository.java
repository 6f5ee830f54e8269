package org.karyolab.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Users and their bearer tokens (kept as hashes only). */
public final class UserRepository {

    public record StoredUser(String id, String username, String passwordHash, boolean admin, Instant createdAt,
                             Instant disabledAt, Instant deletedAt) {
        public StoredUser(String id, String username, String passwordHash, boolean admin, Instant createdAt) {
            this(id, username, passwordHash, admin, createdAt, null, null);
        }

        /** May sign in and use tokens. */
        public boolean active() {
            return disabledAt == null && deletedAt == null;
        }
    }

    public enum TokenKind { SESSION, API }

    /** A token's record: never the token itself, only its hash. */
    public record StoredToken(String id, String userId, TokenKind kind, String name, Instant createdAt,
                              Instant expiresAt, Instant revokedAt) {}

    private static final String USER_COLUMNS = "SELECT id, username, password_hash, admin, created_at, disabled_at, deleted_at FROM users";
    private static final String TOKEN_COLUMNS = "SELECT id, user_id, kind, name, created_at, expires_at, revoked_at FROM tokens";

    private final Database db;

    public UserRepository(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    /** Empty if the username is taken. */
    public Optional<StoredUser> create(StoredUser user) {
        return Jdbc.retrying(() -> db.inTransaction(c -> {
            if (one(c, USER_COLUMNS + " WHERE username = ?", user.username()).isPresent()) return Optional.<StoredUser>empty();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (id, username, password_hash, admin, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, user.id());
                ps.setString(2, user.username());
                ps.setString(3, user.passwordHash());
                ps.setBoolean(4, user.admin());
                Jdbc.setInstant(ps, 5, user.createdAt());
                ps.executeUpdate();
            }
            return Optional.of(user);
        }));
    }

    public Optional<StoredUser> byUsername(String username) {
        return db.inTransaction(c -> one(c, USER_COLUMNS + " WHERE username = ?", username));
    }

    public Optional<StoredUser> byId(String id) {
        return db.inTransaction(c -> one(c, USER_COLUMNS + " WHERE id = ?", id));
    }

    public List<StoredUser> list() {
        return db.inTransaction(c -> {
            List<StoredUser> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(USER_COLUMNS + " WHERE deleted_at IS NULL ORDER BY username"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(user(rs));
            }
            return out;
        });
    }

    public long count() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public void addToken(StoredToken token, String tokenHash) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tokens (id, token_hash, user_id, kind, name, created_at, "
                    + "expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")) {
                ps.setString(1, token.id());
                ps.setString(2, tokenHash);
                ps.setString(3, token.userId());
                ps.setString(4, token.kind().name());
                ps.setString(5, token.name());
                Jdbc.setInstant(ps, 6, token.createdAt());
                if (token.expiresAt() == null) ps.setObject(7, null);
                else Jdbc.setInstant(ps, 7, token.expiresAt());
                return ps.executeUpdate();
            }
        });
    }

    /** The live token with this hash and its user; empty when unknown, revoked or expired at {@code now}. */
    public Optional<StoredUser> userOfToken(String tokenHash, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id, u.username, u.password_hash, u.admin, u.created_at, "
                    + "u.disabled_at, u.deleted_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? "
                    + "AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) "
                    + "AND u.disabled_at IS NULL AND u.deleted_at IS NULL")) {
                ps.setString(1, tokenHash);
                Jdbc.setInstant(ps, 2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.<StoredUser>empty();
                }
            }
        });
    }

    public List<StoredToken> tokensOf(String userId) {
        return db.inTransaction(c -> {
            List<StoredToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " WHERE user_id = ? ORDER BY created_at")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(token(rs));
                }
            }
            return out;
        });
    }

    /** Revokes a token of this user by its id; false if there is no such live token. */
    public boolean revoke(String userId, String tokenId, Instant now) {
        return db.inTransaction(c -> update(c, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                now, tokenId, userId)) == 1;
    }

    /** Disables ({@code at} not null) or enables ({@code at} null) a live account; false if there is none. */
    public boolean setDisabled(String userId, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET disabled_at = ? WHERE id = ? AND deleted_at IS NULL")) {
                if (at == null) ps.setObject(1, null);
                else Jdbc.setInstant(ps, 1, at);
                ps.setString(2, userId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Sets a new password hash and revokes every live token of the user but {@code keepTokenId} (may be
     * null), in one transaction: whoever knew the old password is signed out everywhere.
     */
    public boolean setPassword(String userId, String passwordHash, String keepTokenId, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET password_hash = ? WHERE id = ? AND deleted_at IS NULL")) {
                ps.setString(1, passwordHash);
                ps.setString(2, userId);
                if (ps.executeUpdate() != 1) return false;
            }
            revokeAllBut(c, userId, keepTokenId, now);
            return true;
        });
    }

    /**
     * Deletes an account: the row stays (its name stays taken, see V7), marked deleted, with a hash
     * that matches no password; its tokens are revoked and its memberships removed, in one transaction.
     */
    public boolean delete(String userId, String unusableHash, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET deleted_at = ?, password_hash = ?, admin = FALSE WHERE id = ? AND deleted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setString(2, unusableHash);
                ps.setString(3, userId);
                if (ps.executeUpdate() != 1) return false;
            }
            revokeAllBut(c, userId, null, now);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM project_members WHERE user_id = ?")) {
                ps.setString(1, userId);
                ps.executeUpdate();
            }
            return true;
        });
    }

    private static void revokeAllBut(Connection c, String userId, String keepTokenId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tokens SET revoked_at = ? WHERE user_id = ? "
                + "AND revoked_at IS NULL AND id <> ?")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, userId);
            ps.setString(3, keepTokenId == null ? "" : keepTokenId);
            ps.executeUpdate();
        }
    }

    /** The id of the live token with this hash, if any. */
    public Optional<String> tokenIdOf(String tokenHash) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Revokes the token with this hash (logout). */
    public boolean revokeByHash(String tokenHash, Instant now) {
        return db.inTransaction(c -> update(c, "UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                now, tokenHash, null)) == 1;
    }

    private static int update(Connection c, String sql, Instant now, String a, String b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, a);
            if (b != null) ps.setString(3, b);
            return ps.executeUpdate();
        }
    }

    private static Optional<StoredUser> one(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static StoredUser user(ResultSet rs) throws SQLException {
        return new StoredUser(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getBoolean("admin"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "disabled_at"),
                Jdbc.getInstant(rs, "deleted_at"));
    }

    private static StoredToken token(ResultSet rs) throws SQLException {
        return new StoredToken(rs.getString("id"), rs.getString("user_id"), TokenKind.valueOf(rs.getString("kind")),
                rs.getString("name"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "expires_at"),
                Jdbc.getInstant(rs, "revoked_at"));
    }
}
