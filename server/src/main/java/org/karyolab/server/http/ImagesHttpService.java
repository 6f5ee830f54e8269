package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.ImageAccess;
import org.karyolab.schema.api.MetadataChange;
import org.karyolab.schema.api.Page;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.api.UploadResults;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.ProjectService;
import org.karyolab.schema.Split;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Images: upload into a project ({@code POST /api/v1/projects/{projectId}/images}: the raw bytes as
 * the body with their content type, or many files as {@code multipart/form-data}; metadata as query
 * parameters), list a page ({@code GET} the same path), read one ({@code /api/v1/images/{imageId}},
 * {@code .../content}, {@code .../thumbnail}) and change its metadata and split ({@code PUT .../metadata}).
 */
public final class ImagesHttpService implements HttpService {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private final ImageService images;
    private final ProjectService projects;
    private final Guard guard;

    public ImagesHttpService(ImageService images, ProjectService projects, Guard guard) {
        this.images = images;
        this.projects = projects;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.post("/projects/{projectId}/images", this::upload)
                .get("/projects/{projectId}/images", this::list)
                .get("/images/{imageId}", this::get)
                .get("/images/{imageId}/access", this::access)
                .get("/images/{imageId}/content", this::content)
                .get("/images/{imageId}/thumbnail", this::thumbnail)
                .delete("/images/{imageId}", this::delete)
                .put("/images/{imageId}/metadata", this::setMetadata);
    }

    // --- upload ---------------------------------------------------------------------------------

