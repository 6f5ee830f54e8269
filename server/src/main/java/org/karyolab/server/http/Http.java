package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.Violation;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.service.LeaseCheck;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.RequestBudget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every route shares: JSON in and out with the schema's one codec, and errors as
 * RFC 9457 problem documents ({@code application/problem+json}).
 */
final class Http {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The most violations a problem lists; {@code violationCount} then says how many there were. */
    static final int MAX_VIOLATIONS = 100;

    private Http() {
    }

    static void json(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(SchemaJson.write(body));
    }

    /**
     * Reads a JSON body as {@code type}, or answers 400 with every structural violation and returns
     * empty. Content rules are the services' to check (422), so this decodes the structure only.
     */
    static <T> Optional<T> body(ServerRequest req, ServerResponse res, Class<T> type) {
        return body(req, res, type, JsonBody.Limits.DEFAULT);
    }

    /** As {@link #body(ServerRequest, ServerResponse, Class)}, within {@code limits} (checked while the body streams in). */
    static <T> Optional<T> body(ServerRequest req, ServerResponse res, Class<T> type, JsonBody.Limits limits) {
        Optional<String> read = JsonBody.text(req, res, limits);
        if (read.isEmpty()) return Optional.empty();
        String text = read.get();
        if (limits.work() != null) RequestBudget.charge(limits.work(), text.length() / 1024);
        Decoded<T> decoded = SchemaJson.readStructure(text, type);
        if (limits.work() != null) RequestBudget.charge(limits.work(), 0);
        return switch (decoded) {
            case Decoded.Ok<T> ok -> Optional.of(ok.value());
            case Decoded.Invalid<T> invalid -> {
                problem(res, Status.BAD_REQUEST_400, "malformed", "Malformed request body",
                        "the body is not a valid " + type.getSimpleName() + " document", invalid.violations());
                yield Optional.empty();
            }
        };
    }

