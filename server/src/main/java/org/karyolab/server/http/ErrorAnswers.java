package org.karyolab.server.http;

import io.helidon.http.DirectHandler;
import org.karyolab.schema.api.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every answer the routes themselves do not give, as problem+json: no route for the path (404), a path
 * that exists for other methods (405 with {@code Allow}), a request Helidon refuses before routing
 * (400, 413, ...), and a real failure (500). Only the last is logged as a server error: a client's mistake
 * is the client's, and a flood of them must not fill the log.
 */
public final class ErrorAnswers implements ErrorHandler<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class.getName());

    private final RouteTable routes;

    public ErrorAnswers(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Exception e) {
        String method = req.prologue().method().text();
        String path = req.prologue().uriPath().path();
        if (e instanceof NotFoundException) { // thrown by the routing when no route matched
            Set<String> allowed = routes.allowed(path);
            if (!allowed.isEmpty() && !allowed.contains(method)) {
                res.header(HeaderNames.ALLOW, String.join(", ", allowed));
                Http.problem(res, Status.METHOD_NOT_ALLOWED_405, Problem.METHOD_NOT_ALLOWED, "Method not allowed",
                        path + " takes " + String.join(", ", allowed) + ", not " + method, List.of());
            } else {
                Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found",
                        "no route " + method + " " + path + " (the API is under /api/v1; GET /openapi lists every route)", List.of());
            }
            return;
        }
        if (e instanceof org.karyolab.server.service.RequestBudget.Exceeded over) {
            // The request asked for more work than one may do: the server is fine, so no stack trace.
            LOG.log(Level.FINE, () -> "over budget " + method + " " + path + ": " + over.getMessage());
            Http.problem(res, Status.SERVICE_UNAVAILABLE_503, Problem.OVER_BUDGET, "Over the request's budget", over.getMessage(), List.of());
            return;
        }
        if (e instanceof HttpException http && http.status().code() < 500) {
            LOG.log(Level.FINE, () -> "refused " + method + " " + path + ": " + e.getMessage());
            Http.problem(res, http.status(), problemType(http.status()),
                    http.status().reasonPhrase(), e.getMessage() == null ? http.status().reasonPhrase() : e.getMessage(), List.of());
            return;
        }
        LOG.log(Level.SEVERE, "unhandled error on " + method + " " + path, e);
        Http.problem(res, Status.INTERNAL_SERVER_ERROR_500, Problem.INTERNAL, "Internal error", "the server failed; nothing "
                + "was half-written (each write is one transaction); the server log has the cause", List.of());
    }

    /** The problem type of a status Helidon refuses with (the same names the routes use). */
    private static String problemType(Status status) {
        return switch (status.code()) {
            case 400 -> Problem.MALFORMED;
            case 401 -> Problem.UNAUTHENTICATED;
            case 403 -> Problem.FORBIDDEN;
            case 404 -> Problem.NOT_FOUND;
            case 405 -> Problem.METHOD_NOT_ALLOWED;
            case 408 -> "timeout";
            case 413 -> Problem.TOO_LARGE;
            case 415 -> Problem.UNSUPPORTED_MEDIA_TYPE;
            default -> "refused";
        };
    }

    /**
     * Helidon's own answers to requests it cannot route (no request line, bad headers, a body over the
     * limit, a malformed chunk): problem+json, and the connection closed. A failure to read the request
     * before anything of it was known (a request line with control characters, say) is the client's: 400.
     */
    public static DirectHandler direct(String tooLargeDetail) {
        return (request, type, status, headers, message) -> {
            boolean unread = request == DirectHandler.TransportRequest.empty();
            if (type == DirectHandler.EventType.INTERNAL_ERROR && !unread) {
                return DirectHandler.defaultHandler().handle(request, type, status, headers, message);
            }
            Status answer = type == DirectHandler.EventType.INTERNAL_ERROR ? Status.BAD_REQUEST_400 : status;
            String problem = answer.code() == 400 || answer.code() >= 500 ? Problem.MALFORMED : problemType(answer);
            String detail = answer.code() == 413 ? tooLargeDetail
                    : message != null && !message.isBlank() ? message
                    : "the request is not well-formed HTTP/1.1 (request line, headers or chunked body)";
            return DirectHandler.TransportResponse.builder()
                    .status(answer)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, Http.PROBLEM_JSON)
                    .keepAlive(false) // the rest of the request was not read, so the connection cannot be reused
                    .entity(Http.problemJson(answer, problem, answer.reasonPhrase(), detail, List.of()))
                    .build();
        };
    }
}
