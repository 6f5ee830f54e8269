package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.MovableClock;
import org.karyolab.server.TestApi;
import org.karyolab.server.TestServers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 19: a lease means something. While ann holds the image, nobody else writes its annotations,
 * its labels, or submits it (423 {@code leased}, naming the holder and the expiry); ann does; so does anyone once
 * the lease ends. An owner or admin may override ({@code ?overrideLease=true}, audited); nobody else may ask.
 */
class LeaseEnforcementContract extends WorkflowApiBase {

    final MovableClock clock = MovableClock.flowing();

    /** ben's annotation, made before ann took the image. */
    String bens;
    /** A model's suggestion on the image, made before ann took it. */
    String suggestion;
    /** ann's lease of {@link #image}. */
    JsonNode lease;

    @Override
    protected KaryoLabServer start(TestServers database, Path data) {
        return database.start(data, clock);
    }

    @BeforeEach
    void annTakesTheImage() {
        bens = annotate(ben, image, 10, "1");
        var posted = model.post("/api/v1/images/" + image + "/suggestions", """
                {"shape": {"type": "box", "x": 150, "y": 50, "width": 9, "height": 9}, "labels": {"chromosomeClass": "2"},
                 "confidence": 0.5, "modelId": "m", "modelVersion": "1"}""");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        suggestion = posted.json().get("id").asText();
        var r = ann.post("/api/v1/projects/" + project + "/queue/next", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        lease = r.json();
        assertThat(lease.get("imageId").asText()).isEqualTo(image);
    }

    String labels() {
        return "/api/v1/images/" + image + "/labels";
    }

    /**
     * Every write a lease applies to, in an order in which each would succeed (ben's annotation: updated to 2,
     * reverted to 3, deleted at 4), as {@code who}, with {@code query} ("" or "?overrideLease=true").
     */
    List<TestApi.Response> everyWrite(TestApi who, String query) {
        String a = "/api/v1/annotations/" + bens;
        List<TestApi.Response> out = new ArrayList<>();
        out.add(who.post("/api/v1/images/" + image + "/annotations" + query, TestApi.box(60, 20, 30, 40, "2", "x")));
        out.add(who.put(a + query, TestApi.box(12, 20, 30, 40, "1", "x"), "\"1\""));
        out.add(who.post("/api/v1/images/" + image + "/annotations/batch" + query, """
                {"changes": [{"op": "create", "annotation": %s}, {"op": "create", "annotation": %s}]}"""
                .formatted(TestApi.box(100, 20, 30, 40, "2", "x"), TestApi.box(140, 20, 30, 40, "1", "x"))));
        out.add(who.put(labels() + query, "{\"karyotype\": \"47,XX,+21\"}", "\"0\""));
        out.add(who.request("POST", a + "/revert" + (query.isEmpty() ? "?" : query + "&") + "to=1", new byte[0],
                "If-Match", "\"2\""));
        out.add(who.delete(a + query, "\"3\""));
        out.add(who.post("/api/v1/suggestions/" + suggestion + "/accept" + query, ""));
        out.add(who.post("/api/v1/images/" + image + "/submit" + query, ""));
        return out;
    }

    static void assertAllSucceeded(List<TestApi.Response> writes) {
        assertThat(writes).as(writes.stream().map(TestApi.Response::body).toList().toString())
                .extracting(TestApi.Response::status).containsExactly(201, 200, 200, 200, 200, 200, 200, 200);
    }

    void assertLeasedToAnn(TestApi.Response r) {
        assertProblem(r, 423, "leased");
        assertThat(r.json().get("holder").asText()).isEqualTo("ann");
        assertThat(r.json().get("imageId").asText()).isEqualTo(image);
        assertThat(Instant.parse(r.json().get("expiresAt").asText())).isEqualTo(Instant.parse(lease.get("expiresAt").asText()));
        assertThat(r.json().get("detail").asText()).contains("ann", lease.get("expiresAt").asText(), "wait", "overrideLease=true");
    }

    /** Nothing of a refused write is there: ben's annotation alone at revision 1, no labels, the suggestion open, the image open. */
    void assertNothingWritten() {
        assertThat(ann.get("/api/v1/suggestions/" + suggestion).json().get("state").asText()).isEqualTo("open");
        JsonNode list = ann.get("/api/v1/images/" + image + "/annotations").json();
        assertThat(texts(list, "id")).containsExactly(bens);
        assertThat(list.get(0).get("revision").asLong()).isEqualTo(1);
        assertThat(ann.get(labels()).json().get("revision").asLong()).isZero();
        assertThat(ann.get("/api/v1/images/" + image + "/review").json().get("reviewState").asText()).isEqualTo("open");
    }

    List<String> actions() {
        List<String> out = new ArrayList<>();
        olga.get("/api/v1/projects/" + project + "/audit").json().forEach(e -> out.add(e.get("action").asText()));
        return out;
    }

    @Test
    void anotherAnnotatorsWritesAreRefusedWithTheHolderAndTheExpiryAndWriteNothing() {
        for (var r : everyWrite(ben, "")) assertLeasedToAnn(r);
        // an owner or an admin who does not ask to override is refused alike
        for (var r : everyWrite(olga, "")) assertLeasedToAnn(r);
        for (var r : everyWrite(admin, "")) assertLeasedToAnn(r);
        assertNothingWritten();
        assertThat(actions()).doesNotContain("lease.override");
    }

    @Test
    void theHolderWritesAsBefore() {
        assertAllSucceeded(everyWrite(ann, ""));
        assertThat(ann.get("/api/v1/annotations/" + bens + "/history").json()).hasSize(4);
        assertThat(ann.get(labels()).json().get("revision").asLong()).isEqualTo(1);
        assertThat(ann.get("/api/v1/images/" + image + "/review").json().get("reviewState").asText()).isEqualTo("submitted");
        // submitting ended the lease
        assertThat(ann.get("/api/v1/leases/" + lease.get("id").asText()).json().get("state").asText()).isEqualTo("released");
        assertThat(actions()).doesNotContain("lease.override");
    }

    @Test
    void othersWriteAgainOnceTheLeaseIsReleasedOrExpired() {
        String create = "/api/v1/images/" + image + "/annotations";
        assertLeasedToAnn(ben.post(create, TestApi.box(60, 20, 30, 40, "2", "x")));
        assertThat(ann.post("/api/v1/leases/" + lease.get("id").asText() + "/release", "").status()).isEqualTo(200);
        assertThat(ben.post(create, TestApi.box(60, 20, 30, 40, "2", "x")).status()).isEqualTo(201);

        // now ben holds it, and ann is the one refused, until ben's lease runs out
        var bens = ben.post("/api/v1/projects/" + project + "/queue/next", "");
        assertThat(bens.json().get("imageId").asText()).isEqualTo(image);
        var refused = ann.put(labels(), "{\"karyotype\": \"46,XX\"}", "\"0\"");
        assertProblem(refused, 423, "leased");
        assertThat(refused.json().get("holder").asText()).isEqualTo("ben");
        clock.advance(Duration.ofMinutes(29));
        assertProblem(ann.put(labels(), "{\"karyotype\": \"46,XX\"}", "\"0\""), 423, "leased");
        clock.advance(Duration.ofMinutes(2));
        var after = ann.put(labels(), "{\"karyotype\": \"46,XX\"}", "\"0\"");
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(ben.get("/api/v1/leases/" + bens.json().get("id").asText()).json().get("state").asText()).isEqualTo("expired");
    }

    @Test
    void anOwnerOrAnAdminOverridesAndTheAuditLogSaysSoWithTheWrite() {
        assertAllSucceeded(everyWrite(olga, "?overrideLease=true"));
        JsonNode log = olga.get("/api/v1/projects/" + project + "/audit").json();
        List<JsonNode> overrides = new ArrayList<>();
        log.forEach(e -> { if (e.get("action").asText().equals("lease.override")) overrides.add(e); });
        assertThat(overrides).hasSize(8);
        assertThat(overrides).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("olga");
            assertThat(e.get("detail").asText()).contains("ann", lease.get("id").asText(), image);
        });
        // each sits right beside the row of the write it went with (same transaction, same time)
        for (int i = 0; i < log.size(); i++) {
            if (!log.get(i).get("action").asText().equals("lease.override")) continue;
            JsonNode write = log.get(i + 1);
            assertThat(write.get("action").asText()).isIn("POST", "PUT", "DELETE");
            assertThat(write.get("target").asText()).isEqualTo(log.get(i).get("target").asText());
            assertThat(write.get("at").asText()).isEqualTo(log.get(i).get("at").asText());
        }

