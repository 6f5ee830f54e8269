package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 12: annotation ids are safe, and a taken id tells nothing of another project's annotation. */
class AnnotationIdsContract extends ApiContractOnEachDatabase {

    private static String withId(String id, String draft) {
        return "{\"id\": \"" + id + "\", " + draft.substring(1);
    }

    @Test
    void aCreateWithAnotherProjectsIdIsAConflictThatRevealsNothing() {
        String secret = admin.createProject("secret");
        String secretImage = admin.uploadPng(secret, 200, 200);
        assertThat(admin.post("/api/v1/images/" + secretImage + "/annotations",
                withId("shared-id", TestApi.box(17, 10, 20, 20, "2", "admin"))).status()).isEqualTo(201);

        String mine = admin.createProject("mine");
        String myImage = admin.uploadPng(mine, 210, 200);
        TestApi eve = admin.newUser("eve");
        admin.addMember(mine, "eve", "annotator");
        takenShowingNothing(eve, myImage, "shared-id", secretImage);
        assertThat(eve.get("/api/v1/images/" + myImage + "/annotations").json()).isEmpty();
    }

    private static String batchCreate(String draft) {
        return "{\"changes\": [{\"op\": \"create\", \"annotation\": " + draft + "}]}";
    }

    /** Creating {@code id} on {@code image} is 409 on both routes, with nothing of the annotation at (17, 10) on {@code theirs}. */
    private static void takenShowingNothing(TestApi caller, String image, String id, String theirs) {
        String draft = withId(id, TestApi.box(30, 30, 20, 20, "1", "any"));
        var single = caller.post("/api/v1/images/" + image + "/annotations", draft);
        var batch = caller.post("/api/v1/images/" + image + "/annotations/batch", batchCreate(draft));
        for (TestApi.Response r : java.util.List.of(single, batch)) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:already-exists");
            assertThat(r.json().has("current")).isFalse();
            assertThat(r.body()).doesNotContain(theirs).doesNotContain("17.0");
        }
        assertThat(batch.json().get("detail").asText()).as("the change at fault").contains("change 0 ");
    }

    @Test
    void unsafeIdsAreRefusedOnBothRoutesAndSafeOnesKept() {
        String project = admin.createProject("ids");
        String image = admin.uploadPng(project, 200, 200);
        for (String bad : new String[] {"../../../../tmp/x", "a b", "x".repeat(65), "é"}) {
            String draft = withId(bad, TestApi.box(10, 10, 20, 20, "1", "admin"));
            var single = admin.post("/api/v1/images/" + image + "/annotations", draft);
            assertThat(single.status()).as(bad + ": " + single.body()).isEqualTo(422);
            assertThat(single.json().get("violations").get(0).get("pointer").asText()).isEqualTo("/id");
            var batch = admin.post("/api/v1/images/" + image + "/annotations/batch", batchCreate(draft));
            assertThat(batch.status()).as(bad + ": " + batch.body()).isEqualTo(422);
            assertThat(batch.json().get("violations").get(0).get("pointer").asText()).isEqualTo("/changes/0/annotation/id");
        }
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").json()).isEmpty();
        var ok = admin.post("/api/v1/images/" + image + "/annotations",
                withId("Case_12-a7", TestApi.box(10, 10, 20, 20, "1", "admin")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("id").asText()).isEqualTo("Case_12-a7");
    }

    @Test
    void aRetriedCreateIsTheCreateAndOtherContentUnderItsIdAConflictOnBothRoutes() {
        String project = admin.createProject("retries");
        String image = admin.uploadPng(project, 200, 200);
        String draft = withId("retried", TestApi.box(10, 10, 20, 20, "1", "admin"));
        assertThat(admin.post("/api/v1/images/" + image + "/annotations", draft).status()).isEqualTo(201);
        var again = admin.post("/api/v1/images/" + image + "/annotations", draft);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("revision").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").json()).hasSize(1);
        // the batch route answers a retry the same way: the change is done, nothing is written again
        String inBatch = "{\"changes\": [{\"op\": \"create\", \"annotation\": " + draft + "}]}";
        var batchAgain = admin.post("/api/v1/images/" + image + "/annotations/batch", inBatch);
        assertThat(batchAgain.status()).as(batchAgain.body()).isEqualTo(200);
        assertThat(batchAgain.json().get("saved").get(0).get("id").asText()).isEqualTo("retried");
        assertThat(batchAgain.json().get("saved").get(0).get("revision").asLong()).isEqualTo(1);
        String fresh = withId("fresh", TestApi.box(60, 60, 20, 20, "2", "admin"));
        var mixed = admin.post("/api/v1/images/" + image + "/annotations/batch",
                "{\"changes\": [{\"op\": \"create\", \"annotation\": " + draft + "}, {\"op\": \"create\", \"annotation\": "
                        + fresh + "}]}");
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(200);
        assertThat(mixed.json().get("saved")).hasSize(2);
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").json()).hasSize(2);
        assertThat(admin.get("/api/v1/annotations/retried/history").json()).as("one revision, however often sent").hasSize(1);
        var other = admin.post("/api/v1/images/" + image + "/annotations",
                withId("retried", TestApi.box(40, 10, 20, 20, "1", "admin")));
        assertThat(other.status()).isEqualTo(409);
        var otherInBatch = admin.post("/api/v1/images/" + image + "/annotations/batch",
                batchCreate(withId("retried", TestApi.box(40, 10, 20, 20, "1", "admin"))));
        assertThat(otherInBatch.status()).as(otherInBatch.body()).isEqualTo(409);
    }

    @Test
    void anIdOfAnotherImageInTheSameProjectOrOfADeletedAnnotationIsTakenAndShowsNothing() {
        String project = admin.createProject("two-images");
        String first = admin.uploadPng(project, 200, 200);
        String second = admin.uploadPng(project, 220, 200);
        String kept = withId("on-first", TestApi.box(17, 10, 20, 20, "2", "admin"));
        assertThat(admin.post("/api/v1/images/" + first + "/annotations", kept).status()).isEqualTo(201);
        String gone = withId("deleted-one", TestApi.box(17, 10, 20, 20, "2", "admin"));
        assertThat(admin.post("/api/v1/images/" + first + "/annotations", gone).status()).isEqualTo(201);
        assertThat(admin.delete("/api/v1/annotations/deleted-one", "\"1\"").status()).isEqualTo(200);
        for (String id : new String[] {"on-first", "deleted-one"}) {
            takenShowingNothing(admin, second, id, first);
        }
        assertThat(admin.get("/api/v1/images/" + second + "/annotations").json()).isEmpty();
    }

    @Test
    void sixtyFourCharactersAreAnIdAndAnEmptyOneIsNoneOnBothRoutes() {
        String project = admin.createProject("id-edges");
        String image = admin.uploadPng(project, 200, 200);
        String longest = "a-Z_9".repeat(12) + "abcd";
        var single = admin.post("/api/v1/images/" + image + "/annotations", withId(longest, TestApi.box(10, 10, 20, 20, "1", "admin")));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        assertThat(single.json().get("id").asText()).isEqualTo(longest).hasSize(64);

        var chosen = admin.post("/api/v1/images/" + image + "/annotations", withId("", TestApi.box(40, 10, 20, 20, "1", "admin")));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        var inBatch = admin.post("/api/v1/images/" + image + "/annotations/batch",
                batchCreate(withId("", TestApi.box(70, 10, 20, 20, "1", "admin"))));
        assertThat(inBatch.status()).as(inBatch.body()).isEqualTo(200);
        for (String id : new String[] {chosen.json().get("id").asText(), inBatch.json().get("saved").get(0).get("id").asText()}) {
            assertThat(java.util.UUID.fromString(id)).as("the server chose %s", id).isNotNull();
        }
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").json()).hasSize(3);
    }
}
