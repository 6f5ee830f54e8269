package org.karyolab.client.net;

import org.karyolab.schema.api.Credentials;
import org.karyolab.schema.api.IssuedToken;
import org.karyolab.schema.api.RejectRequest;
import org.karyolab.schema.api.ReviewRequest;
import org.karyolab.schema.api.Suggestion;
import org.karyolab.schema.api.SuggestionEdit;
import org.karyolab.schema.api.ImageLabelsAt;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.schema.api.ImageAccess;
import org.karyolab.schema.api.AcceptedSuggestion;
import org.karyolab.schema.api.Page;
import org.karyolab.schema.api.Lease;
import org.karyolab.schema.api.ImageReview;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.BatchRequest;
import org.karyolab.schema.api.BatchSaved;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Project;
import org.karyolab.schema.shape.Shape;

/**
 * The KaryoLab server's HTTP API (docs/API.md) for the annotator, over {@link java.net.http}.
 * Every error comes back as an {@link ApiException} carrying the server's problem+json (typed in
 * {@link Problems}); no answer at all is a {@link ServerUnreachableException}. Thread-safe.
 */
public final class KaryoLabClient {

    private static final String API = "/api/v1";

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private volatile String token;
    private volatile String username;
    /** This program's own id, sent as {@code X-Client-Id} with every request: events of its own writes carry it. */
    private final String clientId = java.util.UUID.randomUUID().toString();

    public KaryoLabClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    public KaryoLabClient(String baseUrl, Duration timeout) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(trimmed);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The server's address, e.g. {@code http://127.0.0.1:8080} (also names the journal directory). */
    public String baseUrl() {
        return base.toString();
    }

    /** Who is signed in (null before {@link #login}). */
    public String username() {
        return username;
    }

    /**
     * The id this client sends as {@code X-Client-Id}; the server's events name it as {@code clientId}, so
     * this client can skip the echo of its own writes and still take in its user's edits made elsewhere.
     */
    public String clientId() {
        return clientId;
    }

    public boolean signedIn() {
        return token != null;
    }

    // --- auth -----------------------------------------------------------------------------------

    /** POST /auth/login: keeps the bearer token for every later call. */
    public IssuedToken login(String user, String password) {
        IssuedToken s = Json.read(send("POST", "/auth/login", Json.write(Credentials.signIn(user, password)), 200), IssuedToken.class);
        token = s.token();
        username = s.username() != null ? s.username() : user;
        return s;
    }

    /** Use a token from elsewhere (an API token, a saved session). */
    public void useToken(String bearer, String user) {
        token = bearer;
        username = user;
    }

    // --- projects and the work queue ------------------------------------------------------------

    public List<ProjectInfo> projects() {
        return Json.read(send("GET", "/projects", null, 200), new TypeReference<List<ProjectInfo>>() {});
    }

    public ProjectInfo project(String projectId) {
        return Json.read(send("GET", "/projects/" + enc(projectId), null, 200), ProjectInfo.class);
    }

    /** Creates a project (the caller becomes its owner). */
    public ProjectInfo createProject(Project project) {
        return Json.read(send("POST", "/projects", Json.write(project), 201), ProjectInfo.class);
    }

    /** The next image to annotate, leased to the caller; empty when the queue has nothing left (204). */
    public Optional<Lease> nextImage(String projectId) {
        Response r = exchange("POST", "/projects/" + enc(projectId) + "/queue/next", null, null);
        if (r.status() == 204) return Optional.empty();
        return Optional.of(Json.read(expect(r, 200), Lease.class));
    }

    public Lease renewLease(String leaseId) {
        return Json.read(send("POST", "/leases/" + enc(leaseId) + "/renew", null, 200), Lease.class);
    }

    public Lease releaseLease(String leaseId) {
        return Json.read(send("POST", "/leases/" + enc(leaseId) + "/release", null, 200), Lease.class);
    }

    // --- images ---------------------------------------------------------------------------------

