package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.Violation;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.ProjectService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Images: upload into a project ({@code POST /api/v1/projects/{projectId}/images}, the raw bytes as
 * the body with their content type, metadata as query parameters), list, and read back
 * ({@code /api/v1/images/{imageId}} and {@code .../content}).
 */
public final class ImagesHttpService {

    private final ImageService images;
    private final ProjectService projects;
    private final Guard guard;

    public ImagesHttpService(ImageService images, ProjectService projects, Guard guard) {
        this.images = images;
        this.projects = projects;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1/projects}. */
    public HttpService byProject() {
        return rules -> rules.post("/{projectId}/images", this::upload)
                .get("/{projectId}/images", this::list);
    }

    /** Routes under {@code /api/v1/images}. */
    public HttpService byId() {
        return rules -> rules.get("/{imageId}", this::get)
                .get("/{imageId}/content", this::content);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        if (guard.project(req, res, projectId, Action.ANNOTATE).isEmpty()) return;
        List<Violation> violations = new ArrayList<>();
        ImageKind kind = enumParam(req, "kind", ImageKind.class, ImageKind.METAPHASE, violations);
        Stain stain = enumParam(req, "stain", Stain.class, Stain.G, violations);
        BandLevel level = enumParam(req, "bandLevel", BandLevel.class, null, violations);
        if (!violations.isEmpty()) {
            Http.problem(res, Status.BAD_REQUEST_400, "malformed", "Bad image metadata",
                    "a query parameter has a value KaryoLab does not know", violations);
            return;
        }
        var metadata = new ImageService.ImageMetadata(kind, stain, level, req.query().first("caseId").orElse(null),
                req.query().first("source").orElse(null), req.query().first("licence").orElse(null));
        String contentType = req.headers().contentType().map(Object::toString).orElse(null);
        byte[] bytes = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        Http.send(res, images.upload(projectId, contentType, bytes, metadata), Status.CREATED_201);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        guard.project(req, res, projectId, Action.VIEW).ifPresent(g ->
                Http.send(res, images.list(projectId, projects), Status.OK_200));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> Http.send(res, images.get(imageId), Status.OK_200));
    }

    private void content(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        if (guard.image(req, res, imageId, Action.VIEW).isEmpty()) return;
        if (!(images.get(imageId) instanceof Outcome.Done<?>(var found))) {
            Http.send(res, images.get(imageId), Status.OK_200);
            return;
        }
        var image = (org.karyolab.schema.ImageAsset) found;
        var content = images.content(image);
        if (content.isEmpty()) {
            Http.problem(res, Status.NOT_FOUND_404, "not-found", "Not found",
                    "the bytes of image '" + imageId + "' are missing from the blob store", List.of());
            return;
        }
        res.header(HeaderNames.ETAG, "\"" + image.sha256() + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=31536000, immutable");
        try (InputStream in = content.get(); OutputStream out = res.outputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An enum from its JSON name (e.g. {@code kind=metaphase}, {@code bandLevel=550}) via the schema codec. */
    private static <E> E enumParam(ServerRequest req, String name, Class<E> type, E fallback, List<Violation> violations) {
        var raw = req.query().first(name);
        if (raw.isEmpty()) return fallback;
        String json = raw.get().matches("-?[0-9]+") ? raw.get() : SchemaJson.write(raw.get());
        return switch (SchemaJson.read(json, type)) {
            case Decoded.Ok<E> ok -> ok.value();
            case Decoded.Invalid<E> invalid -> {
                violations.add(new Violation("/" + name, "unknown " + name + " '" + raw.get() + "'"));
                yield fallback;
            }
        };
    }
}