        // an admin may override too; and an override of an image nobody holds is just a write, not logged as one
        String other = admin.uploadPng(project, 200, 100);
        String elsewhere = "/api/v1/images/" + other + "/annotations?overrideLease=true";
        assertThat(olga.post(elsewhere, TestApi.box(1, 1, 5, 5, "1", "x")).status()).isEqualTo(201);
        assertThat(actions().stream().filter("lease.override"::equals)).hasSize(8);
    }

    @Test
    void anAdminOverrides() {
        var r = admin.put(labels() + "?overrideLease=true", "{\"karyotype\": \"47,XX,+21\"}", "\"0\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(actions()).contains("lease.override");
    }

    @Test
    void anyoneElseAskingToOverrideIsForbiddenAndNothingIsWritten() {
        for (TestApi who : List.of(ben, ann)) { // the holder may write, but may not ask for an owner's power either
            for (var r : everyWrite(who, "?overrideLease=true")) assertProblem(r, 403, "forbidden");
        }
        for (var r : everyWrite(rita, "?overrideLease=true")) assertProblem(r, 403, "forbidden");
        assertNothingWritten();
        assertProblem(olga.post("/api/v1/images/" + image + "/annotations?overrideLease=yes", TestApi.box(60, 20, 30, 40, "2", "x")),
                400, "malformed");
        assertNothingWritten();
        assertThat(actions()).contains("refused POST", "refused PUT").doesNotContain("lease.override");
    }

    @Test
    void reviewersDecideOnALeasedImage() {
        // Work still under review on an image back in the queue: ben's second annotation is submitted while his
        // first, rejected, was fixed (which reopens the image). ann then takes the image; rita decides on the second.
        assertThat(ann.post("/api/v1/leases/" + lease.get("id").asText() + "/release", "").status()).isEqualTo(200);
        String second = annotate(ben, image, 100, "2");
        assertThat(ben.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        assertThat(rita.post("/api/v1/annotations/" + bens + "/review", "{\"decision\": \"reject\", \"comment\": \"class\"}")
                .status()).isEqualTo(200);
        var fixed = ben.put("/api/v1/annotations/" + bens, TestApi.box(14, 20, 30, 40, "1", "ben"), "\"3\"");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        var again = ann.post("/api/v1/projects/" + project + "/queue/next", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("imageId").asText()).isEqualTo(image);

        var reviewed = rita.post("/api/v1/annotations/" + second + "/review", "{\"decision\": \"accept\"}");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("status").asText()).isEqualTo("accepted");
    }
}
