package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.TokenRequest;
import org.karyolab.schema.api.PasswordReset;
import org.karyolab.schema.api.PasswordChange;
import org.karyolab.schema.api.Credentials;
import org.karyolab.schema.api.Problem;
import org.karyolab.server.auth.AuthService;
import org.karyolab.server.service.AuditService;
import org.karyolab.server.service.Outcome;

import java.util.List;

/**
 * {@code /api/v1/auth}: login (a session token), logout, who am I, API tokens for scripts;
 * {@code /api/v1/users}: accounts, for admins.
 */
public final class AuthHttpService implements HttpService {

    private final AuthService auth;
    private final AuditService audit;
    private final Guard guard;

    public AuthHttpService(AuthService auth, AuditService audit, Guard guard) {
        this.auth = auth;
        this.audit = audit;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}; {@code /audit}: the entries outside any project (accounts, tokens, sign-ins), for admins. */
    @Override
    public void routing(HttpRules rules) {
        rules.post("/auth/login", this::login)
                .post("/auth/logout", this::logout)
                .get("/auth/me", this::me)
                .get("/auth/tokens", this::tokens)
                .post("/auth/tokens", this::issueToken)
                .delete("/auth/tokens/{tokenId}", this::revokeToken)
                .put("/auth/password", this::changePassword)
                .get("/users", this::listUsers)
                .post("/users", this::createUser)
                .delete("/users/{username}", this::deleteUser)
                .post("/users/{username}/disable", (req, res) -> setDisabled(req, res, true))
                .post("/users/{username}/enable", (req, res) -> setDisabled(req, res, false))
                .put("/users/{username}/password", this::resetPassword)
                .get("/audit", (req, res) -> guard.admin(req, res).ifPresent(admin ->
                        ProjectsHttpService.auditPage(req, res).ifPresent(page ->
                                Http.json(res, Status.OK_200, audit.serverEntries(page.before(), page.limit())))));
    }

    /** A refused sign-in is audited (outside any project) with the name that was tried and where from. */
    private void login(ServerRequest req, ServerResponse res) {
        Http.body(req, res, Credentials.class).ifPresent(c -> {
            AuthService.SignIn outcome = auth.login(c.username(), c.password(), AuthFilter.host(req));
            if (outcome instanceof AuthService.SignIn.Signed signed) {
                Http.json(res, Status.OK_200, signed.token());
                return;
            }
            String tried = c.username() == null ? "" : c.username().substring(0, Math.min(c.username().length(), 100));
            switch (outcome) {
                case AuthService.SignIn.Throttled t -> {
                    long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000);
                    res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
                    Http.problem(res, Status.TOO_MANY_REQUESTS_429, Problem.TOO_MANY_SIGN_INS, "Too many failed sign-ins",
                            "too many failed sign-ins for this name from your address; try again in " + seconds + " s",
                            List.of());
                }
                case AuthService.SignIn.Disabled d -> Http.problem(res, Status.FORBIDDEN_403, Problem.ACCOUNT_DISABLED,
                        "Account disabled", "an admin disabled this account; ask them to enable it", List.of());
                default -> Http.problem(res, Status.UNAUTHORIZED_401, Problem.BAD_CREDENTIALS, "Sign-in failed",
                        "the username or the password is wrong", List.of());
            }
            audit.record(null, tried, AuthFilter.remote(req), AuditService.REFUSED + "sign-in", tried,
                    String.valueOf(res.status().code()));
        });
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> Http.body(req, res, PasswordChange.class).ifPresent(p ->
                Http.send(res, auth.changePassword(caller, AuthFilter.bearer(req).orElse(""), p.currentPassword(),
                        p.newPassword()), Status.OK_200)));
    }

    private void resetPassword(ServerRequest req, ServerResponse res) {
        guard.admin(req, res).ifPresent(admin -> Http.body(req, res, PasswordReset.class).ifPresent(p ->
                Http.send(res, auth.resetPassword(req.path().pathParameters().get("username"), p.password()), Status.OK_200)));
    }

    private void setDisabled(ServerRequest req, ServerResponse res, boolean disabled) {
        guard.admin(req, res).ifPresent(admin ->
                Http.send(res, auth.setDisabled(admin, req.path().pathParameters().get("username"), disabled), Status.OK_200));
    }

    private void deleteUser(ServerRequest req, ServerResponse res) {
        guard.admin(req, res).ifPresent(admin -> {
            var outcome = auth.delete(admin, req.path().pathParameters().get("username"));
            Http.sendNoContent(res, outcome);
        });
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

    private void tokens(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> Http.json(res, Status.OK_200, auth.tokens(caller)));
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
                Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found", "you have no live token with that id", List.of());
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
