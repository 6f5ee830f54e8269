package org.karyolab.server.auth;

import org.karyolab.schema.Violation;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.store.UserRepository;
import org.karyolab.server.store.UserRepository.StoredToken;
import org.karyolab.server.store.UserRepository.StoredUser;
import org.karyolab.server.store.UserRepository.TokenKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts, passwords, and bearer tokens (session tokens from login, API tokens for scripts). */
public final class AuthService {

    /** A token handed out once; only its hash is kept. */
    public record IssuedToken(String id, String token, String kind, Instant expiresAt, String username) {}

    /** A user as others may see it (never the hash). */
    public record UserView(String id, String username, boolean admin, Instant createdAt) {
        static UserView of(StoredUser u) {
            return new UserView(u.id(), u.username(), u.admin(), u.createdAt());
        }
    }

    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AuthService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Outcome<UserView> createUser(String username, String password, boolean admin) {
        List<Violation> violations = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new Violation("/username", "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            violations.add(new Violation("/password", "password must have at least " + MIN_PASSWORD + " characters"));
        }
        if (!violations.isEmpty()) return Outcome.invalid("the account is not valid", violations);
        var user = new StoredUser(UUID.randomUUID().toString(), username, hasher.hash(password.toCharArray()), admin, now());
        return users.create(user).<Outcome<UserView>>map(u -> Outcome.done(UserView.of(u)))
                .orElseGet(() -> Outcome.invalid("the username is taken",
                        List.of(new Violation("/username", "a user named '" + username + "' already exists"))));
    }

    /**
     * On an empty database, creates the first admin. Returns the password when it was generated
     * here (to be shown once); empty when there were users already or the password was given.
     */
    public Optional<String> ensureFirstAdmin(String username, String givenPassword) {
        if (users.count() > 0) return Optional.empty();
        String password = givenPassword != null && !givenPassword.isBlank() ? givenPassword : randomPassword();
        if (!(createUser(username, password, true) instanceof Outcome.Done<?>)) {
            throw new IllegalStateException("cannot create the first admin '" + username
                    + "' (the password must have at least " + MIN_PASSWORD + " characters)");
        }
        return password.equals(givenPassword) ? Optional.empty() : Optional.of(password);
    }

    /** A session token for a right password; empty otherwise (the caller says no more than that). */
    public Optional<IssuedToken> login(String username, String password) {
        Optional<StoredUser> user = username == null ? Optional.empty() : users.byUsername(username);
        if (user.isEmpty() || password == null || !hasher.matches(password.toCharArray(), user.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(issue(user.get(), TokenKind.SESSION, "login", now().plus(SESSION_LIFETIME)));
    }

    /** The longest token name: the column's size (tokens.name VARCHAR(200); UTF-16 units, so never more characters). */
    public static final int MAX_TOKEN_NAME = 200;

    public Outcome<IssuedToken> issueApiToken(Caller caller, String name) {
        if (name != null && name.length() > MAX_TOKEN_NAME) {
            return Outcome.invalid("the token name is too long", List.of(new Violation("/name",
                    "a token name may have at most " + MAX_TOKEN_NAME + " characters (has " + name.length() + ")")));
        }
        StoredUser user = users.byId(caller.userId()).orElseThrow();
        return Outcome.done(issue(user, TokenKind.API, name == null || name.isBlank() ? "api" : name, null));
    }

    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return users.userOfToken(hash(token), now()).map(u -> new Caller(u.id(), u.username(), u.admin()));
    }

    public boolean logout(String token) {
        return users.revokeByHash(hash(token), now());
    }

    public boolean revoke(Caller caller, String tokenId) {
        return users.revoke(caller.userId(), tokenId, now());
    }

    public List<StoredToken> tokens(Caller caller) {
        return users.tokensOf(caller.userId());
    }

    public List<UserView> users() {
        return users.list().stream().map(UserView::of).toList();
    }

    public Optional<UserView> user(String username) {
        return users.byUsername(username).map(UserView::of);
    }

    private IssuedToken issue(StoredUser user, TokenKind kind, String name, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "kl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var stored = new StoredToken(UUID.randomUUID().toString(), user.id(), kind, name, now(), expiresAt, null);
        users.addToken(stored, hash(token));
        return new IssuedToken(stored.id(), token, kind.name().toLowerCase(), expiresAt, user.username());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Tokens carry 256 random bits, so one SHA-256 is enough to make the stored form useless. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
