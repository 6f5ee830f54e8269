package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.karyolab.server.TestApi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The work queue through the HTTP API: order, one holder per image, leases, and concurrency. */
class QueueApiContract extends WorkflowApiBase {

    String next() {
        return "/api/v1/projects/" + project + "/queue/next";
    }

    TestApi.Response take(TestApi who) {
        var r = who.post(next(), "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void imagesComeByPriorityThenUploadOrderOneHolderEach() {
        String second = admin.uploadPng(project, 200, 100);
        String third = admin.uploadPng(project, 200, 100);
        String fourth = admin.uploadPng(project, 200, 100);
        assertThat(olga.put("/api/v1/images/" + third + "/priority", "{\"priority\": 0.73}", null).status()).isEqualTo(200);
        assertThat(model.put("/api/v1/images/" + second + "/priority", "{\"priority\": 0.2}", null).status()).isEqualTo(200);

        var first = take(ann);
        assertThat(first.json().get("imageId").asText()).isEqualTo(third);
        assertThat(first.json().get("holder").asText()).isEqualTo("ann");
        assertThat(first.json().get("state").asText()).isEqualTo("live");
        Instant granted = Instant.parse(first.json().get("grantedAt").asText());
        assertThat(Instant.parse(first.json().get("expiresAt").asText())).isEqualTo(granted.plusSeconds(30 * 60));

        // asking again while holding it: the same lease back
        var again = take(ann);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());

        assertThat(take(ben).json().get("imageId").asText()).isEqualTo(second);
        assertThat(take(olga).json().get("imageId").asText()).isEqualTo(image); // priority 0, uploaded first
        assertThat(take(member("cal", "annotator")).json().get("imageId").asText()).isEqualTo(fourth);
        var none = member("dee", "annotator").post(next(), "");
        assertThat(none.status()).isEqualTo(204);
        assertThat(none.body()).isEmpty();

        // a released image goes back to the queue
        var released = ann.post("/api/v1/leases/" + first.json().get("id").asText() + "/release", "");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("state").asText()).isEqualTo("released");
        var dee = admin.signIn("dee", "dee-password");
        assertThat(take(dee).json().get("imageId").asText()).isEqualTo(third);
    }

    @Test
    void submittedAndAcceptedImagesAreNotHandedOut() {
        String second = admin.uploadPng(project, 200, 100);
        var lease = take(ann);
        assertThat(lease.json().get("imageId").asText()).isEqualTo(image);
        assertThat(ann.post("/api/v1/images/" + image + "/submit", "").status()).isEqualTo(200);
        // submitting ended the lease
        var after = ann.get("/api/v1/leases/" + lease.json().get("id").asText());
        assertThat(after.json().get("state").asText()).isEqualTo("released");
        assertThat(take(ann).json().get("imageId").asText()).isEqualTo(second);
        assertThat(ben.post(next(), "").status()).isEqualTo(204);

        assertThat(rita.post("/api/v1/images/" + image + "/review", "{\"decision\": \"accept\"}").status()).isEqualTo(200);
        assertThat(ben.post(next(), "").status()).isEqualTo(204);

        String empty = admin.createProject("empty");
        admin.addMember(empty, "ann", "annotator");
        assertThat(ann.post("/api/v1/projects/" + empty + "/queue/next", "").status()).isEqualTo(204);
    }

    @Test
    void onlyTheHolderRenewsOrReleasesALease() {
        var lease = take(ann);
        String id = lease.json().get("id").asText();
        assertProblem(ben.post("/api/v1/leases/" + id + "/renew", ""), 403, "not-your-lease");
        assertProblem(ben.post("/api/v1/leases/" + id + "/release", ""), 403, "not-your-lease");
        assertProblem(vic.post("/api/v1/leases/" + id + "/renew", ""), 403, "forbidden");
        assertProblem(admin.anonymous().post("/api/v1/leases/" + id + "/renew", ""), 401, "unauthenticated");
        assertProblem(ann.post("/api/v1/leases/no-such-lease/renew", ""), 404, "not-found");

        var renewed = ann.post("/api/v1/leases/" + id + "/renew", "");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(Instant.parse(renewed.json().get("expiresAt").asText()))
                .isAfterOrEqualTo(Instant.parse(lease.json().get("expiresAt").asText()));

        assertThat(ann.post("/api/v1/leases/" + id + "/release", "").json().get("state").asText()).isEqualTo("released");
        assertProblem(ann.post("/api/v1/leases/" + id + "/renew", ""), 409, "lease-not-live");
        var releasedAgain = ann.post("/api/v1/leases/" + id + "/release", "");
        assertThat(releasedAgain.status()).isEqualTo(200);
        assertThat(releasedAgain.json().get("state").asText()).isEqualTo("released");
    }

    @Test
    void onlyManagersSetPriorities() {
        assertProblem(ann.put("/api/v1/images/" + image + "/priority", "{\"priority\": 0.9}", null), 403, "forbidden");
        assertProblem(olga.put("/api/v1/images/" + image + "/priority", "{\"priority\": \"high\"}", null), 400, "malformed");
        assertProblem(olga.put("/api/v1/images/" + image + "/priority", "{}", null), 422, "validation");
        assertProblem(olga.put("/api/v1/images/no-such-image/priority", "{\"priority\": 1}", null), 404, "not-found");
        var set = olga.put("/api/v1/images/" + image + "/priority", "{\"priority\": -2.5}", null);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("priority").asDouble()).isEqualTo(-2.5);
        assertProblem(vic.post(next(), ""), 403, "forbidden");
    }

    @Test
    void concurrentCallersNeverHoldTheSameImage() throws Exception {
        for (int i = 0; i < 5; i++) admin.uploadPng(project, 200, 100); // 6 images
        List<TestApi> people = new ArrayList<>();
        for (int i = 0; i < 9; i++) people.add(member("worker" + i, "annotator"));
        List<Callable<TestApi.Response>> calls = new ArrayList<>();
        for (TestApi who : people) calls.add(() -> who.post(next(), ""));
        List<TestApi.Response> responses = together(calls);

        List<TestApi.Response> granted = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(granted).hasSize(6);
        assertThat(responses.stream().filter(r -> r.status() == 204)).hasSize(3);
        assertThat(granted.stream().map(r -> r.json().get("imageId").asText()).distinct()).hasSize(6);
        assertThat(granted.stream().map(r -> r.json().get("holder").asText()).distinct()).hasSize(6);
    }

    @Test
    void oneCallerAskingManyTimesAtOnceHoldsOneImage() throws Exception {
        for (int i = 0; i < 3; i++) admin.uploadPng(project, 200, 100);
        List<Callable<TestApi.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) calls.add(() -> ann.post(next(), ""));
        List<TestApi.Response> responses = together(calls);
        for (var r : responses) assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(responses.stream().map(r -> r.json().get("id").asText()).distinct()).hasSize(1);
        // the other images are still free for someone else
        assertThat(take(ben).json().get("imageId").asText())
                .isNotEqualTo(responses.getFirst().json().get("imageId").asText());
    }
}
