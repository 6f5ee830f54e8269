package org.karyolab.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.karyolab.schema.json.SchemaJson;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests that drive a real server over loopback. */
public final class TestApi {

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return SchemaJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public TestApi(String baseUrl) {
        this(baseUrl, null);
    }

    private TestApi(String baseUrl, String token) {
        this.base = baseUrl;
        this.token = token;
    }

    /** The first admin of a fresh server, signed in. */
    public static TestApi admin(KaryoLabServer server) {
        server.services().auth().ensureFirstAdmin(ADMIN, ADMIN_PASSWORD);
        return new TestApi(server.url()).signIn(ADMIN, ADMIN_PASSWORD);
    }

    /** The same server as another user (who must exist). */
    public TestApi signIn(String username, String password) {
        Response r = post("/api/v1/auth/login", "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
        if (r.status() != 200) throw new AssertionError("login " + username + ": " + r.status() + " " + r.body());
        return new TestApi(base, r.json().get("token").asText());
    }

    /** The same server with a given bearer token (e.g. an API token). */
    public TestApi withToken(String bearer) {
        return new TestApi(base, bearer);
    }

    /** The bearer token (null when anonymous), for requests sent some other way. */
    public String token() {
        return token;
    }

    /** The same caller's client for another server address (e.g. after a restart on another port); no token. */
    public TestApi at(String baseUrl) {
        return new TestApi(baseUrl, null);
    }

    public TestApi anonymous() {
        return new TestApi(base, null);
    }

    /** Creates a user (as this admin) and signs them in. */
    public TestApi newUser(String username) {
        String password = username + "-password";
        Response r = post("/api/v1/users", "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
        if (r.status() != 201) throw new AssertionError("create user " + username + ": " + r.status() + " " + r.body());
        return signIn(username, password);
    }

    public void addMember(String projectId, String username, String role) {
        Response r = put("/api/v1/projects/" + projectId + "/members/" + username, "{\"role\": \"" + role + "\"}", null);
        if (r.status() != 200) throw new AssertionError("add member: " + r.status() + " " + r.body());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json, String ifMatch) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(b);
    }

    public Response delete(String path, String ifMatch) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(b);
    }

    /** Any request: method, path, headers (name, value, name, value...) and raw body bytes (null: none). */
    public Response request(String method, String path, byte[] body, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    /** A GET whose body is not read (for streams that never end): the status, and the body up to 4 KiB if it is a problem. */
    public Response statusOnly(String path) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<java.io.InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body = "";
            try (var in = r.body()) {
                if (r.statusCode() >= 400) body = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            }
            return new Response(r.statusCode(), body, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response upload(String path, String contentType, byte[] bytes) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private Response send(HttpRequest.Builder request) {
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A project with the standard label set; returns its id. */
    public String createProject(String name) {
        Response r = post("/api/v1/projects", """
                {"name": "%s", "description": "test", "defaultBandLevel": 400,
                 "labelSet": {"chromosomeClasses": ["1","2","21","X","Y"], "clusterTypeScheme": "lin-2021",
                              "anomalyVocabulary": ["del", "t"]}}""".formatted(name));
        if (r.status() != 201) throw new AssertionError("create project: " + r.status() + " " + r.body());
        return r.json().get("id").asText();
    }

    private static final java.util.concurrent.atomic.AtomicInteger UPLOADS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Uploads a generated grey PNG of this size, its first pixels stamped with a counter so that each call
     * uploads other bytes (the same bytes into one project are the same image); returns the image id.
     */
    public String uploadPng(String projectId, int width, int height) {
        Response r = upload("/api/v1/projects/" + projectId + "/images?kind=metaphase&stain=G&caseId=case-1",
                "image/png", stampedPng(width, height, UPLOADS.incrementAndGet()));
        if (r.status() != 201) throw new AssertionError("upload: " + r.status() + " " + r.body());
        return r.json().get("id").asText();
    }

    public static byte[] png(int width, int height) {
        return stampedPng(width, height, 0);
    }

    /** {@link #png}, with {@code stamp} (0: none) in the first four pixels (as many as there are). */
    public static byte[] stampedPng(int width, int height, int stamp) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.getRaster().setSample(x, y, 0, (x * 7 + y * 13) & 0xff);
        for (int i = 0; stamp != 0 && i < 4 && i < width * height; i++) {
            image.getRaster().setSample(i % width, i / width, 0, (stamp >>> (8 * i)) & 0xff);
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String box(double x, double y, double w, double h, String chromosomeClass, String author) {
        return """
                {"shape": {"type": "box", "x": %s, "y": %s, "width": %s, "height": %s},
                 "labels": {"chromosomeClass": "%s"},
                 "provenance": {"author": "%s", "source": "human"}}""".formatted(x, y, w, h, chromosomeClass, author);
    }
}
