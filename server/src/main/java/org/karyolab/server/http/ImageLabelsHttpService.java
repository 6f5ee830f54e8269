package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.ImageLabels;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.ImageLabelService;

/**
 * Image labels (the cell's karyotype, quality flags): {@code GET /api/v1/images/{imageId}/labels} and
 * {@code PUT} with {@code If-Match: "<revision>"} ({@code "0"} for the first save), 412 when stale;
 * {@code GET .../labels/history}: every revision.
 */
public final class ImageLabelsHttpService implements HttpService {

    private final ImageLabelService labels;
    private final Guard guard;

    public ImageLabelsHttpService(ImageLabelService labels, Guard guard) {
        this.labels = labels;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(io.helidon.webserver.http.HttpRules rules) {
        rules.get("/images/{imageId}/labels", this::get)
                .put("/images/{imageId}/labels", this::put)
                .get("/images/{imageId}/labels/history", this::history);
    }

    /** Every saved revision, oldest first (empty if never set). */
    private void history(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> Http.send(res, labels.history(imageId), Status.OK_200));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g ->
                Http.send(res, labels.get(imageId), Status.OK_200, view -> res.header(HeaderNames.ETAG, Http.etag(view.revision()))));
    }

    private void put(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        var writer = guard.imageWriter(req, res, imageId);
        if (writer.isEmpty()) return;
        var revision = Http.ifMatch(req, res, 0);
        if (revision.isEmpty()) return;
        Http.body(req, res, ImageLabels.class).ifPresent(wanted ->
                Http.send(res, labels.set(imageId, wanted, revision.get(), writer.get()), Status.OK_200,
                        view -> res.header(HeaderNames.ETAG, Http.etag(view.revision()))));
    }
}
