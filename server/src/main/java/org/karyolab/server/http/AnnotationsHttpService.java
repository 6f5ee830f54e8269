package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Violation;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.AnnotationDraft;
import org.karyolab.server.service.AnnotationService;
import org.karyolab.server.store.Revision;

import java.time.Instant;
import java.util.Locale;

import java.util.List;

/**
 * Annotations: {@code /api/v1/images/{imageId}/annotations} to list and create,
 * {@code /api/v1/annotations/{id}} to read, change (with {@code If-Match}) and delete,
 * {@code /api/v1/annotations/{id}/history} for every revision.
 */
public final class AnnotationsHttpService {

    private final AnnotationService annotations;
    private final Guard guard;

    public AnnotationsHttpService(AnnotationService annotations, Guard guard) {
        this.annotations = annotations;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1/images}. */
    public HttpService byImage() {
        return rules -> rules.get("/{imageId}/annotations", this::list)
                .post("/{imageId}/annotations", this::create);
    }

    /** Routes under {@code /api/v1/annotations}. */
    public HttpService byId() {
        return (HttpRules rules) -> rules.get("/{id}", this::get)
                .put("/{id}", this::update)
                .delete("/{id}", this::delete)
                .get("/{id}/history", this::history)
                .post("/{id}/revert", this::revert);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> Http.send(res, annotations.list(imageId), Status.OK_200));
    }

    private void create(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.ANNOTATE).ifPresent(g ->
                Http.body(req, res, AnnotationDraft.class).ifPresent(draft ->
                        Http.send(res, annotations.create(imageId, draft.by(g.caller().username())), Status.CREATED_201,
                                saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision())))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotation(req, res, id, Action.VIEW).ifPresent(g -> Http.send(res, annotations.get(id), Status.OK_200,
                a -> res.header(HeaderNames.ETAG, Http.etag(a.revision()))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotation(req, res, id, Action.ANNOTATE).ifPresent(g ->
                Http.ifMatch(req, res).ifPresent(revision ->
                        Http.body(req, res, AnnotationDraft.class).ifPresent(draft ->
                                Http.send(res, annotations.update(id, revision, draft.by(g.caller().username())), Status.OK_200,
                                        saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision()))))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotation(req, res, id, Action.ANNOTATE).ifPresent(g ->
                Http.ifMatch(req, res).ifPresent(revision ->
                        Http.send(res, annotations.delete(id, revision, g.caller().username()), Status.OK_200,
                                saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision())))));
    }

    private void revert(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        var to = req.query().first("to").filter(t -> t.matches("[1-9][0-9]{0,17}")).map(Long::parseLong);
        guard.annotation(req, res, id, Action.ANNOTATE).ifPresent(g -> {
            if (to.isEmpty()) {
                Http.problem(res, Status.BAD_REQUEST_400, "malformed", "Missing parameter",
                        "revert needs ?to=<revision>, a revision number from the history", List.of(new Violation("/to", "required")));
                return;
            }
            Http.ifMatch(req, res).ifPresent(revision ->
                    Http.send(res, annotations.revert(id, to.get(), revision, g.caller().username()), Status.OK_200,
                            saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision()))));
        });
    }

    private void history(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (guard.annotation(req, res, id, Action.VIEW).isEmpty()) return;
        Http.send(res, annotations.history(req.path().pathParameters().get("id")).map(h -> h.stream().map(RevisionView::of).toList()),
                Status.OK_200);
    }

    /** One history entry as JSON: who, when, how, and the annotation as of that revision. */
    record RevisionView(String annotationId, long revision, String kind, String changedBy, Instant changedAt,
                        boolean deleted, Long revertedTo, Annotation annotation) {
        static RevisionView of(Revision r) {
            return new RevisionView(r.annotationId(), r.revision(), r.kind().name().toLowerCase(Locale.ROOT),
                    r.changedBy(), r.changedAt(), r.deleted(),
                    r.revertedTo().isPresent() ? r.revertedTo().getAsLong() : null, r.annotation());
        }
    }
}
