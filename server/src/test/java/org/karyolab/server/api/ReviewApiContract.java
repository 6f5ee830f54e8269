package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.server.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/** Submit and review through the HTTP API: status changes as revisions, comments kept, no one reviews their own work. */
class ReviewApiContract extends WorkflowApiBase {

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

    // --- issue 10, item 11: accepted training data is exactly what a reviewer accepted -------------------

    /** Submits the image as ann and accepts every annotation on it as rita; the image is accepted. */
    void acceptAll() {
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        var accepted = rita.post("/api/v1/images/" + image + "/review", ACCEPT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("accepted");
    }

    JsonNode auditDetails() {
        var log = admin.get("/api/v1/projects/" + project + "/audit");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json();
    }

    @Test
    void editingAcceptedWorkTakesTheDecisionAwayAndSendsTheImageBackToBeReviewedAgain() {
        String a = annotate(ann, image, 10, "1");
        String b = annotate(ann, image, 60, "2");
        acceptAll();
        assertThat(annotation(a).get("revision").asLong()).isEqualTo(3);

        // sending it back unchanged changes no decision
        var same = ann.put("/api/v1/annotations/" + b, TestApi.box(60, 20, 30, 40, "2", "ann"), "\"3\"");
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("status").asText()).isEqualTo("accepted");
        assertThat(reviewState(image)).isEqualTo("accepted");

        // a new shape and class: draft again, the image open (in the work queue), all recorded
        var edited = ann.put("/api/v1/annotations/" + a, TestApi.box(12, 20, 30, 40, "21", "ann"), "\"3\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("status").asText()).isEqualTo("draft");
        assertThat(edited.json().get("revision").asLong()).isEqualTo(4);
        assertThat(annotation(a).get("status").asText()).isEqualTo("draft");
        assertThat(annotation(b).get("status").asText()).isEqualTo("accepted");
        assertThat(reviewState(image)).isEqualTo("open");
        var history = vic.get("/api/v1/annotations/" + a + "/history").json();
        assertThat(history.get(3).get("annotation").get("status").asText()).isEqualTo("draft");
        assertThat(history.get(3).get("changedBy").asText()).isEqualTo("ann");
        JsonNode audit = auditDetails().get(0);
        assertThat(audit.get("actor").asText()).isEqualTo("ann");
        assertThat(audit.get("detail").asText()).contains(a + "@4").contains(a + " was accepted").contains("back to draft")
                .contains("image " + image + " was accepted").contains("open again");

        // the review names the revision it decided on and the one it made, not the edit
        JsonNode review = vic.get("/api/v1/images/" + image + "/reviews").json().get(0);
        assertThat(review.get("annotationId").asText()).isEqualTo(a);
        assertThat(review.get("reviewedRevision").asLong()).isEqualTo(2);
        assertThat(review.get("revision").asLong()).isEqualTo(3);
        assertThat(history.get(1).get("annotation").get("shape")).isEqualTo(history.get(2).get("annotation").get("shape"));

        // back in the queue, submitted and reviewed again: only the changed one needs a decision
        var next = ben.post("/api/v1/projects/" + project + "/queue/next", "");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("imageId").asText()).isEqualTo(image);
        assertThat(ben.post("/api/v1/leases/" + next.json().get("id").asText() + "/release", "").status()).isEqualTo(200);
        var again = ann.post("/api/v1/images/" + image + "/submit", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("changed")).hasSize(1);
        assertThat(rita.post("/api/v1/annotations/" + a + "/review", ACCEPT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("accepted");
        assertThat(annotation(a).get("labels").get("chromosomeClass").asText()).isEqualTo("21");
    }

    @Test
    void deletingRevertingOrBatchEditingAcceptedWorkReopensTheImageToo() {
        String a = annotate(ann, image, 10, "1");
        String b = annotate(ann, image, 60, "2");
        String c = annotate(ann, image, 110, "X");
        acceptAll();

        assertThat(ann.delete("/api/v1/annotations/" + b, "\"3\"").status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("open");
        acceptAll();

        // the batch route (the annotator's autosave) edits the same way
        var batch = ann.post("/api/v1/images/" + image + "/annotations/batch", "{\"changes\": [{\"op\": \"update\", \"id\": \""
                + c + "\", \"revision\": 3, \"annotation\": " + TestApi.box(111, 20, 30, 40, "X", "ann") + "}]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get("saved").get(0).get("status").asText()).isEqualTo("draft");
        assertThat(reviewState(image)).isEqualTo("open");
        acceptAll();
        assertThat(annotation(c).get("revision").asLong()).isEqualTo(6);

        // a revert to content nobody accepted is draft work again; one to the accepted revision is what was accepted
        var reverted = ann.request("POST", "/api/v1/annotations/" + c + "/revert?to=1", null, "If-Match", "\"6\"");
        assertThat(reverted.status()).as(reverted.body()).isEqualTo(200);
        assertThat(reverted.json().get("status").asText()).isEqualTo("draft");
        assertThat(reviewState(image)).isEqualTo("open");
        var back = ann.request("POST", "/api/v1/annotations/" + c + "/revert?to=6", null, "If-Match", "\"7\"");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("status").asText()).isEqualTo("accepted");
        assertThat(back.json().get("shape").get("x").asDouble()).isEqualTo(111);

        // a new annotation on an accepted image is unreviewed work on it
        acceptAll();
        annotate(ben, image, 150, "Y");
        assertThat(reviewState(image)).isEqualTo("open");
        assertThat(annotation(a).get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void theStatusMovesOnlyThroughTheWorkflowRoutes() {
        String a = annotate(ann, image, 10, "1");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        assertThat(rita.post("/api/v1/annotations/" + a + "/review", REJECT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("rejected");
        String asSubmitted = withStatus(TestApi.box(10, 20, 30, 40, "1", "ann"), "submitted");

        // a rejected annotation is not sent back to review by setting its status, on either route
        assertStatusRefusedOnBothRoutes(a, 3, asSubmitted);
        assertProblem(ann.post("/api/v1/images/" + image + "/annotations", asSubmitted), 422, "validation");
        assertThat(annotation(a).get("status").asText()).isEqualTo("rejected");
        assertThat(annotation(a).get("revision").asLong()).isEqualTo(3);

        // the status it has may be sent along; the fix makes it a draft, which submitting sends to review
        var fixed = ann.put("/api/v1/annotations/" + a, withStatus(TestApi.box(14, 20, 30, 40, "1", "ann"), "rejected"), "\"3\"");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("status").asText()).isEqualTo("draft");
        assertThat(reviewState(image)).isEqualTo("rejected"); // in the work queue already
        // a stale status on a stale revision is the conflict it is
        assertProblem(ann.put("/api/v1/annotations/" + a, withStatus(TestApi.box(15, 20, 30, 40, "1", "ann"), "rejected"), "\"3\""),
                412, "stale-revision");
        var resubmitted = ann.post("/api/v1/images/" + image + "/submit", "");
        assertThat(resubmitted.json().get("changed").get(0).get("status").asText()).isEqualTo("submitted");
    }

    /** ann's edit of {@code id} at {@code revision} carrying another status: 422 at the status, on the single and the batch route. */
    private void assertStatusRefusedOnBothRoutes(String id, long revision, String draft) {
        assertProblem(ann.put("/api/v1/annotations/" + id, draft, "\"" + revision + "\""), 422, "validation");
        var batch = ann.post("/api/v1/images/" + image + "/annotations/batch", "{\"changes\": [{\"op\": \"update\", \"id\": \""
                + id + "\", \"revision\": " + revision + ", \"annotation\": " + draft + "}]}");
        assertProblem(batch, 422, "validation");
        assertThat(batch.json().get("violations").get(0).get("pointer").asText()).isEqualTo("/changes/0/annotation/status");
    }

    @Test
    void unreviewedWorkIsNotSubmittedNorTakenBackByItsStatusOnEitherRoute() {
        String a = annotate(ann, image, 10, "1");
        String asSubmitted = withStatus(TestApi.box(12, 20, 30, 40, "1", "ann"), "submitted");
        // draft -> submitted: only submitting the image does that
        assertStatusRefusedOnBothRoutes(a, 1, asSubmitted);
        assertThat(annotation(a).get("status").asText()).isEqualTo("draft");
        assertThat(annotation(a).get("revision").asLong()).isEqualTo(1);
        assertThat(reviewState(image)).isEqualTo("open");

        // submitted -> draft: neither (an edit of the content leaves it as it is, under review)
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        String asDraft = withStatus(TestApi.box(12, 20, 30, 40, "1", "ann"), "draft");
        assertStatusRefusedOnBothRoutes(a, 2, asDraft);
        assertThat(annotation(a).get("status").asText()).isEqualTo("submitted");
        var edited = ann.put("/api/v1/annotations/" + a, TestApi.box(12, 20, 30, 40, "1", "ann"), "\"2\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("status").asText()).isEqualTo("submitted");
    }

    @Test
    void reworkOnAPartlyReviewedImageTakesItOutOfReviewUntilSubmittedAgain() {
        String a = annotate(ann, image, 10, "1");
        String b = annotate(ann, image, 60, "2");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        assertThat(rita.post("/api/v1/annotations/" + a + "/review", REJECT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("submitted");

        assertThat(ann.put("/api/v1/annotations/" + a, TestApi.box(14, 20, 30, 40, "1", "ann"), "\"3\"").status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("open");
        // deciding the rest does not make an image with a draft on it accepted
        assertThat(rita.post("/api/v1/annotations/" + b + "/review", ACCEPT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("open");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").json().get("changed")).hasSize(1);
        assertThat(rita.post("/api/v1/annotations/" + a + "/review", ACCEPT).status()).isEqualTo(200);
        assertThat(reviewState(image)).isEqualTo("accepted");
    }

    @Test
    void aReviewerMayPinTheRevisionTheyDecideOn() {
        String a = annotate(ann, image, 10, "1");
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        // the annotator changes it while the reviewer looks at revision 2
        assertThat(ann.put("/api/v1/annotations/" + a, TestApi.box(14, 20, 30, 40, "1", "ann"), "\"2\"").status()).isEqualTo(200);
        var late = rita.request("POST", "/api/v1/annotations/" + a + "/review", ACCEPT.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/json", "If-Match", "\"2\"");
        assertProblem(late, 412, "stale-revision");
        assertThat(late.json().get("current").get("revision").asLong()).isEqualTo(3);
        assertThat(annotation(a).get("status").asText()).isEqualTo("submitted");
        assertThat(vic.get("/api/v1/images/" + image + "/reviews").json()).isEmpty();

        var pinned = rita.request("POST", "/api/v1/annotations/" + a + "/review", ACCEPT.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/json", "If-Match", "\"3\"");
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        JsonNode review = vic.get("/api/v1/images/" + image + "/reviews").json().get(0);
        assertThat(review.get("reviewedRevision").asLong()).isEqualTo(3);
        assertThat(review.get("revision").asLong()).isEqualTo(4);
    }

    /** A draft body with {@code "status"} added. */
    static String withStatus(String draft, String status) {
        int end = draft.lastIndexOf('}');
        return draft.substring(0, end) + ", \"status\": \"" + status + "\"}";
    }
}
