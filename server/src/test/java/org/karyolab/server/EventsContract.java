package org.karyolab.server;

import org.karyolab.schema.api.ServerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.service.EventBus;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/projects/{projectId}/events}: live events over SSE, with replay on reconnect. */
class EventsContract extends ApiContractOnEachDatabase {

    static final Duration WAIT = Duration.ofSeconds(10);


    TestApi annotator;
    String project;
    String image;


    @BeforeEach
    void setUp() {
        project = admin.createProject("live");
        image = admin.uploadPng(project, 200, 100);
        annotator = admin.newUser("ana");
        admin.addMember(project, "ana", "annotator");
        admin.newUser("vic");
        admin.addMember(project, "vic", "viewer");
    }


    SseClient watch(String lastEventId) {
        SseClient client = SseClient.open(server.url(), "vic", "vic-password", "/api/v1/projects/" + project + "/events",
                lastEventId);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.contentType()).startsWith("text/event-stream");
        return client;
    }

    static JsonNode json(SseClient.Event e) throws Exception {
        return SchemaJson.mapper().readTree(e.data());
    }

    @Test
    void aViewerSeesAnotherUsersSavesInOrderWithIds() throws Exception {
        try (SseClient vic = watch(null)) {
            String id = annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(10, 10, 20, 20, "1", "ana"))
                    .json().get("id").asText();
            assertThat(annotator.put("/api/v1/annotations/" + id, TestApi.box(11, 10, 20, 20, "1", "ana"), "\"1\"").status())
                    .isEqualTo(200);
            assertThat(annotator.post("/api/v1/images/" + image + "/annotations/batch", """
                    {"changes": [{"op": "create", "annotation": %s}, {"op": "delete", "id": "%s", "revision": 2}]}"""
                    .formatted(TestApi.box(50, 10, 20, 20, "2", "ana"), id)).status()).isEqualTo(200);

            List<SseClient.Event> events = vic.next(4, WAIT);
            assertThat(events).extracting(SseClient.Event::type).containsOnly("annotation-saved");
            assertThat(events).extracting(e -> json(e).get("change").asText())
                    .containsExactly("created", "updated", "created", "deleted");
            assertThat(json(events.get(0)).get("annotationId").asText()).isEqualTo(id);
            assertThat(json(events.get(0)).get("imageId").asText()).isEqualTo(image);
            assertThat(json(events.get(0)).get("by").asText()).isEqualTo("ana");
            assertThat(json(events.get(1)).get("revision").asLong()).isEqualTo(2);
            assertThat(json(events.get(3)).get("revision").asLong()).isEqualTo(3);
            List<Long> ids = events.stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
        }
    }

    /**
     * Every event names the client that made the write (its X-Client-Id), so a client can skip only its own
     * echo: the same user's write from another client or a script has another id, or none.
     */
    @Test
    void eventsCarryTheOriginatingClientIdNotJustTheUser() throws Exception {
        try (SseClient vic = watch(null)) {
            String annotations = "/api/v1/images/" + image + "/annotations";
            byte[] box = TestApi.box(10, 10, 20, 20, "1", "ana").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var first = annotator.request("POST", annotations, box, "Content-Type", "application/json", "X-Client-Id", "editor-tab-1");
            assertThat(first.status()).isEqualTo(201);
            String id = first.json().get("id").asText();
            assertThat(annotator.request("PUT", "/api/v1/annotations/" + id,
                    TestApi.box(12, 10, 20, 20, "1", "ana").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "Content-Type", "application/json", "If-Match", "\"1\"", "X-Client-Id", "script:b7").status()).isEqualTo(200);
            assertThat(annotator.request("PUT", "/api/v1/images/" + image + "/labels",
                    "{\"karyotype\": \"46,XX\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "Content-Type", "application/json", "If-Match", "\"0\"", "X-Client-Id", "script:b7").status()).isEqualTo(200);
            annotator.post(annotations, TestApi.box(50, 10, 20, 20, "2", "ana")); // no X-Client-Id

            List<SseClient.Event> events = vic.next(4, WAIT);
            assertThat(events).extracting(SseClient.Event::type)
                    .containsExactly("annotation-saved", "annotation-saved", "image-labels-changed", "annotation-saved");
            assertThat(events).extracting(e -> json(e).get("by").asText()).containsOnly("ana");
            assertThat(json(events.get(0)).get("clientId").asText()).isEqualTo("editor-tab-1");
            assertThat(json(events.get(1)).get("clientId").asText()).isEqualTo("script:b7");
            assertThat(json(events.get(2)).get("clientId").asText()).isEqualTo("script:b7");
            assertThat(json(events.get(3)).has("clientId")).as("a write that named no client").isFalse();
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissed() throws Exception {
        String lastSeen;
        try (SseClient vic = watch(null)) {
            annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(10, 10, 20, 20, "1", "ana"));
            lastSeen = vic.next(1, WAIT).getFirst().id();
        }
        // While no one watches: two more saves and an upload.
        annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(30, 10, 20, 20, "1", "ana"));
        annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(60, 10, 20, 20, "1", "ana"));
        admin.uploadPng(project, 10, 10);
        try (SseClient vic = watch(lastSeen)) {
            List<SseClient.Event> missed = vic.next(3, WAIT);
            assertThat(missed).extracting(SseClient.Event::type)
                    .containsExactly("annotation-saved", "annotation-saved", "image-added");
            assertThat(Long.parseLong(missed.getFirst().id())).isGreaterThan(Long.parseLong(lastSeen));
            assertThat(json(missed.get(0)).get("revision").asLong()).isEqualTo(1);
            // ...then live events follow on the same stream.
            annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(90, 10, 20, 20, "1", "ana"));
            SseClient.Event live = vic.next(1, WAIT).getFirst();
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(missed.get(2).id()));
        }
    }

    @Test
    void servicesOfOtherEngineersCanPublishAndOnlyTheProjectsEventsArrive() throws Exception {
        String other = admin.createProject("other");
        try (SseClient vic = watch(null)) {
            EventBus bus = server.services().events();
            bus.publish(other, new ServerEvent.TrainingProgress("job-0", 0.1, "elsewhere"));
            bus.publish(project, new ServerEvent.TrainingProgress("job-1", 0.5, "epoch 5 of 10"));
            SseClient.Event e = vic.next(1, WAIT).getFirst();
            assertThat(e.type()).isEqualTo("training-progress");
            assertThat(json(e).get("fraction").asDouble()).isEqualTo(0.5);
            assertThat(json(e).get("jobId").asText()).isEqualTo("job-1");
        }
    }

    /** Issue 10, item 19: the new instance cannot replay the old one's events, so it says so. */
    @Test
    void reconnectingAfterARestartWithAnIdFromBeforeItGetsAResync() throws Exception {
        String lastSeen;
        try (SseClient vic = watch(null)) {
            annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(10, 10, 20, 20, "1", "ana"));
            lastSeen = vic.next(1, WAIT).getFirst().id();
        }
        ServerSettings same = server.settings();
        server.close();
        server = KaryoLabServer.start(same); // same database, new instance
        annotator = annotator.at(server.url()).signIn("ana", "ana-password");
        annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(30, 10, 20, 20, "1", "ana"));
        try (SseClient vic = watch(lastSeen)) {
            SseClient.Event first = vic.next(1, WAIT).getFirst();
            assertThat(first.type()).as("not a silent replay of nothing").isEqualTo("resync");
            annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(60, 10, 20, 20, "1", "ana"));
            SseClient.Event live = vic.next(1, WAIT).getFirst();
            assertThat(live.type()).isEqualTo("annotation-saved");
            assertThat(Long.parseLong(live.id())).as("ids keep growing across restarts").isGreaterThan(Long.parseLong(lastSeen));
        }
    }

    @Test
    void anIdThisInstanceNeverGaveGetsAResync() throws Exception {
        annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(10, 10, 20, 20, "1", "ana"));
        for (String unknown : List.of("1", "999999999999999999")) {
            try (SseClient vic = watch(unknown)) {
                assertThat(vic.next(1, WAIT).getFirst().type()).as(unknown).isEqualTo("resync");
            }
        }
    }

    @Test
    void theStreamIsGuardedLikeTheProject() {
        assertThat(new TestApi(server.url()).get("/api/v1/projects/" + project + "/events").status()).isEqualTo(401);
        TestApi stranger = admin.newUser("sam");
        assertThat(stranger.get("/api/v1/projects/" + project + "/events").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/projects/no-such/events").status()).isEqualTo(404);
        try (SseClient bad = SseClient.open(server.url(), "vic", "vic-password", "/api/v1/projects/" + project + "/events",
                "yesterday")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).isEqualTo("application/problem+json");
        }
    }
}
