package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.server.auth.AuthService;

import java.util.List;

/**
 * {@code /api/v1/auth}: login (a session token), logout, who am I, API tokens for scripts;
 * {@code /api/v1/users}: accounts, for admins.
 */
public final class AuthHttpService {

    /** Login and account bodies. */
    record Credentials(String username, String password, Boolean admin) {}

    record TokenRequest(String name) {}

    private final AuthService auth;
    private final Guard guard;

    public AuthHttpService(AuthService auth, Guard guard) {
        this.auth = auth;
        this.guard = guard;
    }

    public HttpService session() {
        return (HttpRules rules) -> rules.post("/login", this::login)
                .post("/logout", this::logout)
                .get("/me", this::me)
                .get("/tokens", this::tokens)
                .post("/tokens", this::issueToken)
                .delete("/tokens/{tokenId}", this::revokeToken);
    }

    public HttpService users() {
        return (HttpRules rules) -> rules.get("/", this::listUsers).post("/", this::createUser);
    }

    private void login(ServerRequest req, ServerResponse res) {
        Http.body(req, res, Credentials.class).ifPresent(c -> auth.login(c.username(), c.password()).ifPresentOrElse(
                token -> Http.json(res, Status.OK_200, token),
                () -> Http.problem(res, Status.UNAUTHORIZED_401, "bad-credentials", "Sign-in failed",
                        "the username or the password is wrong", List.of())));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> {
            String token = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").substring(7).strip();
            auth.logout(token);
            res.status(Status.NO_CONTENT_204).send();
        });
    }

    private void me(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> Http.json(res, Status.OK_200, caller));
    }

    /** A token as listed: never the secret, and its kind spelt as when it was issued. */
    record TokenView(String id, String kind, String name, java.time.Instant createdAt, java.time.Instant expiresAt,
                     java.time.Instant revokedAt) {}

    private void tokens(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> Http.json(res, Status.OK_200, auth.tokens(caller).stream()
                .map(t -> new TokenView(t.id(), t.kind().name().toLowerCase(java.util.Locale.ROOT), t.name(), t.createdAt(),
                        t.expiresAt(), t.revokedAt()))
                .toList()));
    }

    private void issueToken(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> Http.body(req, res, TokenRequest.class).ifPresent(t ->
                Http.send(res, auth.issueApiToken(caller, t.name()), Status.CREATED_201)));
    }

    private void revokeToken(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> {
            if (auth.revoke(caller, req.path().pathParameters().get("tokenId"))) {
                res.status(Status.NO_CONTENT_204).send();
            } else {
                Http.problem(res, Status.NOT_FOUND_404, "not-found", "Not found", "you have no live token with that id", List.of());
            }
        });
    }

    private void listUsers(ServerRequest req, ServerResponse res) {
        guard.admin(req, res).ifPresent(admin -> Http.json(res, Status.OK_200, auth.users()));
    }

    private void createUser(ServerRequest req, ServerResponse res) {
        guard.admin(req, res).ifPresent(admin -> Http.body(req, res, Credentials.class).ifPresent(c ->
                Http.send(res, auth.createUser(c.username(), c.password(), Boolean.TRUE.equals(c.admin())), Status.CREATED_201)));
    }
}
