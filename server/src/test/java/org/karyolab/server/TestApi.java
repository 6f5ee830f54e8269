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

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public TestApi(String baseUrl) {
        this.base = baseUrl;
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

    public Response upload(String path, String contentType, byte[] bytes) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
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

    /** Uploads a generated grey PNG of this size; returns the image id. */
    public String uploadPng(String projectId, int width, int height) {
        Response r = upload("/api/v1/projects/" + projectId + "/images?kind=metaphase&stain=G&caseId=case-1",
                "image/png", png(width, height));
        if (r.status() != 201) throw new AssertionError("upload: " + r.status() + " " + r.body());
        return r.json().get("id").asText();
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

    public static String box(double x, double y, double w, double h, String chromosomeClass, String author) {
        return """
                {"shape": {"type": "box", "x": %s, "y": %s, "width": %s, "height": %s},
                 "labels": {"chromosomeClass": "%s"},
                 "provenance": {"author": "%s", "source": "human"}}""".formatted(x, y, w, h, chromosomeClass, author);
    }
}
