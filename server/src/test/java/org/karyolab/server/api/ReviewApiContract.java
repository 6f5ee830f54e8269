package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.server.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/** Submit and review through the HTTP API: status changes as revisions, comments kept, no one reviews their own work. */
abstract class ReviewApiContract extends WorkflowApiBase {

    static final String ACCEPT = "{\"decision\": \"accept\", \"comment\": \"good\"}";
    static final String REJECT = "{\"decision\": \"reject\", \"comment\": \"split the overlap\"}";

    String reviewState(String imageId) {
        var r = vic.get("/api/v1/images/" + imageId + "/review");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("reviewState").asText();
    }

    JsonNode annotation(String id) {
        return vic.get("/api/v1/annotations/" + id).json();
    }

    @Test
    void submittingMakesTheDraftsSubmittedAsNewRevisions() {
        String a = annotate(ann, image, 10, "1");
        String b = annotate(ann, image, 60, "2");
        assertThat(reviewState(image)).isEqualTo("open");

        var submitted = ann.post("/api/v1/images/" + image + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("reviewState").asText()).isEqualTo("submitted");
        assertThat(submitted.json().get("changed")).hasSize(2);
        assertThat(reviewState(image)).isEqualTo("submitted");
        for (String id : new String[] {a, b}) {
            assertThat(annotation(id).get("status").asText()).isEqualTo("submitted");
            assertThat(annotation(id).get("revision").asLong()).isEqualTo(2);
        }
        var history = vic.get("/api/v1/annotations/" + a + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("annotation").get("status").asText()).isEqualTo("submitted");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo("ann");

        assertProblem(ann.post("/api/v1/images/" + image + "/submit", ""), 409, "already-submitted");
        assertProblem(vic.post("/api/v1/images/" + image + "/submit", ""), 403, "forbidden");
        assertProblem(rita.post("/api/v1/images/" + image + "/submit", ""), 403, "forbidden");
        assertProblem(ann.post("/api/v1/images/no-such-image/submit", ""), 404, "not-found");
    }

    @Test
    void aReviewerDecidesEachAnnotationAndTheCommentStaysWithTheRevision() {
        String a = annotate(ann, image, 10, "1");
        String b = annotate(ann, image, 60, "2");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);

        var accepted = rita.post("/api/v1/annotations/" + a + "/review", ACCEPT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.json().get("revision").asLong()).isEqualTo(3);
        assertThat(accepted.json().get("provenance").get("author").asText()).isEqualTo("ann"); // still ann's work
        assertThat(accepted.header("ETag")).isEqualTo("\"3\"");
        var history = vic.get("/api/v1/annotations/" + a + "/history").json();
        assertThat(history.get(2).get("changedBy").asText()).isEqualTo("rita");
        assertThat(history.get(2).get("annotation").get("status").asText()).isEqualTo("accepted");
        assertThat(reviewState(image)).isEqualTo("submitted"); // b is still waiting