    private void upload(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        if (guard.project(req, res, projectId, Action.ANNOTATE).isEmpty()) return;
        List<Violation> violations = new ArrayList<>();
        ImageKind kind = enumParam(req, "kind", ImageKind.class, ImageKind.METAPHASE, violations);
        Stain stain = enumParam(req, "stain", Stain.class, Stain.G, violations);
        BandLevel level = enumParam(req, "bandLevel", BandLevel.class, null, violations);
        if (!violations.isEmpty()) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad image metadata",
                    "a query parameter has a value KaryoLab does not know", violations);
            return;
        }
        var metadata = new ImageService.ImageMetadata(kind, stain, level, req.query().first("caseId").orElse(null),
                req.query().first("source").orElse(null), req.query().first("licence").orElse(null));
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
        byte[] bytes = req.content().hasEntity() ? bytes(req) : new byte[0];
        ReadTimeouts.bodyRead(req); // decoding a large image is work, not a stalled read
        if (Multipart.isFormData(contentType)) {
            uploadMany(res, projectId, contentType, bytes, metadata);
            return;
        }
        Outcome<ImageService.Upload> outcome = images.uploadOrFind(projectId, contentType, bytes, metadata);
        // The same bytes again: 200 with the image already there (so a retried upload is not a second image).
        boolean existed = outcome instanceof Outcome.Done<ImageService.Upload>(ImageService.Upload u) && !u.created();
        Http.send(res, outcome.map(u -> ImageService.uploaded(u.image())), existed ? Status.OK_200 : Status.CREATED_201);
    }

    /**
     * Every file of a multipart form, each on its own: one that fails does not stop the others, and
     * is never half-stored. 201 if all were created, 207 (Multi-Status) otherwise; the body lists per
     * file the image created or the problem.
     */
    private void uploadMany(ServerResponse res, String projectId, String contentType, byte[] body,
                            ImageService.ImageMetadata metadata) {
        Optional<String> boundary = Multipart.boundary(contentType);
        if (boundary.isEmpty()) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed multipart body",
                    "multipart/form-data needs a boundary parameter (1-70 characters) in Content-Type", List.of());
            return;
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(body, boundary.get());
        } catch (Multipart.Malformed e) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed multipart body", e.getMessage(), List.of());
            return;
        }
        if (parts.isEmpty()) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "No files", "the multipart body has no part; "
                    + "send each image as a part with a filename and its Content-Type", List.of());
            return;
        }
        List<UploadResults.Result> results = new ArrayList<>();
        int created = 0;
        int existing = 0;
        for (int i = 0; i < parts.size(); i++) {
            Multipart.Part part = parts.get(i);
            String filename = part.filename() != null ? part.filename() : part.name();
            Outcome<ImageService.Upload> outcome = part.contentType() == null
                    ? new Outcome.Unsupported<>("part " + i + " has no Content-Type; give each file its image type")
                    : images.uploadOrFind(projectId, part.contentType(), part.content(), metadata);
            if (outcome instanceof Outcome.Done<ImageService.Upload>(ImageService.Upload upload)) {
                if (upload.created()) created++;
                else existing++;
                results.add(new UploadResults.Result(i, filename, upload.created() ? 201 : 200,
                        ImageService.uploaded(upload.image()), null));
            } else {
                Problem problem = Http.problemOf(outcome);
                results.add(new UploadResults.Result(i, filename, problem.status(), null, problem));
            }
        }
        Http.json(res, created == parts.size() ? Status.CREATED_201 : Status.create(207, "Multi-Status"),
                new UploadResults(results, created, existing, parts.size() - created - existing));
    }

    // --- read -----------------------------------------------------------------------------------

    private void list(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        if (guard.project(req, res, projectId, Action.VIEW).isEmpty()) return;
        List<Violation> violations = new ArrayList<>();
        ImageKind kind = enumParam(req, "kind", ImageKind.class, null, violations);
        Stain stain = enumParam(req, "stain", Stain.class, null, violations);
        Split split = enumParam(req, "split", Split.class, null, violations);
        String caseId = req.query().first("caseId").filter(s -> !s.isEmpty()).orElse(null);
        int limit = DEFAULT_PAGE;
        Optional<String> rawLimit = req.query().first("limit").asOptional();
        if (rawLimit.isPresent()) {
            limit = rawLimit.get().matches("[0-9]{1,4}") ? Integer.parseInt(rawLimit.get()) : -1;
            if (limit < 1 || limit > MAX_PAGE) {
                violations.add(new Violation("/limit", "limit must be a whole number 1.." + MAX_PAGE + " (was '" + rawLimit.get() + "')"));
            }
        }
        Long after = null;
        Optional<String> cursor = req.query().first("after").filter(s -> !s.isEmpty());
        if (cursor.isPresent()) {
            after = cursorSeq(cursor.get());
            if (after == null) {
                violations.add(new Violation("/after", "not a cursor this server gave out; pass the 'next' of the previous page"));
            }
        }
        if (!violations.isEmpty()) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad list parameters",
                    "a query parameter has a value KaryoLab does not accept", violations);
            return;
        }
        var filter = new ImageService.Filter(kind, stain, caseId, split);
        Outcome<ImageService.Page> page = images.page(projectId, filter, after, limit, projects);
        if (!(page instanceof Outcome.Done<ImageService.Page>(ImageService.Page p))) {
            Http.send(res, page, Status.OK_200);
            return;
        }
        Http.json(res, Status.OK_200, new Page<>(p.items(), p.nextAfter() == null ? null : cursorOf(p.nextAfter())));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g ->
                Http.send(res, images.entry(imageId), Status.OK_200));
    }

    /** What the caller may do with an image: the annotator greys out what its role may not. */
    private void access(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> Http.json(res, Status.OK_200, new ImageAccess(
                images.projectOf(imageId).orElseThrow(), g.role().json(), java.util.Arrays.stream(Action.values())
                .filter(g.role()::allows).map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList())));
    }

    private void content(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        if (guard.image(req, res, imageId, Action.VIEW).isEmpty()) return;
        if (!(images.get(imageId) instanceof Outcome.Done<ImageAsset>(ImageAsset image))) {
            Http.send(res, images.get(imageId), Status.OK_200);
            return;
        }
        var content = images.content(image);
        if (content.isEmpty()) {
            Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found",
                    "the bytes of image '" + imageId + "' are missing from the blob store", List.of());
            return;
        }
        res.header(HeaderNames.ETAG, "\"" + image.sha256() + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=31536000, immutable");
        res.header(HeaderNames.CONTENT_TYPE, content.get().mediaType());
        res.contentLength(content.get().size()); // a fixed length, not chunked: a client knows the size before the bytes
        try (InputStream in = content.get().bytes(); OutputStream out = res.outputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ?size=} (default 256, at most 1024): a PNG no larger than that on its long side. */
    private void thumbnail(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        if (guard.image(req, res, imageId, Action.VIEW).isEmpty()) return;
        Optional<String> raw = req.query().first("size").asOptional();
        int size = ImageService.DEFAULT_THUMBNAIL;
        if (raw.isPresent()) {
            size = raw.get().matches("[0-9]{1,5}") ? Integer.parseInt(raw.get()) : -1;
            if (size < 1 || size > ImageService.MAX_THUMBNAIL) {
                Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad thumbnail size",
                        "size must be a whole number 1.." + ImageService.MAX_THUMBNAIL + " (was '" + raw.get() + "')",
                        List.of(new Violation("/size", "must be 1.." + ImageService.MAX_THUMBNAIL)));
                return;
            }
        }
        Outcome<Path> thumb = images.thumbnail(imageId, size);
        if (!(thumb instanceof Outcome.Done<Path>(Path file))) {
            Http.send(res, thumb, Status.OK_200);
            return;
        }
        byte[] png;
        try {
            png = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, "image/png");
        res.header(HeaderNames.ETAG, "\"" + file.getFileName().toString().replace(".png", "") + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=31536000, immutable");
        res.send(png);
    }

    /** Deletes the image (MANAGE): soft, see ImageRepository#delete; 204. */
    private void delete(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.MANAGE).ifPresent(g -> {
            Outcome<String> deleted = images.delete(imageId, g.caller().username());
            Http.sendNoContent(res, deleted);
        });
    }

    // --- metadata and split ---------------------------------------------------------------------

    private void setMetadata(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        if (guard.image(req, res, imageId, Action.MANAGE).isEmpty()) return;
        Http.body(req, res, MetadataChange.class).ifPresent(change ->
                Http.send(res, images.setMetadata(imageId, change), Status.OK_200));
    }

    /** Cursors are opaque to clients: the upload sequence number, base64url-encoded with a version tag. */
    static String cursorOf(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static Long cursorSeq(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            return plain.matches("v1:[0-9]{1,18}") ? Long.parseLong(plain.substring(3)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An enum from its JSON name (e.g. {@code kind=metaphase}, {@code bandLevel=550}) via the schema codec. */
    private static <E> E enumParam(ServerRequest req, String name, Class<E> type, E fallback, List<Violation> violations) {
        var raw = req.query().first(name).filter(s -> !s.isEmpty());
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

    /** The whole body; each piece that arrives restarts its read timeout (a large upload on a slow link is not stalled). */
    private static byte[] bytes(ServerRequest req) {
        try (java.io.InputStream in = req.content().inputStream()) {
            var out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                ReadTimeouts.progress(req);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
