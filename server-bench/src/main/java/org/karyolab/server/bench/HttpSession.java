package org.karyolab.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.bench.BenchSeed.SeededImage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated expert on the HTTP API. Each iteration opens one of its own images (metadata,
 * thumbnail or full content, annotations), then saves {@link EditMix#savesPerOpen()} edits of
 * {@link EditMix#batchSize()} annotations each, with the revisions it holds as {@code If-Match}.
 * It owns its images, so a 412 means something is wrong and is counted as an error. Its requests go over one
 * keep-alive connection of its own ({@link Http1Connection}).
 */
final class HttpSession implements TimedRun.Client {

    private static final ObjectMapper JSON = SchemaJson.mapper();
    private static final String JSON_TYPE = "application/json";

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

    private final Http1Connection http;
    private final String bearer;
    private final List<SeededImage> images;
    private final EditMix mix;
    private final SaveRoute route;
    private final boolean thumbnails;
    private final SplittableRandom random;
    private int next;

    /** @param thumbnails open an image with its thumbnail instead of its full content */
    HttpSession(String baseUrl, String token, List<SeededImage> images, EditMix mix, SaveRoute route,
                boolean thumbnails, long seed) {
        this.http = new Http1Connection(URI.create(baseUrl));
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
        var meta = get(path);
        if (!ok(r, Op.GET_IMAGE, meta, t)) return;
        JSON.readTree(meta.body()); // a client parses what it fetched
        r.think();

        t = System.nanoTime();
        Op pixels = thumbnails ? Op.GET_THUMBNAIL : Op.GET_CONTENT;
        var content = get(path + (thumbnails ? "/thumbnail" : "/content"));
        long bytes = content.body().length;
        if (content.status() == 200 && (thumbnails ? bytes == 0 : bytes != image.pngBytes())) {
            r.error(pixels, "got " + bytes + " bytes" + (thumbnails ? "" : " of " + image.pngBytes()));
            return;
        }
        if (!ok(r, pixels, content, t)) return;
        r.think();

        t = System.nanoTime();
        var list = get(path + "/annotations");
        if (!ok(r, Op.LIST_ANNOTATIONS, list, t)) return;
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
        var res = http.send("POST", "/api/v1/images/" + image.id() + "/annotations/batch", JSON.writeValueAsBytes(body),
                "Authorization", bearer, "Content-Type", JSON_TYPE);
        if (!ok(r, Op.SAVE, res, t)) return false;
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
            var res = http.send("PUT", "/api/v1/annotations/" + h.id, JSON.writeValueAsBytes(draft(moved.get(i), h.labels)),
                    "Authorization", bearer, "Content-Type", JSON_TYPE, "If-Match", "\"" + h.revision + "\"");
            if (!ok(r, Op.SAVE, res, t)) return false;
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
    private static boolean ok(TimedRun.Recorder r, Op op, Http1Connection.Response res, long start) {
        if (res.status() / 100 == 2) {
            r.done(op, start);
            return true;
        }
        r.error(op, "HTTP " + res.status(), res.text());
        return false;
    }

    private Http1Connection.Response get(String path) throws IOException {
        return http.send("GET", path, null, "Authorization", bearer);
    }

    @Override
    public void close() {
        http.close();
    }

    /** Which save route this server has: the batch route if it answers at all, else one PUT per annotation. */
    static SaveRoute probe(String baseUrl, String token, String imageId) throws IOException {
        try (var http = new Http1Connection(URI.create(baseUrl))) {
            var res = http.send("POST", "/api/v1/images/" + imageId + "/annotations/batch",
                    "{\"changes\":[]}".getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + token,
                    "Content-Type", JSON_TYPE);
            boolean problem = res.contentType().startsWith("application/problem+json");
            boolean absent = res.status() == 405 || (res.status() == 404 && !problem);
            return absent ? SaveRoute.SINGLE : SaveRoute.BATCH;
        }
    }
}