    /** One page of a project's images in upload order; {@code after} is the previous page's {@code next} (null: first page). */
    public Page<ImageInfo> images(String projectId, int limit, String after) {
        String query = "?limit=" + limit + (after == null ? "" : "&after=" + enc(after));
        return Json.read(send("GET", "/projects/" + enc(projectId) + "/images" + query, null, 200),
                new TypeReference<Page<ImageInfo>>() {});
    }

    public ImageInfo image(String imageId) {
        return Json.read(send("GET", "/images/" + enc(imageId), null, 200), ImageInfo.class);
    }

    /** The image bytes as uploaded. */
    public byte[] imageContent(String imageId) {
        return bytes("/images/" + enc(imageId) + "/content");
    }

    /** A PNG at most {@code size} pixels on its long side. */
    public byte[] thumbnail(String imageId, int size) {
        return bytes("/images/" + enc(imageId) + "/thumbnail?size=" + size);
    }

    /** Uploads image bytes ({@code image/png}, ...) to a project for case {@code caseId}. */
    public ImageInfo uploadImage(String projectId, byte[] bytes, String contentType, String caseId) {
        var r = exchange("POST", "/projects/" + enc(projectId) + "/images?caseId=" + enc(caseId),
                HttpRequest.BodyPublishers.ofByteArray(bytes), contentType);
        return Json.read(expect(r, 201), ImageInfo.class);
    }

    // --- annotations ----------------------------------------------------------------------------

    /** The image's live annotations, each at its current revision: every page of them (the server links the next). */
    public List<Annotation> annotations(String imageId) {
        return annotations(imageId, n -> { });
    }

    /**
     * The same; {@code arriving} is told how many there are once the answer is here, before it is decoded
     * (which takes most of the time for thousands), from a scan of the text (one "shape" object each).
     */
    public List<Annotation> annotations(String imageId, java.util.function.IntConsumer arriving) {
        List<String> pages = new java.util.ArrayList<>();
        String path = "/images/" + enc(imageId) + "/annotations";
        for (int page = 0; path != null; page++) {
            if (page >= MAX_PAGES) throw new ApiException(200, null, "too many pages", "the server linked more than "
                    + MAX_PAGES + " pages of annotations for image " + imageId, List.of(), null);
            Response r = exchange("GET", path, null, null);
            pages.add(expect(r, 200));
            path = nextPage(r.link());
        }
        int n = 0;
        for (String body : pages) {
            for (int i = body.indexOf("\"shape\":{"); i >= 0; i = body.indexOf("\"shape\":{", i + 9)) n++;
        }
        arriving.accept(n);
        List<Annotation> all = new java.util.ArrayList<>(n);
        for (String body : pages) all.addAll(Json.read(body, new TypeReference<List<Annotation>>() {}));
        return all;
    }

    /** More pages than any image has (a server that links in a circle must not hold the annotator forever). */
    static final int MAX_PAGES = 10_000;

    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    /**
     * The path (under {@code /api/v1}) of the page a {@code Link} header names as {@code rel="next"}, or null. The
     * server links with its absolute path ({@code </api/v1/images/.../annotations?limit=1000&after=...>}).
     */
    static String nextPage(String link) {
        if (link == null) return null;
        java.util.regex.Matcher m = NEXT.matcher(link);
        if (!m.find()) return null;
        String target = m.group(1);
        if (target.startsWith("http://") || target.startsWith("https://")) target = URI.create(target).getRawPath()
                + (URI.create(target).getRawQuery() == null ? "" : "?" + URI.create(target).getRawQuery());
        return target.startsWith(API + "/") ? target.substring(API.length()) : null;
    }

    public Annotation annotation(String annotationId) {
        return Json.read(send("GET", "/annotations/" + enc(annotationId), null, 200), Annotation.class);
    }

    /** Every revision, oldest first (deleted ones included). */
    public List<HistoryEntry> history(String annotationId) {
        return Json.read(send("GET", "/annotations/" + enc(annotationId) + "/history", null, 200),
                new TypeReference<List<HistoryEntry>>() {});
    }

