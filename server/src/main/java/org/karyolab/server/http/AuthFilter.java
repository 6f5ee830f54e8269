package org.karyolab.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Violation;
import org.karyolab.server.auth.AuthService;
import org.karyolab.server.auth.Caller;
import org.karyolab.server.service.AuditService;
import org.karyolab.server.service.WriteOrigin;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Runs before every route: turns the bearer token into a {@link Caller} for the {@link Guard};
 * and, just before the answer to an accepted write is sent, appends it to the project's audit log.
 * A write's {@code X-Client-Id} (checked here: a bad one is a 400) goes into its {@link WriteOrigin}.
 */
public final class AuthFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(AuthFilter.class.getName());
    static final HeaderName CLIENT_ID_HEADER = HeaderNames.create("X-Client-Id");
    /** What {@code X-Client-Id} may be: an opaque id the client chose (e.g. a UUID), echoed in events. */
    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,100}");
    private static final Set<Method> READS = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final AuthService auth;
    private final AuditService audit;

    public AuthFilter(AuthService auth, AuditService audit) {
        this.auth = auth;
        this.audit = audit;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String clientId = req.headers().first(CLIENT_ID_HEADER).orElse(null);
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad X-Client-Id",
                    "X-Client-Id must be 1-100 letters, digits or . _ ~ : - (e.g. a UUID)",
                    List.of(new Violation("/X-Client-Id", "not a client id")));
            return;
        }
        Caller caller = bearer(req).flatMap(auth::authenticate).orElse(null);
        var scope = new Guard.RequestScope(caller);
        req.context().register(scope);
        Method method = req.prologue().method();
        String path = req.prologue().uriPath().path(); // the full path: req.path() is relative once routed
        if (path.equals("/api/v1/auth/login")) { // audited by its route: refusals name the username tried
            chain.proceed();
            return;
        }
        boolean read = READS.contains(method);
        var origin = new WriteOrigin(caller == null ? "anonymous" : caller.username(), remote(req), method.text(), path, clientId);
        // Before the answer leaves: whoever has seen a write acknowledged can find it in the audit log,
        // and every attempt refused for who the caller is (403, reads too) is there as well.
        res.beforeSend(() -> {
            int status = res.status().code();
            boolean refused = status == Status.FORBIDDEN_403.code();
            if (!refused && (read || status >= 400 || origin.audited().get())) return; // audited in its own transaction
            try {
                audit.record(scope.projectId, origin.actor(), origin.remote(),
                        refused ? AuditService.REFUSED + origin.action() : origin.action(), origin.target(),
                        String.valueOf(status));
                audit.recordAlongside(origin);
            } catch (RuntimeException e) {
                // The write itself is committed; a failed audit row must not lose its answer.
                LOG.log(Level.SEVERE, "could not append to the audit log: " + method.text() + " " + path, e);
            }
        });
        if (read) chain.proceed();
        else ScopedValue.where(WriteOrigin.CURRENT, origin).run(chain::proceed);
    }

    /** The caller's address without its port (what sign-in throttling counts by). */
    static String host(io.helidon.webserver.http.ServerRequest req) {
        if (req.remotePeer().address() instanceof java.net.InetSocketAddress a) {
            return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        }
        return String.valueOf(req.remotePeer().address());
    }

    /** "127.0.0.1:45122", not InetSocketAddress's "/127.0.0.1:45122". */
    static String remote(io.helidon.webserver.http.ServerRequest req) {
        if (req.remotePeer().address() instanceof java.net.InetSocketAddress a) {
            return (a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString()) + ":" + a.getPort();
        }
        return String.valueOf(req.remotePeer().address());
    }

    static java.util.Optional<String> bearer(io.helidon.webserver.http.ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }
}
