package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.AnnotationDraft;
import org.karyolab.schema.api.BatchRequest;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.AnnotationService;
import org.karyolab.server.service.Outcome;

import java.time.Instant;

import java.util.List;

/**
 * Annotations: {@code /api/v1/images/{imageId}/annotations} to list and create,
 * {@code /api/v1/annotations/{id}} to read, change (with {@code If-Match}) and delete,
 * {@code /api/v1/annotations/{id}/history} for every revision.
 */
public final class AnnotationsHttpService implements HttpService {

    private final AnnotationService annotations;
    private final Guard guard;

    public AnnotationsHttpService(AnnotationService annotations, Guard guard) {
        this.annotations = annotations;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/images/{imageId}/annotations", this::list)
                .post("/images/{imageId}/annotations", this::create)
                .post("/images/{imageId}/annotations/batch", this::saveBatch)
                .get("/annotations/{id}", this::get)
                .put("/annotations/{id}", this::update)
                .delete("/annotations/{id}", this::delete)
                .get("/annotations/{id}/history", this::history)
                .post("/annotations/{id}/revert", this::revert);
    }

    /**
     * {@code GET /api/v1/images/{imageId}/annotations?limit=&after=}: a page of the image's live annotations, oldest
     * first, as a JSON array; when there are more, {@code Link: <...?limit=N&after=CURSOR>; rel="next"} names the next.
     */
    private void list(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        if (guard.image(req, res, imageId, Action.VIEW).isEmpty()) return;
        List<Violation> violations = new java.util.ArrayList<>();
        int limit = AnnotationService.DEFAULT_PAGE;
        var rawLimit = req.query().first("limit").asOptional();
        if (rawLimit.isPresent()) {
            limit = rawLimit.get().matches("[0-9]{1,5}") ? Integer.parseInt(rawLimit.get()) : -1;
            if (limit < 1 || limit > AnnotationService.MAX_PAGE) {
                violations.add(new Violation("/limit", "limit must be a whole number 1.." + AnnotationService.MAX_PAGE
                        + " (was '" + rawLimit.get() + "')"));
            }
        }
        AnnotationService.PageCursor after = null;
        var rawAfter = req.query().first("after").asOptional().filter(s -> !s.isEmpty());
        if (rawAfter.isPresent()) {
            after = cursor(rawAfter.get());
            if (after == null) violations.add(new Violation("/after", "not a cursor this server gave out; follow the Link rel=\"next\" of the previous page"));
        }
        if (!violations.isEmpty()) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad list parameters",
                    "a query parameter has a value KaryoLab does not accept", violations);
            return;
        }
        var outcome = annotations.page(imageId, after, limit);
        if (!(outcome instanceof Outcome.Done<AnnotationService.Page>(AnnotationService.Page page))) {
            Http.send(res, outcome, Status.OK_200);
            return;
        }
        if (page.next() != null) {
            res.header(HeaderNames.LINK, "</api/v1/images/" + java.net.URLEncoder.encode(imageId, java.nio.charset.StandardCharsets.UTF_8)
                    + "/annotations?limit=" + limit + "&after=" + cursor(page.next()) + ">; rel=\"next\"");
        }
        Http.json(res, Status.OK_200, page.items());
    }

    /** Opaque to clients: the last annotation's creation time and id, base64url with a version tag. */
    static String cursor(AnnotationService.PageCursor c) {
        String plain = "a1:" + c.createdAt().getEpochSecond() + "." + c.createdAt().getNano() + ":" + c.id();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static AnnotationService.PageCursor cursor(String text) {
        if (text.length() > 400) return null;
        try {
            String plain = new String(java.util.Base64.getUrlDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile("a1:([0-9]{1,12})\\.([0-9]{1,9}):(.+)", java.util.regex.Pattern.DOTALL).matcher(plain);
            if (!m.matches()) return null;
            return new AnnotationService.PageCursor(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))), m.group(3));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    private void create(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.imageWriter(req, res, imageId).ifPresent(w ->
                Http.body(req, res, AnnotationDraft.class).ifPresent(draft ->
                        Http.send(res, annotations.create(imageId, draft.by(w.username()), w), Status.CREATED_201,
                                saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision())))));
    }

    // --- batch save (autosave) -------------------------------------------------------------------

    /**
     * {@code POST /api/v1/images/{imageId}/annotations/batch}: all changes or none. 200 with
     * {@code {"saved": [...]}} in the order sent; 422 if a draft is not valid on the image; 412 (a
     * stale revision) or 404 (no such annotation) naming the {@code index} of the change, nothing saved; 423 if
     * someone else holds the image's lease, nothing saved.
     */
    private void saveBatch(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        var writer = guard.imageWriter(req, res, imageId);
        if (writer.isEmpty()) return;
        // Jackson decodes each change by its op; a change without what its op needs is a 400 at its pointer.
        var body = Http.body(req, res, BatchRequest.class, JsonBody.Limits.items("changes", AnnotationService.MAX_BATCH));
        if (body.isEmpty()) return;
        Http.send(res, annotations.saveBatch(imageId, body.get().changes(), writer.get().username(), writer.get()), Status.OK_200);
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotation(req, res, id, Action.VIEW).ifPresent(g -> Http.send(res, annotations.get(id), Status.OK_200,
                a -> res.header(HeaderNames.ETAG, Http.etag(a.revision()))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotationWriter(req, res, id).ifPresent(w ->
                Http.ifMatch(req, res).ifPresent(revision ->
                        Http.body(req, res, AnnotationDraft.class).ifPresent(draft ->
                                Http.send(res, annotations.update(id, revision, draft.by(w.username()), w), Status.OK_200,
                                        saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision()))))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotationWriter(req, res, id).ifPresent(w ->
                Http.ifMatch(req, res).ifPresent(revision ->
                        Http.send(res, annotations.delete(id, revision, w.username(), w), Status.OK_200,
                                saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision())))));
    }

    private void revert(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        var to = req.query().first("to").filter(t -> t.matches("[1-9][0-9]{0,17}")).map(Long::parseLong);
        guard.annotationWriter(req, res, id).ifPresent(w -> {
            if (to.isEmpty()) {
                Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Missing parameter",
                        "revert needs ?to=<revision>, a revision number from the history", List.of(new Violation("/to", "required")));
                return;
            }
            Http.ifMatch(req, res).ifPresent(revision ->
                    Http.send(res, annotations.revert(id, to.get(), revision, w.username(), w), Status.OK_200,
                            saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision()))));
        });
    }

    private void history(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (guard.annotation(req, res, id, Action.VIEW).isEmpty()) return;
        Http.send(res, annotations.history(id), Status.OK_200);
    }
}