    /**
     * POST /images/{id}/annotations/batch: all or nothing. Returns the saved annotation per change,
     * in order (a delete's is its tombstone). 412/409 -> {@link Problems.StaleRevisionException}
     * naming the change and the current annotation; 404 -> {@link Problems.NotFoundException} with
     * the index; 422 -> {@link Problems.InvalidException} with every violation.
     */
    public List<Annotation> saveBatch(String imageId, List<BatchOperation> changes) {
        return Json.read(send("POST", "/images/" + enc(imageId) + "/annotations/batch",
                Json.write(new BatchRequest(changes)), 200), BatchSaved.class).saved();
    }

    /** Brings back revision {@code toRevision} (also un-deletes) as a new revision after {@code expectedRevision}. */
    public Annotation revert(String annotationId, long toRevision, long expectedRevision) {
        var r = exchange("POST", "/annotations/" + enc(annotationId) + "/revert?to=" + toRevision,
                HttpRequest.BodyPublishers.noBody(), null, "If-Match", "\"" + expectedRevision + "\"");
        return Json.read(expect(r, 200), Annotation.class);
    }

    // --- image labels ---------------------------------------------------------------------------

    /** GET /images/{id}/labels: the cell's karyotype and quality flags, with their revision (0: never set). */
    public ImageLabelsAt imageLabels(String imageId) {
        return Json.read(send("GET", "/images/" + enc(imageId) + "/labels", null, 200), ImageLabelsAt.class);
    }

    /**
     * PUT /images/{id}/labels with If-Match {@code revision} (the one edited; 0 when never set). 412 ->
     * {@link Problems.StaleLabelsException} with the labels as the server has them; 422 ->
     * {@link Problems.InvalidException} (e.g. a karyotype that is not ISCN, with the column).
     */
    public ImageLabelsAt putImageLabels(String imageId, ImageLabels labels, long revision) {
        var r = exchange("PUT", "/images/" + enc(imageId) + "/labels", HttpRequest.BodyPublishers.ofString(Json.write(labels)),
                "application/json", "If-Match", "\"" + revision + "\"");
        return Json.read(expect(r, 200), ImageLabelsAt.class);
    }

    // --- suggestions ----------------------------------------------------------------------------

    /** The image's open suggestions, or all of them. */
    public List<ModelSuggestion> suggestions(String imageId, boolean all) {
        return Json.read(send("GET", "/images/" + enc(imageId) + "/suggestions" + (all ? "?state=all" : ""), null, 200),
                new TypeReference<List<Suggestion>>() {}).stream().map(ModelSuggestion::of).toList();
    }

    public ModelSuggestion suggestion(String suggestionId) {
        return ModelSuggestion.of(Json.read(send("GET", "/suggestions/" + enc(suggestionId), null, 200), Suggestion.class));
    }

    /**
     * Accepts a suggestion: as is (both null), or with the user's shape and/or labels (the annotation
     * is then suggestion-edited). 409 {@link Problems.AlreadyDecidedException} if decided before.
     */
    public AcceptedSuggestion acceptSuggestion(String suggestionId, Shape shape, AnnotationLabels labels) {
        // A typed record, not a map: the shape's "type" is only written where the declared type is Shape.
        String body = shape == null && labels == null ? null : Json.write(new SuggestionEdit(shape, labels));
        return Json.read(send("POST", "/suggestions/" + enc(suggestionId) + "/accept", body, 200), AcceptedSuggestion.class);
    }

    public ModelSuggestion rejectSuggestion(String suggestionId, String reason) {
        String body = reason == null ? null : Json.write(new RejectRequest(reason));
        return ModelSuggestion.of(Json.read(send("POST", "/suggestions/" + enc(suggestionId) + "/reject", body, 200), Suggestion.class));
    }

    // --- review ---------------------------------------------------------------------------------

    /** GET /images/{id}/access: the caller's role in the image's project and what it allows. */
    public ImageAccess access(String imageId) {
        return Json.read(send("GET", "/images/" + enc(imageId) + "/access", null, 200), ImageAccess.class);
    }

    /** Hands the image's draft annotations in for review. */
    public ImageReview submit(String imageId) {
        return Json.read(send("POST", "/images/" + enc(imageId) + "/submit", null, 200), ImageReview.class);
    }

