package org.karyolab.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/images/{imageId}/annotations/batch}: the annotator's autosave, all or nothing. */
class BatchSaveContract extends ApiContractOnEachDatabase {


    TestApi annotator;
    String project;
    String image;


    @BeforeEach
    void setUp() {
        project = admin.createProject("batches");
        image = admin.uploadPng(project, 200, 100);
        annotator = admin.newUser("ana");
        admin.addMember(project, "ana", "annotator");
    }


    String create(double x) {
        TestApi.Response r = annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(x, 10, 20, 20, "1", "ana"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    TestApi.Response batch(TestApi as, String changes) {
        return as.post("/api/v1/images/" + image + "/annotations/batch", "{\"changes\": [" + changes + "]}");
    }

    int liveCount() {
        return annotator.get("/api/v1/images/" + image + "/annotations").json().size();
    }

    @Test
    void createUpdateAndDeleteAreSavedTogetherInOrderAsTheCaller() {
        String a = create(10), b = create(50);
        TestApi.Response r = batch(annotator, """
                {"op": "create", "annotation": %s},
                {"op": "update", "id": "%s", "revision": 1, "annotation": %s},
                {"op": "delete", "id": "%s", "revision": 1}""".formatted(
                TestApi.box(100, 10, 20, 20, "X", "someone-else"), a, TestApi.box(12, 10, 20, 20, "2", "someone-else"), b));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode saved = r.json().get("saved");
        assertThat(saved).hasSize(3);
        assertThat(saved.get(0).get("revision").asLong()).isEqualTo(1);
        assertThat(saved.get(0).get("labels").get("chromosomeClass").asText()).isEqualTo("X");
        assertThat(saved.get(1).get("id").asText()).isEqualTo(a);
        assertThat(saved.get(1).get("revision").asLong()).isEqualTo(2);
        assertThat(saved.get(1).get("shape").get("x").asDouble()).isEqualTo(12.0);
        assertThat(saved.get(2).get("id").asText()).isEqualTo(b);
        assertThat(saved.get(2).get("revision").asLong()).isEqualTo(2);
        // The server, not the client, says who made each change.
        assertThat(saved.get(0).get("provenance").get("author").asText()).isEqualTo("ana");
        assertThat(saved.get(1).get("provenance").get("author").asText()).isEqualTo("ana");
        JsonNode history = annotator.get("/api/v1/annotations/" + b + "/history").json();
        assertThat(history.get(1).get("kind").asText()).isEqualTo("deleted");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo("ana");
        assertThat(annotator.get("/api/v1/annotations/" + a + "/history").json().get(1).get("changedBy").asText())
                .isEqualTo("ana");

        JsonNode live = annotator.get("/api/v1/images/" + image + "/annotations").json();
        assertThat(live).hasSize(2);
        assertThat(live.findValuesAsText("id")).contains(a, saved.get(0).get("id").asText()).doesNotContain(b);
    }

    @Test
    void anInvalidDraftIs422WithPointersAndNothingIsWritten() {
        String a = create(10);
        TestApi.Response r = batch(annotator, """
                {"op": "create", "annotation": %s},
                {"op": "update", "id": "%s", "revision": 1, "annotation": %s},
                {"op": "create", "annotation": %s}""".formatted(
                TestApi.box(100, 10, 20, 20, "X", "ana"), a, TestApi.box(12, 10, 20, 20, "2", "ana"),
                TestApi.box(195, 10, 20, 20, "1", "ana")));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("violations").findValuesAsText("pointer")).allMatch(p -> p.startsWith("/changes/2/annotation/shape"));
        assertThat(r.body()).contains("/changes/2/annotation/shape/");
        assertThat(liveCount()).isEqualTo(1);
        assertThat(annotator.get("/api/v1/annotations/" + a).json().get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void aStaleRevisionIs412WithTheIndexAndTheCurrentAndNothingIsWritten() {
        String a = create(10), b = create(50);
        assertThat(annotator.put("/api/v1/annotations/" + b, TestApi.box(51, 10, 20, 20, "1", "ana"), "\"1\"").status())
                .isEqualTo(200);
        TestApi.Response r = batch(annotator, """
                {"op": "update", "id": "%s", "revision": 1, "annotation": %s},
                {"op": "update", "id": "%s", "revision": 1, "annotation": %s},
                {"op": "create", "annotation": %s}""".formatted(a, TestApi.box(11, 10, 20, 20, "1", "ana"),
                b, TestApi.box(52, 10, 20, 20, "1", "ana"), TestApi.box(100, 10, 20, 20, "1", "ana")));
        assertThat(r.status()).as(r.body()).isEqualTo(412);
        assertThat(r.json().get("index").asInt()).isEqualTo(1);
        assertThat(r.json().get("current").get("id").asText()).isEqualTo(b);
        assertThat(r.json().get("current").get("revision").asLong()).isEqualTo(2);
        assertThat(r.json().get("current").get("shape").get("x").asDouble()).isEqualTo(51.0);
        assertThat(annotator.get("/api/v1/annotations/" + a).json().get("revision").asLong()).isEqualTo(1);
        assertThat(liveCount()).isEqualTo(2);
    }

    @Test
    void aMissingAnnotationIs404WithTheIndex() {
        String a = create(10);
        TestApi.Response r = batch(annotator, """
                {"op": "delete", "id": "%s", "revision": 1},
                {"op": "delete", "id": "no-such-annotation", "revision": 1}""".formatted(a));
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().get("index").asInt()).isEqualTo(1);
        assertThat(r.json().get("detail").asText()).contains("no-such-annotation");
        assertThat(liveCount()).isEqualTo(1);
        assertThat(batch(annotator, "").status()).isEqualTo(200);
    }

    @Test
    void aMalformedBatchIs400AndOnlyAnnotatorsMayBatch() {
        TestApi.Response r = batch(annotator, """
                {"op": "rename", "id": "x"},
                {"op": "update", "annotation": %s},
                {"op": "delete", "id": "x", "revision": 0}""".formatted(TestApi.box(1, 1, 5, 5, "1", "ana")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("violations").findValuesAsText("pointer"))
                .contains("/changes/0/op", "/changes/1/id", "/changes/1/revision", "/changes/2/revision");
        assertThat(annotator.post("/api/v1/images/" + image + "/annotations/batch", "{\"changes\": 3}").status()).isEqualTo(400);
        assertThat(annotator.post("/api/v1/images/" + image + "/annotations/batch", "not json").status()).isEqualTo(400);

        TestApi viewer = admin.newUser("vic");
        admin.addMember(project, "vic", "viewer");
        assertThat(batch(viewer, "{\"op\": \"create\", \"annotation\": " + TestApi.box(1, 1, 5, 5, "1", "vic") + "}").status())
                .isEqualTo(403);
        assertThat(annotator.post("/api/v1/images/nope/annotations/batch", "{\"changes\": []}").status()).isEqualTo(404);
        assertThat(liveCount()).isZero();
    }
}
