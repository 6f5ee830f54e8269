package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.service.LeaseCheck;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.RequestBudget;

import java.util.List;
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
                problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed request body",
                        "the body is not a valid " + type.getSimpleName() + " document", invalid.violations());
                yield Optional.empty();
            }
        };
    }

    static void problem(ServerResponse res, Status status, String type, String title, String detail,
                        List<Violation> violations) {
        problem(res, Problem.of(status.code(), type, title, detail, violations));
    }

    /** Sends {@code problem} with its status (at most {@link #MAX_VIOLATIONS} violations, then their count). */
    static void problem(ServerResponse res, Problem problem) {
        res.status(Status.create(problem.status()));
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.send(SchemaJson.write(problem.atMost(MAX_VIOLATIONS)));
    }

    /** The problem document itself, for answers not sent through a {@link ServerResponse}. */
    static String problemJson(Status status, String type, String title, String detail, List<Violation> violations) {
        // A body with a million bad values must not get a million-line answer: the first ones, and how many.
        return SchemaJson.write(Problem.of(status.code(), type, title, detail, violations).atMost(MAX_VIOLATIONS));
    }

    /** Sends a service outcome: the value with {@code okStatus}, or the problem that matches the failure. */
    static <T> void send(ServerResponse res, Outcome<T> outcome, Status okStatus, Consumer<T> beforeSend) {
        if (outcome instanceof Outcome.Done<T>(T value)) {
            beforeSend.accept(value);
            json(res, okStatus, value);
            return;
        }
        Problem problem = problemOf(outcome);
        // A stale single write says the revision to edit in its ETag too; a batch's change names its own.
        if (problem.currentRevision() != null && problem.index() == null) res.header(HeaderNames.ETAG, etag(problem.currentRevision()));
        problem(res, problem);
    }

    /** The problem a failed outcome is answered with. */
    static Problem problemOf(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Done<?> done -> throw new IllegalArgumentException("not a failure: " + done);
            case Outcome.Invalid<?> invalid -> Problem.of(422, Problem.VALIDATION, "Invalid content", invalid.detail(),
                    invalid.violations()).withIssues(invalid.issues());
            case Outcome.NotFound<?> nf when nf.change() != null -> Problem.of(404, Problem.NOT_FOUND, "Not found",
                    "change " + nf.change() + " names " + nf.what() + " '" + nf.id() + "', which is not (or no longer) on this "
                    + "image; nothing was saved", List.of()).atChange(nf.change(), nf.id());
            case Outcome.NotFound<?> nf -> Problem.of(404, Problem.NOT_FOUND, "Not found",
                    "no " + nf.what() + " with id '" + nf.id() + "'", List.of());
            case Outcome.Conflict<?> conflict -> conflict(conflict);
            case Outcome.Stale<?> stale -> Problem.of(412, Problem.STALE_REVISION, "Stale revision",
                    "you edited revision " + stale.expectedRevision() + " of the " + stale.what() + " of '" + stale.id()
                    + "' but they are at revision " + stale.currentRevision() + "; reload, merge, and save again with If-Match: \""
                    + stale.currentRevision() + "\"", List.of()).withCurrent(stale.currentRevision(), tree(stale.current()));
            case Outcome.TooLarge<?> tooLarge -> Problem.of(413, Problem.TOO_LARGE, "Too large", tooLarge.detail(),
                    tooLarge.violations());
            case Outcome.Unsupported<?> unsupported -> Problem.of(415, Problem.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type", unsupported.detail(), List.of());
            case Outcome.Refused<?> refused -> refused(refused);
            case Outcome.Leased<?> leased -> leased(leased.lease());
            case Outcome.CaseSplit<?> cs -> Problem.of(409, Problem.CASE_SPLIT, "A case may not be split", "case '"
                    + cs.caseId() + "' already has images in another split (" + cs.conflicts().stream()
                    .map(c -> c.imageId() + ": " + c.split()).toList() + "); all images of a case go to one split, so no "
                    + "patient is both trained on and tested on. Move those images to '" + cs.wanted() + "' (or 'unassigned') first",
                    List.of()).withSplit(cs.caseId(), cs.wanted(), cs.conflicts());
        };
    }

    /** 412 for a stale revision, 409 for a create whose id exists; in a batch, naming the change. */
    private static Problem conflict(Outcome.Conflict<?> conflict) {
        boolean stale = conflict.expectedRevision() > 0; // else: a create whose id is taken
        long revision = conflict.current().revision();
        String id = conflict.current().id();
        Integer change = conflict.change();
        String detail;
        if (change == null) {
            detail = stale ? "you edited revision " + conflict.expectedRevision() + " but the annotation is at revision "
                    + revision + "; reload, merge, and save again with If-Match: \"" + revision + "\""
                    : "an annotation with id '" + id + "' already exists with other content";
        } else {
            detail = stale ? "change " + change + " edits revision " + conflict.expectedRevision() + " of annotation '" + id
                    + "' but it is at revision " + revision + "; nothing was saved: reload, merge, and send the batch again"
                    : "change " + change + " creates annotation '" + id + "', which already exists; nothing was saved";
        }
        Problem problem = Problem.of(stale ? 412 : 409, stale ? Problem.STALE_REVISION : Problem.ALREADY_EXISTS,
                stale ? "Stale revision" : "Already exists", detail, List.of());
        return (change == null ? problem : problem.atChange(change, null)).withCurrent(revision, tree(conflict.current()));
    }

    /** 423 {@code leased}: who holds the image, until when, and what the writer can do about it. */
    static Problem leased(LeaseCheck.Verdict.Held lease) {
        return Problem.of(423, Problem.LEASED, "Leased to someone else", "image '" + lease.imageId() + "' is leased to "
                + lease.holder() + " until " + lease.expiresAt() + " (the work queue handed it out); nothing was saved: wait "
                + "until the lease ends, ask " + lease.holder() + " to release it, or ask a project owner, who may save with "
                + "?overrideLease=true", List.of()).withLease(lease.imageId(), lease.holder(), lease.expiresAt());
    }

    /** A workflow refusal: 409 for the state of things (or a taken name), 403 for who is asking; with the current state if known. */
    private static Problem refused(Outcome.Refused<?> refused) {
        int status = refused.why() == Outcome.Refused.Why.NOT_FOR_THIS_CALLER ? 403 : 409;
        String title = switch (refused.why()) {
            case WRONG_STATE -> "Not possible in the current state";
            case NOT_FOR_THIS_CALLER -> "Not allowed for you";
            case TAKEN -> "Already exists";
        };
        return Problem.of(status, refused.problem(), title, refused.detail(), List.of())
                .withCurrent(null, refused.current() == null ? null : tree(refused.current()));
    }

    /** A value as the tree a problem carries it in. */
    private static JsonNode tree(Object value) {
        return SchemaJson.mapper().valueToTree(value);
    }

    /** Sends an outcome whose value is not sent: 204 when done, else the problem that matches the failure. */
    static void sendNoContent(ServerResponse res, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Done<?>) res.status(Status.NO_CONTENT_204).send();
        else send(res, outcome, Status.OK_200);
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
            problem(res, Status.PRECONDITION_REQUIRED_428, Problem.PRECONDITION_REQUIRED, "Precondition required",
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
        problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed If-Match",
                "If-Match must name one revision, like \"3\"; got " + header.get(), List.of());
        return Optional.empty();
    }
}