        assertThat(rita.post("/api/v1/annotations/" + b + "/review", REJECT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("rejected");

        var reviews = vic.get("/api/v1/images/" + image + "/reviews");
        assertThat(reviews.status()).isEqualTo(200);
        assertThat(reviews.json()).hasSize(2);
        JsonNode first = reviews.json().get(0);
        assertThat(first.get("annotationId").asText()).isEqualTo(a);
        assertThat(first.get("revision").asLong()).isEqualTo(3);
        assertThat(first.get("decision").asText()).isEqualTo("accept");
        assertThat(first.get("comment").asText()).isEqualTo("good");
        assertThat(first.get("reviewer").asText()).isEqualTo("rita");
        assertThat(reviews.json().get(1).get("decision").asText()).isEqualTo("reject");
        assertThat(reviews.json().get(1).get("comment").asText()).isEqualTo("split the overlap");

        assertProblem(rita.post("/api/v1/annotations/" + a + "/review", REJECT), 409, "not-submitted");

        // the annotator fixes b and submits again: only b goes back to review, a stays accepted
        var fix = ann.put("/api/v1/annotations/" + b, TestApi.box(60, 20, 20, 40, "2", "ann"), "\"3\"");
        assertThat(fix.status()).as(fix.body()).isEqualTo(200);
        var again = ann.post("/api/v1/images/" + image + "/submit", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("changed")).hasSize(1);
        assertThat(annotation(a).get("status").asText()).isEqualTo("accepted");
        assertThat(annotation(b).get("status").asText()).isEqualTo("submitted");
        assertThat(rita.post("/api/v1/annotations/" + b + "/review", ACCEPT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("accepted");
        assertProblem(ann.post("/api/v1/images/" + image + "/submit", ""), 409, "already-submitted");
    }

    @Test
    void nobodyReviewsTheirOwnWorkWhateverTheirRole() {
        String mine = annotate(olga, image, 10, "1");
        assertThat(olga.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        var own = olga.post("/api/v1/annotations/" + mine + "/review", ACCEPT);
        assertProblem(own, 403, "own-work");
        assertProblem(olga.post("/api/v1/annotations/" + mine + "/review", REJECT), 403, "own-work");
        assertProblem(olga.post("/api/v1/images/" + image + "/review", ACCEPT), 403, "own-work");
        assertThat(annotation(mine).get("status").asText()).isEqualTo("submitted");
        assertThat(vic.get("/api/v1/images/" + image + "/reviews").json()).isEmpty();

        // the admin too
        String other = admin.uploadPng(project, 200, 100);
        String adminsOwn = annotate(admin, other, 10, "1");
        assertThat(admin.post("/api/v1/images/" + other + "/submit", "").status()).isEqualTo(200);
        assertProblem(admin.post("/api/v1/annotations/" + adminsOwn + "/review", ACCEPT), 403, "own-work");

        // someone else may
        assertThat(rita.post("/api/v1/annotations/" + mine + "/review", ACCEPT).status()).isEqualTo(200);
        assertThat(olga.post("/api/v1/annotations/" + adminsOwn + "/review", ACCEPT).status()).isEqualTo(200);
    }

    @Test
    void reviewingNeedsTheRoleAndSubmittedWork() {
        String draft = annotate(ann, image, 10, "1");
        assertProblem(rita.post("/api/v1/annotations/" + draft + "/review", ACCEPT), 409, "not-submitted");
        assertProblem(rita.post("/api/v1/images/" + image + "/review", ACCEPT), 409, "not-submitted");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        assertProblem(ben.post("/api/v1/annotations/" + draft + "/review", ACCEPT), 403, "forbidden");
        assertProblem(vic.post("/api/v1/images/" + image + "/review", ACCEPT), 403, "forbidden");
        assertProblem(admin.anonymous().post("/api/v1/annotations/" + draft + "/review", ACCEPT), 401, "unauthenticated");
        assertProblem(rita.post("/api/v1/annotations/" + draft + "/review", "{\"decision\": \"maybe\"}"), 400, "malformed");
        assertProblem(rita.post("/api/v1/annotations/" + draft + "/review", "{\"comment\": \"no decision\"}"), 422, "validation");
        assertProblem(rita.post("/api/v1/annotations/no-such-annotation/review", ACCEPT), 404, "not-found");
        assertThat(annotation(draft).get("status").asText()).isEqualTo("submitted");
    }

    @Test
    void aWholeImageReviewDecidesAllItsSubmittedAnnotations() {
        String a = annotate(ann, image, 10, "1");
        String b = annotate(ann, image, 60, "2");
        String c = annotate(ben, image, 110, "X");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);

        var rejected = rita.post("/api/v1/images/" + image + "/review", "{\"decision\": \"reject\", \"comment\": \"recount\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("reviewState").asText()).isEqualTo("rejected");
        assertThat(rejected.json().get("changed")).hasSize(3);
        for (String id : new String[] {a, b, c}) assertThat(annotation(id).get("status").asText()).isEqualTo("rejected");

        var reviews = vic.get("/api/v1/images/" + image + "/reviews").json();
        assertThat(reviews).hasSize(4); // one per annotation, one for the image
        assertThat(texts(reviews, "annotationId")).containsExactlyInAnyOrder(a, b, c, null);
        assertThat(texts(reviews, "comment")).containsOnly("recount");

        // a rejected image goes back to work, and can be submitted again
        var next = ann.post("/api/v1/projects/" + project + "/queue/next", "");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("imageId").asText()).isEqualTo(image);
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").json().get("changed")).hasSize(3);
        var accepted = rita.post("/api/v1/images/" + image + "/review", ACCEPT);
        assertThat(accepted.json().get("reviewState").asText()).isEqualTo("accepted");
        assertProblem(rita.post("/api/v1/images/" + image + "/review", ACCEPT), 409, "not-submitted");
    }

    @Test
    void anImageWithNothingOnItCanBeSubmittedAndAccepted() {
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").json().get("reviewState").asText()).isEqualTo("submitted");
        var accepted = rita.post("/api/v1/images/" + image + "/review", "{\"decision\": \"accept\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("reviewState").asText()).isEqualTo("accepted");
        assertThat(vic.get("/api/v1/images/" + image + "/reviews").json()).hasSize(1);
    }
}
