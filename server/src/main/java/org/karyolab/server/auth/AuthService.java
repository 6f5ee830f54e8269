package org.karyolab.server.auth;

import org.karyolab.schema.api.IssuedToken;
import org.karyolab.schema.api.TokenInfo;
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
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Accounts, passwords, and bearer tokens (session tokens from login, API tokens for scripts). */
public final class AuthService {

    /** A user as others may see it (never the hash); {@code disabledAt} is null for an account in use. */
    public record UserView(String id, String username, boolean admin, Instant createdAt, Instant disabledAt) {
        static UserView of(StoredUser u) {
            return new UserView(u.id(), u.username(), u.admin(), u.createdAt(), u.disabledAt());
        }
    }

    /** What a sign-in came to. */
    public sealed interface SignIn {
        record Signed(IssuedToken token) implements SignIn {}

        /** Wrong username or password (which, is not said); or a deleted account. */
        record Refused() implements SignIn {}

        /** The right password, but an admin disabled the account. */
        record Disabled() implements SignIn {}

        /** Too many failures from this address for this name: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements SignIn {}
    }

    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final Predicate<String> soleOwner;

    public AuthService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this(users, hasher, clock, userId -> false);
    }

    /** @param soleOwner whether a user (by id) is the last owner of some project: such an account may not be deleted */
    public AuthService(UserRepository users, PasswordHasher hasher, Clock clock, Predicate<String> soleOwner) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.throttle = new SignInThrottle(clock);
        this.soleOwner = soleOwner;
    }

    public Outcome<UserView> createUser(String username, String password, boolean admin) {
        List<Violation> violations = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new Violation("/username", "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        checkPassword(password, "/password", violations);
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

    private static void checkPassword(String password, String pointer, List<Violation> into) {
        if (password == null || password.length() < MIN_PASSWORD) {
            into.add(new Violation(pointer, "password must have at least " + MIN_PASSWORD + " characters"));
        }
    }

    /**
     * A session token for a right password of an account in use. Failures are counted per username
     * and {@code address} ({@link SignInThrottle}): after a few, further tries must wait, growing.
     */
    public SignIn login(String username, String password, String address) {
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) return new SignIn.Throttled(wait.get());
        Optional<StoredUser> user = username == null ? Optional.empty()
                : users.byUsername(username).filter(u -> u.deletedAt() == null);
        if (user.isEmpty() || password == null || !hasher.matches(password.toCharArray(), user.get().passwordHash())) {
            throttle.failed(username, address);
            return new SignIn.Refused();
        }
        throttle.succeeded(username, address);
        if (!user.get().active()) return new SignIn.Disabled();
        return new SignIn.Signed(issue(user.get(), TokenKind.SESSION, "login", now().plus(SESSION_LIFETIME)));
    }

    // --- account lifecycle --------------------------------------------------------------------

    /** Changes one's own password, given the current one; every other session and token of the caller ends. */
    public Outcome<UserView> changePassword(Caller caller, String bearer, String current, String next) {
        StoredUser user = users.byId(caller.userId()).orElseThrow();
        List<Violation> violations = new ArrayList<>();
        if (current == null || !hasher.matches(current.toCharArray(), user.passwordHash())) {
            violations.add(new Violation("/currentPassword", "this is not your current password"));
        }
        checkPassword(next, "/newPassword", violations);
        if (!violations.isEmpty()) return Outcome.invalid("the password was not changed", violations);
        users.setPassword(user.id(), hasher.hash(next.toCharArray()), users.tokenIdOf(hash(bearer)).orElse(null), now());
        return Outcome.done(UserView.of(user));
    }

    /** An admin sets someone's password (they forgot theirs); every session and token of theirs ends. */
    public Outcome<UserView> resetPassword(String username, String next) {
        Optional<StoredUser> user = live(username);
        if (user.isEmpty()) return Outcome.notFound("user", username);
        List<Violation> violations = new ArrayList<>();
        checkPassword(next, "/password", violations);
        if (!violations.isEmpty()) return Outcome.invalid("the password was not set", violations);
        users.setPassword(user.get().id(), hasher.hash(next.toCharArray()), null, now());
        return Outcome.done(UserView.of(user.get()));
    }

    /** Disables (or with {@code disabled} false enables) an account; a disabled account's tokens do not work. */
    public Outcome<UserView> setDisabled(Caller admin, String username, boolean disabled) {
        Optional<StoredUser> user = live(username);
        if (user.isEmpty()) return Outcome.notFound("user", username);
        if (disabled && user.get().id().equals(admin.userId())) return notYourself("disable");
        users.setDisabled(user.get().id(), disabled ? now() : null);
        return Outcome.done(UserView.of(users.byId(user.get().id()).orElseThrow()));
    }

    /**
     * Deletes an account (see {@link UserRepository#delete}); refused for oneself and for the last owner
     * of a project (give the project another owner first).
     */
    public Outcome<UserView> delete(Caller admin, String username) {
        Optional<StoredUser> user = live(username);
        if (user.isEmpty()) return Outcome.notFound("user", username);
        if (user.get().id().equals(admin.userId())) return notYourself("delete");
        if (soleOwner.test(user.get().id())) {
            return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "last-owner", username
                    + " is the last owner of a project; make someone else an owner of it first", null);
        }
        users.delete(user.get().id(), "deleted$" + UUID.randomUUID(), now());
        return Outcome.done(UserView.of(user.get()));
    }

    private static <T> Outcome<T> notYourself(String what) {
        return new Outcome.Refused<>(Outcome.Refused.Why.NOT_FOR_THIS_CALLER, "own-account",
                "an admin may not " + what + " their own account (another admin may)", null);
    }

    private Optional<StoredUser> live(String username) {
        return users.byUsername(username).filter(u -> u.deletedAt() == null);
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

    /** The caller's tokens, as their list shows them: never the secret, the kind spelt as when it was issued. */
    public List<TokenInfo> tokens(Caller caller) {
        return users.tokensOf(caller.userId()).stream().map(t -> new TokenInfo(t.id(),
                t.kind().name().toLowerCase(java.util.Locale.ROOT), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt())).toList();
    }

    public List<UserView> users() {
        return users.list().stream().map(UserView::of).toList();
    }

    /** An account that is not deleted. */
    public Optional<UserView> user(String username) {
        return live(username).map(UserView::of);
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
