package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.ImageReview;
import org.karyolab.schema.api.ReviewRequest;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.ReviewService;

/**
 * Review: {@code POST /api/v1/images/{imageId}/submit} (ANNOTATE), {@code POST /api/v1/images/{imageId}/review}
 * and {@code POST /api/v1/annotations/{id}/review} (REVIEW), {@code GET /api/v1/images/{imageId}/review} (the image's
 * review state) and {@code GET /api/v1/images/{imageId}/reviews} (every decision with its comment) (VIEW).
 */
public final class ReviewHttpService implements HttpService {

    private final ReviewService reviews;
    private final Guard guard;

    public ReviewHttpService(ReviewService reviews, Guard guard) {
        this.reviews = reviews;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.post("/images/{imageId}/submit", this::submit)
                .post("/images/{imageId}/review", this::reviewImage)
                .get("/images/{imageId}/review", this::state)
                .get("/images/{imageId}/reviews", this::list)
                .post("/annotations/{id}/review", this::reviewAnnotation);
    }

    private void submit(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.imageWriter(req, res, imageId).ifPresent(w -> Http.send(res, reviews.submit(imageId, w.username(), w), Status.OK_200));
    }

    private void reviewImage(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.REVIEW).ifPresent(g ->
                Http.body(req, res, ReviewRequest.class).ifPresent(request ->
                        Http.send(res, reviews.reviewImage(imageId, request, g.caller().username()), Status.OK_200)));
    }

    /** With {@code If-Match: "<revision>"} (optional) the decision is about that revision only: 412 if it moved on. */
    private void reviewAnnotation(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        guard.annotation(req, res, id, Action.REVIEW).ifPresent(g -> {
            Long reviewed = null;
            if (req.headers().contains(HeaderNames.IF_MATCH)) {
                var revision = Http.ifMatch(req, res);
                if (revision.isEmpty()) return;
                reviewed = revision.get();
            }
            Long pinned = reviewed;
            Http.body(req, res, ReviewRequest.class).ifPresent(request ->
                    Http.send(res, reviews.reviewAnnotation(id, request, g.caller().username(), pinned), Status.OK_200,
                            saved -> res.header(HeaderNames.ETAG, Http.etag(saved.revision()))));
        });
    }

    private void state(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> Http.send(res,
                reviews.state(imageId).map(state -> new ImageReview(imageId, state, null)), Status.OK_200));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> Http.send(res, reviews.reviews(imageId), Status.OK_200));
    }
}
