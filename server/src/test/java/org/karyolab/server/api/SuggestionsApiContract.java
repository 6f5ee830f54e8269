package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.server.TestApi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Model suggestions through the HTTP API: idempotent posting, accept / edit / reject once, model reports. */
class SuggestionsApiContract extends WorkflowApiBase {

    static String suggestion(double x, String chromosomeClass, double confidence, String version) {
        return """
                {"shape": {"type": "box", "x": %s, "y": 20, "width": 30, "height": 40},
                 "labels": {"chromosomeClass": "%s"}, "confidence": %s, "modelId": "yolo-count", "modelVersion": "%s"}"""
                .formatted(x, chromosomeClass, confidence, version);
    }

    String suggestions() {
        return "/api/v1/images/" + image + "/suggestions";
    }

    String postOne(String body) {
        var r = model.post(suggestions(), body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asText();
    }

    @Test
    void postingTheSameSuggestionAgainReturnsTheStoredOne() {
        var first = model.post(suggestions(), suggestion(10, "1", 0.9, "v1"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(first.json().get("state").asText()).isEqualTo("open");
        assertThat(first.json().get("modelId").asText()).isEqualTo("yolo-count");
        assertThat(first.json().get("modelVersion").asText()).isEqualTo("v1");
        assertThat(first.json().get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(first.json().get("imageId").asText()).isEqualTo(image);
        assertThat(first.json().get("postedBy").asText()).isEqualTo("model-bot");

        // the same content with keys in another order and whole numbers written as integers
        var again = model.post(suggestions(), """
                {"modelVersion": "v1", "modelId": "yolo-count", "confidence": 0.4,
                 "labels": {"chromosomeClass": "1"}, "shape": {"height": 40, "width": 30, "y": 20, "x": 10, "type": "box"}}""");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("confidence").asDouble()).isEqualTo(0.9); // the stored one, unchanged

        var list = model.post(suggestions(), "[" + suggestion(10, "1", 0.9, "v1") + "," + suggestion(100, "2", 0.8, "v1") + "]");
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.json().get(1).get("id").asText()).isNotEqualTo(id);

        var otherVersion = model.post(suggestions(), suggestion(10, "1", 0.9, "v2"));
        assertThat(otherVersion.status()).isEqualTo(201);
        assertThat(otherVersion.json().get("id").asText()).isNotEqualTo(id);

        var open = vic.get(suggestions());
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json()).hasSize(3);
    }

    @Test
    void onlyManagersPostAndViewersOnlyLook() {
        assertProblem(ann.post(suggestions(), suggestion(10, "1", 0.9, "v1")), 403, "forbidden");
        assertProblem(vic.post(suggestions(), suggestion(10, "1", 0.9, "v1")), 403, "forbidden");
        assertProblem(admin.anonymous().post(suggestions(), suggestion(10, "1", 0.9, "v1")), 401, "unauthenticated");
        assertThat(olga.post(suggestions(), suggestion(10, "1", 0.9, "v1")).status()).isEqualTo(201);
        assertThat(vic.get(suggestions()).json()).hasSize(1);
        assertProblem(vic.get("/api/v1/images/no-such-image/suggestions"), 404, "not-found");
        assertProblem(model.post("/api/v1/images/no-such-image/suggestions", suggestion(10, "1", 0.9, "v1")), 404, "not-found");
        String id = vic.get(suggestions()).json().get(0).get("id").asText();
        assertProblem(vic.post("/api/v1/suggestions/" + id + "/accept", ""), 403, "forbidden");
        assertProblem(vic.post("/api/v1/suggestions/" + id + "/reject", ""), 403, "forbidden");
        assertProblem(ann.post("/api/v1/suggestions/no-such-suggestion/accept", ""), 404, "not-found");
        assertProblem(admin.anonymous().post("/api/v1/suggestions/" + id + "/accept", ""), 401, "unauthenticated");
        assertThat(vic.get("/api/v1/suggestions/" + id).json().get("state").asText()).isEqualTo("open");
    }

    @Test
    void badSuggestionsAreProblemsAndNothingIsStored() {
        var confidence = model.post(suggestions(), suggestion(10, "1", 1.5, "v1"));
        assertProblem(confidence, 422, "validation");
        assertThat(texts(confidence.json().get("violations"), "pointer")).contains("/confidence");

        var inList = model.post(suggestions(), "[" + suggestion(10, "1", 0.5, "v1") + "," + suggestion(60, "1", -0.1, "v1") + "]");
        assertProblem(inList, 422, "validation");
        assertThat(texts(inList.json().get("violations"), "pointer")).containsExactly("/1/confidence");

        var noModel = model.post(suggestions(), """
                {"shape": {"type": "box", "x": 1, "y": 1, "width": 3, "height": 4}, "confidence": 0.5}""");
        assertProblem(noModel, 422, "validation");
        assertThat(texts(noModel.json().get("violations"), "pointer")).contains("/modelId", "/modelVersion");

        var offImage = model.post(suggestions(), suggestion(500, "1", 0.5, "v1")); // the image is 200 px wide
        assertProblem(offImage, 422, "validation");

        assertProblem(model.post(suggestions(), "{not json"), 400, "malformed");
        assertProblem(model.post(suggestions(), "{\"confidence\": \"high\"}"), 400, "malformed");
        assertProblem(model.post(suggestions(), "[]"), 422, "validation");
        assertProblem(vic.get(suggestions() + "?state=closed"), 400, "malformed");
        assertThat(vic.get(suggestions() + "?state=all").json()).isEmpty();
    }

    @Test
    void acceptingMakesAnAnnotationThatSaysWhereItCameFrom() {
        String id = postOne(suggestion(10, "1", 0.9, "v1"));
        var accepted = ann.post("/api/v1/suggestions/" + id + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode annotation = accepted.json().get("annotation");
        assertThat(accepted.header("ETag")).isEqualTo("\"1\"");
        assertThat(annotation.get("provenance").get("source").asText()).isEqualTo("suggestion-accepted");
        assertThat(annotation.get("provenance").get("author").asText()).isEqualTo("ann");
        assertThat(annotation.get("provenance").get("modelId").asText()).isEqualTo("yolo-count");
        assertThat(annotation.get("provenance").get("modelVersion").asText()).isEqualTo("v1");
        assertThat(annotation.get("shape").get("x").asDouble()).isEqualTo(10);
        assertThat(annotation.get("status").asText()).isEqualTo("draft");

        JsonNode decided = accepted.json().get("suggestion");
        assertThat(decided.get("state").asText()).isEqualTo("accepted");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("ann");
        assertThat(decided.get("decidedAt").asText()).isNotBlank();
        assertThat(decided.get("annotationId").asText()).isEqualTo(annotation.get("id").asText());
        assertThat(decided.get("editSize").asDouble()).isEqualTo(0);

        String annotationId = annotation.get("id").asText();
        assertThat(vic.get("/api/v1/annotations/" + annotationId).status()).isEqualTo(200);
        assertThat(vic.get("/api/v1/annotations/" + annotationId + "/history").json()).hasSize(1);
        assertThat(vic.get(suggestions()).json()).isEmpty();                  // open ones only, by default
        assertThat(vic.get(suggestions() + "?state=all").json()).hasSize(1);
    }

    @Test
    void acceptingWithEditsKeepsTheModelsVersionInTheHistory() {
        String id = postOne(suggestion(10, "1", 0.9, "v1"));
        var edited = ann.post("/api/v1/suggestions/" + id + "/accept", """
                {"shape": {"type": "box", "x": 10, "y": 20, "width": 30, "height": 20}, "labels": {"chromosomeClass": "2"}}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode annotation = edited.json().get("annotation");
        assertThat(annotation.get("provenance").get("source").asText()).isEqualTo("suggestion-edited");
        assertThat(annotation.get("provenance").get("modelVersion").asText()).isEqualTo("v1");
        assertThat(annotation.get("revision").asLong()).isEqualTo(2);
        assertThat(annotation.get("labels").get("chromosomeClass").asText()).isEqualTo("2");
        // half the box kept (IoU 0.5) and the class changed: 0.5 + 1
        assertThat(edited.json().get("suggestion").get("state").asText()).isEqualTo("edited");
        assertThat(edited.json().get("suggestion").get("editSize").asDouble()).isCloseTo(1.5, within(1e-9));

        var history = vic.get("/api/v1/annotations/" + annotation.get("id").asText() + "/history").json();
        assertThat(history).hasSize(2);
        JsonNode asSuggested = history.get(0).get("annotation");
        assertThat(asSuggested.get("shape").get("height").asDouble()).isEqualTo(40);
        assertThat(asSuggested.get("labels").get("chromosomeClass").asText()).isEqualTo("1");
        assertThat(asSuggested.get("provenance").get("source").asText()).isEqualTo("suggestion-accepted");
        JsonNode asEdited = history.get(1).get("annotation");
        assertThat(asEdited.get("shape").get("height").asDouble()).isEqualTo(20);
        assertThat(asEdited.get("provenance").get("source").asText()).isEqualTo("suggestion-edited");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo("ann");

        // an "edit" that changes nothing is a plain accept
        String same = postOne(suggestion(60, "X", 0.7, "v1"));
        var unchanged = ben.post("/api/v1/suggestions/" + same + "/accept", "{\"labels\": {\"chromosomeClass\": \"X\"}}");
        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        assertThat(unchanged.json().get("suggestion").get("state").asText()).isEqualTo("accepted");

        // an edit that leaves the image is refused, and the suggestion stays open
        String third = postOne(suggestion(120, "1", 0.7, "v1"));
        assertProblem(ben.post("/api/v1/suggestions/" + third + "/accept",
                "{\"shape\": {\"type\": \"box\", \"x\": 190, \"y\": 20, \"width\": 30, \"height\": 20}}"), 422, "validation");
        assertProblem(ben.post("/api/v1/suggestions/" + third + "/accept", "{\"colour\": \"red\"}"), 400, "malformed");
        assertThat(vic.get("/api/v1/suggestions/" + third).json().get("state").asText()).isEqualTo("open");
    }

    @Test
    void aSuggestionIsDecidedOnce() {
        String rejected = postOne(suggestion(10, "1", 0.3, "v1"));
        var no = ann.post("/api/v1/suggestions/" + rejected + "/reject", "{\"reason\": \"debris, not a chromosome\"}");
        assertThat(no.status()).as(no.body()).isEqualTo(200);
        assertThat(no.json().get("state").asText()).isEqualTo("rejected");
        assertThat(no.json().get("reason").asText()).isEqualTo("debris, not a chromosome");
        assertThat(no.json().get("decidedBy").asText()).isEqualTo("ann");

        var twice = ben.post("/api/v1/suggestions/" + rejected + "/reject", "");
        assertProblem(twice, 409, "already-decided");
        assertThat(twice.json().get("current").get("state").asText()).isEqualTo("rejected");
        assertProblem(ben.post("/api/v1/suggestions/" + rejected + "/accept", ""), 409, "already-decided");

        String accepted = postOne(suggestion(60, "1", 0.9, "v1"));
        assertThat(ann.post("/api/v1/suggestions/" + accepted + "/accept", "").status()).isEqualTo(200);
        assertProblem(ben.post("/api/v1/suggestions/" + accepted + "/accept", ""), 409, "already-decided");
        assertProblem(ben.post("/api/v1/suggestions/" + accepted + "/accept", "{\"labels\": {\"chromosomeClass\": \"2\"}}"),
                409, "already-decided");
        assertProblem(ben.post("/api/v1/suggestions/" + accepted + "/reject", ""), 409, "already-decided");
        assertThat(vic.get("/api/v1/images/" + image + "/annotations").json()).hasSize(1);
    }

    @Test
    void rerunningAModelDoesNotDuplicateDecidedWork() {
        String a = postOne(suggestion(10, "1", 0.9, "v1"));
        String b = postOne(suggestion(60, "2", 0.8, "v1"));
        String annotationId = ann.post("/api/v1/suggestions/" + a + "/accept", "").json().get("annotation").get("id").asText();
        assertThat(ann.post("/api/v1/suggestions/" + b + "/reject", "").status()).isEqualTo(200);

        var rerun = model.post(suggestions(), "[" + suggestion(10, "1", 0.9, "v1") + "," + suggestion(60, "2", 0.8, "v1")
                + "," + suggestion(110, "X", 0.7, "v1") + "]");
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(201); // the third one is new
        assertThat(rerun.json().get(0).get("id").asText()).isEqualTo(a);
        assertThat(rerun.json().get(0).get("state").asText()).isEqualTo("accepted");
        assertThat(rerun.json().get(0).get("annotationId").asText()).isEqualTo(annotationId);
        assertThat(rerun.json().get(1).get("id").asText()).isEqualTo(b);
        assertThat(rerun.json().get(1).get("state").asText()).isEqualTo("rejected");
        assertThat(rerun.json().get(2).get("state").asText()).isEqualTo("open");

        assertThat(vic.get("/api/v1/images/" + image + "/annotations").json()).hasSize(1);
        assertThat(texts(vic.get(suggestions()).json(), "id")).containsExactly(rerun.json().get(2).get("id").asText());
        assertThat(vic.get(suggestions() + "?state=all").json()).hasSize(3);
    }

    @Test
    void theModelReportSaysHowEachVersionFared() {
        List<String> v1 = new ArrayList<>();
        for (int i = 0; i < 4; i++) v1.add(postOne(suggestion(10 + 40 * i, "1", 0.9, "v1")));
        postOne(suggestion(10, "1", 0.9, "v2"));
        assertThat(ann.post("/api/v1/suggestions/" + v1.get(0) + "/accept", "").status()).isEqualTo(200);
        assertThat(ann.post("/api/v1/suggestions/" + v1.get(1) + "/accept", """
                {"shape": {"type": "box", "x": 50, "y": 20, "width": 30, "height": 20}, "labels": {"chromosomeClass": "2"}}""")
                .status()).isEqualTo(200);
        assertThat(ann.post("/api/v1/suggestions/" + v1.get(2) + "/reject", "").status()).isEqualTo(200);
        assertThat(ann.post("/api/v1/suggestions/" + v1.get(3) + "/reject", "").status()).isEqualTo(200);

        var report = vic.get("/api/v1/projects/" + project + "/models");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json()).hasSize(2);
        JsonNode first = report.json().get(0);
        assertThat(first.get("modelId").asText()).isEqualTo("yolo-count");
        assertThat(first.get("modelVersion").asText()).isEqualTo("v1");
        assertThat(first.get("posted").asLong()).isEqualTo(4);
        assertThat(first.get("open").asLong()).isZero();
        assertThat(first.get("accepted").asLong()).isEqualTo(1);
        assertThat(first.get("edited").asLong()).isEqualTo(1);
        assertThat(first.get("rejected").asLong()).isEqualTo(2);
        assertThat(first.get("acceptanceRate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(first.get("meanEditSize").asDouble()).isCloseTo((0 + 1.5) / 2, within(1e-9));
        JsonNode second = report.json().get(1);
        assertThat(second.get("modelVersion").asText()).isEqualTo("v2");
        assertThat(second.get("open").asLong()).isEqualTo(1);
        assertThat(second.has("acceptanceRate")).isFalse(); // nothing decided yet
        assertProblem(admin.anonymous().get("/api/v1/projects/" + project + "/models"), 401, "unauthenticated");
    }

    @Test
    void concurrentPostsOfTheSameSuggestionsStoreThemOnce() throws Exception {
        String body = "[" + String.join(",", IntStream.range(0, 5).mapToObj(i -> suggestion(10 + 30 * i, "1", 0.8, "v1")).toList()) + "]";
        List<Callable<TestApi.Response>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) calls.add(() -> model.post(suggestions(), body));
        List<TestApi.Response> responses = together(calls);
        for (var r : responses) assertThat(r.status()).as(r.body()).isIn(200, 201);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        for (int i = 0; i < 5; i++) {
            int index = i;
            assertThat(responses.stream().map(r -> r.json().get(index).get("id").asText()).distinct()).hasSize(1);
        }
        assertThat(vic.get(suggestions() + "?state=all").json()).hasSize(5);
    }

    @Test
    void concurrentDecisionsOnOneSuggestionLetExactlyOneWin() throws Exception {
        String id = postOne(suggestion(10, "1", 0.9, "v1"));
        List<TestApi> people = new ArrayList<>(List.of(ann, ben, olga));
        for (int i = 0; i < 5; i++) people.add(member("annotator" + i, "annotator"));
        List<Callable<TestApi.Response>> calls = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            TestApi who = people.get(i);
            String path = "/api/v1/suggestions/" + id + (i % 3 == 2 ? "/reject" : "/accept");
            String edit = i % 3 == 1 ? "{\"labels\": {\"chromosomeClass\": \"2\"}}" : "";
            calls.add(() -> who.post(path, edit));
        }
        List<TestApi.Response> responses = together(calls);
        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        for (var r : responses) if (r.status() != 200) assertProblem(r, 409, "already-decided");
        String state = vic.get("/api/v1/suggestions/" + id).json().get("state").asText();
        int annotations = vic.get("/api/v1/images/" + image + "/annotations").json().size();
        assertThat(annotations).isEqualTo(state.equals("rejected") ? 0 : 1);
        assertThat(new HashSet<>(List.of("accepted", "edited", "rejected"))).contains(state);
    }
}
