package org.karyolab.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The first server: health, the storage wired in, and data that survives a restart. */
class ServerRestartTest {

    @TempDir
    Path data;

    private ServerSettings settings() {
        return new ServerSettings("127.0.0.1", 0, data, null, null, null);
    }

    @Test
    void healthReportsTheDatabase() {
        try (KaryoLabServer server = KaryoLabServer.start(settings())) {
            TestApi.Response health = new TestApi(server.url()).get("/observe/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.body()).contains("\"database\"").contains("H2");
        }
    }

    @Test
    void aSavedAnnotationAndItsHistorySurviveARestart() {
        String imageId;
        String annotationId;
        try (KaryoLabServer server = KaryoLabServer.start(settings())) {
            TestApi api = TestApi.admin(server);
            imageId = api.uploadPng(api.createProject("restart"), 320, 240);
            TestApi.Response created = api.post("/api/v1/images/" + imageId + "/annotations",
                    TestApi.box(10, 20, 30, 80, "21", "ana"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("ETag")).isEqualTo("\"1\"");
            annotationId = created.json().get("id").asText();
            TestApi.Response updated = api.put("/api/v1/annotations/" + annotationId,
                    TestApi.box(12, 20, 30, 80, "X", "ana"), "\"1\"");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        }
        try (KaryoLabServer server = KaryoLabServer.start(settings())) {
            TestApi api = TestApi.admin(server);
            var current = api.get("/api/v1/images/" + imageId + "/annotations").json();
            assertThat(current).hasSize(1);
            assertThat(current.get(0).get("labels").get("chromosomeClass").asText()).isEqualTo("X");
            assertThat(current.get(0).get("revision").asLong()).isEqualTo(2);
            var history = api.get("/api/v1/annotations/" + annotationId + "/history").json();
            assertThat(history).hasSize(2);
            assertThat(history.get(0).get("annotation").get("labels").get("chromosomeClass").asText()).isEqualTo("21");
            assertThat(history.get(0).get("kind").asText()).isEqualToIgnoringCase("created");
            assertThat(history.get(1).get("kind").asText()).isEqualToIgnoringCase("updated");
            assertThat(history.get(1).get("changedBy").asText()).isEqualTo(TestApi.ADMIN);
            assertThat(api.get("/api/v1/images/" + imageId + "/content").raw().headers()
                    .firstValue("ETag")).isPresent();
        }
    }

    @Test
    void aStaleRevisionIsRefusedWithTheCurrentOne() {
        try (KaryoLabServer server = KaryoLabServer.start(settings())) {
            TestApi api = TestApi.admin(server);
            String imageId = api.uploadPng(api.createProject("stale"), 100, 100);
            String id = api.post("/api/v1/images/" + imageId + "/annotations", TestApi.box(1, 1, 10, 10, "1", "ana"))
                    .json().get("id").asText();
            assertThat(api.put("/api/v1/annotations/" + id, TestApi.box(2, 1, 10, 10, "1", "ana"), "\"1\"").status())
                    .isEqualTo(200);
            TestApi.Response stale = api.put("/api/v1/annotations/" + id, TestApi.box(3, 1, 10, 10, "2", "bo"), "\"1\"");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(stale.json().get("currentRevision").asLong()).isEqualTo(2);
            assertThat(stale.json().get("current").get("shape").get("x").asDouble()).isEqualTo(2.0);
            assertThat(api.get("/api/v1/annotations/" + id + "/history").json()).hasSize(2);
        }
    }
}