    static void problem(ServerResponse res, Status status, String type, String title, String detail,
                        List<Violation> violations) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.send(problemJson(status, type, title, detail, violations));
    }

    /** The problem document itself, for answers not sent through a {@link ServerResponse}. */
    static String problemJson(Status status, String type, String title, String detail, List<Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:karyolab:problem:" + type);
        body.put("title", title);
        body.put("status", status.code());
        body.put("detail", detail);
        if (violations.size() > MAX_VIOLATIONS) {
            // A body with a million bad values must not get a million-line answer: the first ones, and how many.
            body.put("violations", violations.subList(0, MAX_VIOLATIONS));
            body.put("violationCount", violations.size());
        } else if (!violations.isEmpty()) {
            body.put("violations", violations);
        }
        return SchemaJson.write(body);
    }

    /** Sends a service outcome: the value with {@code okStatus}, or the problem that matches the failure. */
    static <T> void send(ServerResponse res, Outcome<T> outcome, Status okStatus, Consumer<T> beforeSend) {
        switch (outcome) {
            case Outcome.Done<T> done -> {
                beforeSend.accept(done.value());
                json(res, okStatus, done.value());
            }
            case Outcome.Invalid<T> invalid -> problem(res, Status.UNPROCESSABLE_CONTENT_422, "validation",
                    "Invalid content", invalid.detail(), invalid.violations());
            case Outcome.NotFound<T> nf -> problem(res, Status.NOT_FOUND_404, "not-found", "Not found",
                    "no " + nf.what() + " with id '" + nf.id() + "'", List.of());
            case Outcome.Conflict<T> conflict -> {
                Map<String, Object> body = new LinkedHashMap<>();
                boolean stale = conflict.expectedRevision() > 0; // else: a create whose id is taken
                body.put("type", "urn:karyolab:problem:" + (stale ? "stale-revision" : "already-exists"));
                body.put("title", stale ? "Stale revision" : "Already exists");
                Status status = stale ? Status.PRECONDITION_FAILED_412 : Status.CONFLICT_409;
                body.put("status", status.code());
                body.put("detail", conflict.expectedRevision() > 0
                        ? "you edited revision " + conflict.expectedRevision() + " but the annotation is at revision "
                          + conflict.current().revision() + "; reload, merge, and save again with If-Match: \""
                          + conflict.current().revision() + "\""
                        : "an annotation with id '" + conflict.current().id() + "' already exists with other content");
                body.put("currentRevision", conflict.current().revision());
                body.put("current", conflict.current());
                res.status(status);
                res.header(HeaderNames.ETAG, etag(conflict.current().revision()));
                res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
                res.send(SchemaJson.write(body));
            }
            case Outcome.Stale<T> stale -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "urn:karyolab:problem:stale-revision");
                body.put("title", "Stale revision");
                body.put("status", Status.PRECONDITION_FAILED_412.code());
                body.put("detail", "you edited revision " + stale.expectedRevision() + " of the " + stale.what() + " of '"
                        + stale.id() + "' but they are at revision " + stale.currentRevision()
                        + "; reload, merge, and save again with If-Match: \"" + stale.currentRevision() + "\"");
                body.put("currentRevision", stale.currentRevision());
                body.put("current", stale.current());
                res.status(Status.PRECONDITION_FAILED_412);
                res.header(HeaderNames.ETAG, etag(stale.currentRevision()));
                res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
                res.send(SchemaJson.write(body));
            }
            case Outcome.TooLarge<T> tooLarge -> problem(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "too-large",
                    "Too large", tooLarge.detail(), tooLarge.violations());
            case Outcome.Unsupported<T> unsupported -> problem(res, Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "unsupported-media-type", "Unsupported media type", unsupported.detail(), List.of());
            case Outcome.Refused<T> refused -> refused(res, refused);
            case Outcome.Leased<T> leased -> leased(res, leased.lease());
        }
    }

    /** 423 {@code leased}: who holds the image, until when, and what the writer can do about it. */
    static void leased(ServerResponse res, LeaseCheck.Verdict.Held lease) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:karyolab:problem:leased");
        body.put("title", "Leased to someone else");
        body.put("status", Status.LOCKED_423.code());
        body.put("detail", "image '" + lease.imageId() + "' is leased to " + lease.holder() + " until " + lease.expiresAt()
                + " (the work queue handed it out); nothing was saved: wait until the lease ends, ask " + lease.holder()
                + " to release it, or ask a project owner, who may save with ?overrideLease=true");
        body.put("imageId", lease.imageId());
        body.put("holder", lease.holder());
        body.put("expiresAt", lease.expiresAt());
        res.status(Status.LOCKED_423);
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.send(SchemaJson.write(body));
    }

    /** A workflow refusal: 409 for the state of things, 403 for who is asking; with the current state if known. */
    private static void refused(ServerResponse res, Outcome.Refused<?> refused) {
        boolean state = refused.why() == Outcome.Refused.Why.WRONG_STATE;
        Status status = state ? Status.CONFLICT_409 : Status.FORBIDDEN_403;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:karyolab:problem:" + refused.problem());
        body.put("title", state ? "Not possible in the current state" : "Not allowed for you");
        body.put("status", status.code());
        body.put("detail", refused.detail());
        if (refused.current() != null) body.put("current", refused.current());
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.send(SchemaJson.write(body));
    }

    static <T> void send(ServerResponse res, Outcome<T> outcome, Status okStatus) {
        send(res, outcome, okStatus, value -> { });
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revision named by {@code If-Match} ({@code "3"} or {@code 3}). When it is missing (428) or
     * not a revision (400), the problem is already sent and the result is empty.
     */
    static Optional<Long> ifMatch(ServerRequest req, ServerResponse res) {
        return ifMatch(req, res, 1);
    }

    /** As {@link #ifMatch(ServerRequest, ServerResponse)}, for things whose first revision is {@code lowest} (0: never saved). */
    static Optional<Long> ifMatch(ServerRequest req, ServerResponse res, long lowest) {
        Optional<String> header = req.headers().first(HeaderNames.IF_MATCH);
        if (header.isEmpty()) {
            problem(res, Status.PRECONDITION_REQUIRED_428, "precondition-required", "Precondition required",
                    "send If-Match with the revision you edited (from the ETag), so no one's edit is overwritten", List.of());
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.startsWith("W/")) value = value.substring(2);
        value = value.replace("\"", "");
        try {
            long revision = Long.parseLong(value);
            if (revision >= lowest) return Optional.of(revision);
        } catch (NumberFormatException ignored) {
            // answered below
        }
        problem(res, Status.BAD_REQUEST_400, "malformed", "Malformed If-Match",
                "If-Match must name one revision, like \"3\"; got " + header.get(), List.of());
        return Optional.empty();
    }
}
