package org.karyolab.client;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.ServerSettings;

/**
 * A real KaryoLab server for the client's tests (test scope only: the client's main code knows
 * nothing of the server). Started as the server's own tests do, on loopback, over a temp data dir.
 */
public final class LiveServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KaryoLabServer server;
    private final Path data;

    private LiveServer(KaryoLabServer server, Path data) {
        this.server = server;
        this.data = data;
    }

    /** On any free port. */
    public static LiveServer start(Path data) {
        return start(data, 0);
    }

    /** On {@code port} (0 = any): a restart on the same data dir and port looks like the same server to a client. */
    public static LiveServer start(Path data, int port) {
        KaryoLabServer server = KaryoLabServer.start(new ServerSettings("127.0.0.1", port, data, null, null, null));
        server.services().auth().ensureFirstAdmin(ADMIN, ADMIN_PASSWORD);
        return new LiveServer(server, data);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    public Path data() {
        return data;
    }

    /** The server's services (tests that publish events directly, e.g. training progress). */
    public org.karyolab.server.Services services() {
        return server.services();
    }

    public KaryoLabClient admin() {
        var client = new KaryoLabClient(url(), Duration.ofSeconds(10));
        client.login(ADMIN, ADMIN_PASSWORD);
        return client;
    }

    /** A project with the standard label set; returns its id. */
    public String project(KaryoLabClient admin, String name) {
        return admin.createProject(new Project(name, "client tests", LabelSet.standard(), null)).id();
    }

    /** Uploads a generated grey PNG; returns the image id. */
    public String image(KaryoLabClient admin, String projectId, int width, int height) {
        return admin.uploadImage(projectId, png(width, height), "image/png", "case-1").id();
    }

    /** A new user, annotator on the project, signed in. */
    public KaryoLabClient annotator(String username, String projectId) {
        String token = adminToken();
        expect(send("POST", "/api/v1/users", "{\"username\": \"%s\", \"password\": \"%s-password\"}".formatted(username, username), token), 201);
        expect(send("PUT", "/api/v1/projects/" + projectId + "/members/" + username, "{\"role\": \"annotator\"}", token), 200);
        var client = new KaryoLabClient(url(), Duration.ofSeconds(10));
        client.login(username, username + "-password");
        return client;
    }

    /** Posts model suggestions (a JSON array) to an image, as the admin (a model's account would). */
    public void suggest(String imageId, String jsonArray) {
        int status = send("POST", "/api/v1/images/" + imageId + "/suggestions", jsonArray, adminToken()).statusCode();
        if (status != 201 && status != 200) throw new AssertionError("suggestions: " + status);
    }

    private String adminToken() {
        var r = send("POST", "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}", null);
        expect(r, 200);
        return r.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) throw new AssertionError(r.statusCode() + " " + r.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        var b = HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.getRaster().setSample(x, y, 0, (x * 7 + y * 13) & 0xff);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Lines of a JSON array of suggestions: box (x, y, w, h) with class and confidence. */
    public static String boxSuggestions(List<double[]> boxes) {
        var sb = new StringBuilder("[");
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            if (i > 0) sb.append(',');
            sb.append("""
                    {"shape": {"type": "box", "x": %s, "y": %s, "width": %s, "height": %s},
                     "labels": {"chromosomeClass": "%d"}, "confidence": %s, "modelId": "yolo-chrom", "modelVersion": "1.0"}"""
                    .formatted(b[0], b[1], b[2], b[3], (int) b[4], b[5]));
        }
        return sb.append(']').toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
