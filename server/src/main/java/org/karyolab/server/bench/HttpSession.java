package org.karyolab.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.bench.BenchSeed.SeededImage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated expert on the HTTP API. Each iteration opens one of its own images (metadata,
 * thumbnail or full content, annotations), then saves {@link EditMix#savesPerOpen()} edits of
 * {@link EditMix#batchSize()} annotations each, with the revisions it holds as {@code If-Match}.
 * It owns its images, so a 412 means something is wrong and is counted as an error.
 */
final class HttpSession implements TimedRun.Client {

    private static final ObjectMapper JSON = SchemaJson.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** An annotation as the client holds it between saves. */
    private static final class Held {
        final String id;
        long revision;
        Box box;
        final JsonNode labels;

        Held(String id, long revision, Box box, JsonNode labels) {
            this.id = id;
            this.revision = revision;
            this.box = box;
            this.labels = labels;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String bearer;
    private final List<SeededImage> images;
    private final EditMix mix;
    private final SaveRoute route;
    private final boolean thumbnails;
    private final SplittableRandom random;
    private int next;

    /** @param thumbnails open an image with its thumbnail instead of its full content */
    HttpSession(HttpClient http, String baseUrl, String token, List<SeededImage> images, EditMix mix, SaveRoute route,
                boolean thumbnails, long seed) {
        this.http = http;
        this.base = baseUrl;
        this.bearer = "Bearer " + token;
        this.images = images;
        this.mix = mix;
        this.route = route;
        this.thumbnails = thumbnails;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void iterate(TimedRun.Recorder r) throws IOException, InterruptedException {
        r.think();
        SeededImage image = images.get(next++ % images.size());
        String path = "/api/v1/images/" + image.id();

        long t = System.nanoTime();
        var meta = http.send(request(path).GET().build(), BodyHandlers.ofString());
        if (!ok(r, Op.GET_IMAGE, meta.statusCode(), meta.body(), t)) return;
        JSON.readTree(meta.body()); // a client parses what it fetched
        r.think();

        t = System.nanoTime();
        Op pixels = thumbnails ? Op.GET_THUMBNAIL : Op.GET_CONTENT;
        var content = http.send(request(path + (thumbnails ? "/thumbnail" : "/content")).GET().build(), BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream in = content.body()) {
            bytes = in.transferTo(OutputSink.INSTANCE);
        }
        if (content.statusCode() == 200 && (thumbnails ? bytes == 0 : bytes != image.pngBytes())) {
            r.error(pixels, "got " + bytes + " bytes" + (thumbnails ? "" : " of " + image.pngBytes()));
            return;
        }
        if (!ok(r, pixels, content.statusCode(), "", t)) return;
        r.think();

        t = System.nanoTime();
        var list = http.send(request(path + "/annotations").GET().build(), BodyHandlers.ofString());
        if (!ok(r, Op.LIST_ANNOTATIONS, list.statusCode(), list.body(), t)) return;
        List<Held> held = held(JSON.readTree(list.body()));
        if (held.isEmpty()) {
            r.error(Op.LIST_ANNOTATIONS, "image " + image.id() + " has no annotations");
            return;
        }

        for (int[] save : mix.plan(random, held.size())) {
            r.think();
            if (!r.running()) return;
            List<Held> edited = new ArrayList<>(save.length);
            List<Box> moved = new ArrayList<>(save.length);
            for (int i : save) {
                Held h = held.get(i);
                edited.add(h);
                moved.add(EditMix.nudge(h.box, random, image.width(), image.height()));
            }
            boolean saved = route == SaveRoute.BATCH ? saveBatch(r, image, edited, moved) : saveEach(r, edited, moved);
            if (!saved) return; // re-read the annotations on the next open
        }
    }

    private boolean saveBatch(TimedRun.Recorder r, SeededImage image, List<Held> edited, List<Box> moved)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode changes = body.putArray("changes");
        for (int i = 0; i < edited.size(); i++) {
            Held h = edited.get(i);
            ObjectNode change = changes.addObject().put("op", "update").put("id", h.id).put("revision", h.revision);
            change.set("annotation", draft(moved.get(i), h.labels));
        }
        long t = System.nanoTime();
        var res = http.send(request("/api/v1/images/" + image.id() + "/annotations/batch")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), BodyHandlers.ofString());
        if (!ok(r, Op.SAVE, res.statusCode(), res.body(), t)) return false;
        r.saved(edited.size(), t);
        for (int i = 0; i < edited.size(); i++) { // a save moves each annotation exactly one revision on
            edited.get(i).revision++;
            edited.get(i).box = moved.get(i);
        }
        return true;
    }

    private boolean saveEach(TimedRun.Recorder r, List<Held> edited, List<Box> moved) throws IOException, InterruptedException {
        for (int i = 0; i < edited.size(); i++) {
            if (i > 0) r.think();
            if (!r.running()) return false;
            Held h = edited.get(i);
            long t = System.nanoTime();
            var res = http.send(request("/api/v1/annotations/" + h.id)
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"" + h.revision + "\"")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(draft(moved.get(i), h.labels)))).build(),
                    BodyHandlers.ofString());
            if (!ok(r, Op.SAVE, res.statusCode(), res.body(), t)) return false;
            r.saved(1, t);
            h.revision++;
            h.box = moved.get(i);
        }
        return true;
    }

    private static ObjectNode draft(Box box, JsonNode labels) {
        ObjectNode draft = JSON.createObjectNode();
        draft.set("shape", JSON.valueToTree(box));
        draft.set("labels", labels);
        return draft;
    }

    private static List<Held> held(JsonNode annotations) {
        List<Held> out = new ArrayList<>(annotations.size());
        for (JsonNode a : annotations) {
            JsonNode s = a.get("shape");
            if (s == null || !"box".equals(s.path("type").asText())) continue; // the benchmark only moves boxes
            out.add(new Held(a.get("id").asText(), a.get("revision").asLong(),
                    new Box(s.get("x").asDouble(), s.get("y").asDouble(), s.get("width").asDouble(), s.get("height").asDouble()),
                    a.get("labels")));
        }
        return out;
    }

    /** Records a success, or counts the failure ("HTTP 412") and keeps its first answer for the report. */
    private static boolean ok(TimedRun.Recorder r, Op op, int status, String body, long start) {
        if (status / 100 == 2) {
            r.done(op, start);
            return true;
        }
        r.error(op, "HTTP " + status, body);
        return false;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", bearer);
    }

    /** Which save route this server has: the batch route if it answers at all, else one PUT per annotation. */
    static SaveRoute probe(HttpClient http, String baseUrl, String token, String imageId) throws IOException, InterruptedException {
        var res = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images/" + imageId + "/annotations/batch"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"changes\":[]}")).build(), BodyHandlers.ofString());
        boolean problem = res.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        boolean absent = res.statusCode() == 405 || (res.statusCode() == 404 && !problem);
        return absent ? SaveRoute.SINGLE : SaveRoute.BATCH;
    }

    /** Where image bytes go: counted, not kept. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