    /** {@code decision} is {@code accept} or {@code reject} (anything else is refused here); the comment may be null. */
    public Annotation reviewAnnotation(String annotationId, String decision, String comment) {
        return Json.read(send("POST", "/annotations/" + enc(annotationId) + "/review", reviewBody(decision, comment), 200),
                Annotation.class);
    }

    public ImageReview reviewImage(String imageId, String decision, String comment) {
        return Json.read(send("POST", "/images/" + enc(imageId) + "/review", reviewBody(decision, comment), 200), ImageReview.class);
    }

    public ImageReview reviewState(String imageId) {
        return Json.read(send("GET", "/images/" + enc(imageId) + "/review", null, 200), ImageReview.class);
    }

    private static String reviewBody(String decision, String comment) {
        return Json.write(new ReviewRequest(ReviewRequest.Decision.valueOf(decision.toUpperCase(java.util.Locale.ROOT)), comment));
    }

    // --- karyotypes ----------------------------------------------------------------------------

    /**
     * POST /karyotype/{route} ({@code parse}, {@code check}, {@code lgf} or {@code read}; pure computations,
     * any signed-in caller) with {@code body} as JSON; the answer as a tree. A text that does not parse is
     * {@link Problems.InvalidException} (422) with the positioned violation at {@code /karyotype}.
     */
    public JsonNode karyotype(String route, Object body) {
        return Json.tree(send("POST", "/karyotype/" + enc(route), Json.write(body), 200));
    }

    // --- live events ----------------------------------------------------------------------------

    /**
     * Listens to a project's events until the returned stream is closed; reconnects by itself with
     * {@code Last-Event-ID}. {@code lastEventId} null: only events from now on.
     */
    public EventStream events(String projectId, String lastEventId, EventStream.Listener listener) {
        return events(projectId, lastEventId, listener, Duration.ofSeconds(1));
    }

    public EventStream events(String projectId, String lastEventId, EventStream.Listener listener, Duration retry) {
        EventStream.Opener opener = last -> {
            var b = request("/projects/" + enc(projectId) + "/events").header("Accept", "text/event-stream").GET();
            if (last != null) b.header("Last-Event-ID", last);
            try {
                HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    String text;
                    try (InputStream in = r.body()) {
                        text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    }
                    throw problem(r.statusCode(), text);
                }
                return r.body();
            } catch (IOException e) {
                throw new ServerUnreachableException("events: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerUnreachableException("interrupted", e);
            }
        };
        return new EventStream(opener, lastEventId, listener, retry);
    }

    // --- plumbing -------------------------------------------------------------------------------

    /** {@code link}: the {@code Link} header, or null. */
    private record Response(int status, String body, String link) {}

    private String send(String method, String path, String jsonBody, int expected) {
        var publisher = jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        return expect(exchange(method, path, publisher, jsonBody == null ? null : "application/json"), expected);
    }

    private String expect(Response r, int expected) {
        if (r.status() == expected || (expected == 200 && r.status() == 201) || (expected == 201 && r.status() == 200)) {
            return r.body();
        }
        throw problem(r.status(), r.body());
    }

    private static ApiException problem(int status, String body) {
        if (status == 502 || status == 503 || status == 504) {
            return new ServerUnreachableException("the server answered " + status + " (not available)", null);
        }
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : Json.tree(body);
        } catch (IllegalArgumentException e) {
            tree = null;
        }
        ApiException e = Problems.of(status, tree);
        if (tree == null && e.detail() == null) {
            return new ApiException(status, null, "HTTP " + status, body, List.of(), null);
        }
        return e;
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType, String... headers) {
        var b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body).timeout(timeout);
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Link").orElse(null));
        } catch (IOException e) {
            throw new ServerUnreachableException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted", e);
        }
    }

    private byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(request(path).GET().timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw problem(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            return r.body();
        } catch (IOException e) {
            throw new ServerUnreachableException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        var b = HttpRequest.newBuilder(URI.create(base + API + path)).header("X-Client-Id", clientId);
        String t = token;
        if (t != null) b.header("Authorization", "Bearer " + t);
        return b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(Objects.requireNonNull(s), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
