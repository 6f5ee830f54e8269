package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;
import org.karyolab.server.service.EventBus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Image labels: {@code GET/PUT /api/v1/images/{imageId}/labels}, saved with a revision so no one overwrites anyone silently. */
class ImageLabelsApiContract extends ApiContractOnEachDatabase {

    String project;
    String image;
    String path;
    TestApi anna;
    TestApi ben;
    TestApi vera;

    @BeforeEach
    void setUp() {
        project = admin.createProject("labels");
        image = admin.uploadPng(project, 64, 64);
        path = "/api/v1/images/" + image + "/labels";
        anna = admin.newUser("anna");
        admin.addMember(project, "anna", "annotator");
        ben = admin.newUser("ben");
        admin.addMember(project, "ben", "annotator");
        vera = admin.newUser("vera");
        admin.addMember(project, "vera", "viewer");
    }

    @Test
    void neverSetLabelsAreEmptyAtRevisionZero() {
        TestApi.Response r = anna.get(path);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        assertThat(r.json().get("revision").asLong()).isZero();
        assertThat(r.json().get("labels").path("karyotype").isMissingNode() || r.json().get("labels").get("karyotype").isNull()).isTrue();
        assertThat(r.json().get("labels").path("quality")).isEmpty();
    }

    @Test
    void savedLabelsAreReadBackAndEachSaveIsARevision() {
        TestApi.Response first = anna.put(path, "{\"karyotype\": \"47,XX,+21\", \"quality\": [\"debris\", \"blurred\"]}", "\"0\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().get("revision").asLong()).isEqualTo(1);
        assertThat(first.json().get("changedBy").asText()).isEqualTo("anna");

        JsonNode read = vera.get(path).json();
        assertThat(read.get("revision").asLong()).isEqualTo(1);
        assertThat(read.get("labels").get("karyotype").asText()).isEqualTo("47,XX,+21");
        assertThat(read.get("labels").get("quality").toString()).isEqualTo("[\"blurred\",\"debris\"]");

        TestApi.Response second = ben.put(path, "{\"karyotype\": \"47,XY,+21\"}", "\"1\"");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("revision").asLong()).isEqualTo(2);
        assertThat(anna.get(path).json().get("labels").get("karyotype").asText()).isEqualTo("47,XY,+21");

        var history = server.services().imageLabels().history(image);
        assertThat(history).isInstanceOf(org.karyolab.server.service.Outcome.Done.class);
        var revisions = ((org.karyolab.server.service.Outcome.Done<java.util.List<org.karyolab.schema.api.ImageLabelsAt>>) history).value();
        assertThat(revisions).extracting(v -> v.revision() + " " + v.changedBy() + " " + v.labels().karyotype())
                .containsExactly("1 anna 47,XX,+21", "2 ben 47,XY,+21");
    }

    @Test
    void aSaveOnAStaleRevisionIsAConflictWithTheCurrentLabels() {
        assertThat(anna.get(path).json().get("revision").asLong()).isZero();
        assertThat(ben.get(path).json().get("revision").asLong()).isZero();
        assertThat(anna.put(path, "{\"karyotype\": \"46,XX\"}", "\"0\"").status()).isEqualTo(200);

        TestApi.Response late = ben.put(path, "{\"karyotype\": \"46,XY\"}", "\"0\"");
        assertThat(late.status()).as(late.body()).isEqualTo(412);
        assertThat(late.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(late.header("ETag")).isEqualTo("\"1\"");
        assertThat(late.json().get("type").asText()).isEqualTo("urn:karyolab:problem:stale-revision");
        assertThat(late.json().get("currentRevision").asLong()).isEqualTo(1);
        assertThat(late.json().get("current").get("labels").get("karyotype").asText()).isEqualTo("46,XX");
        assertThat(late.json().get("current").get("changedBy").asText()).isEqualTo("anna");
        assertThat(anna.get(path).json().get("labels").get("karyotype").asText()).as("nothing overwritten").isEqualTo("46,XX");

        TestApi.Response merged = ben.put(path, "{\"karyotype\": \"46,XY\"}", "\"1\"");
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("revision").asLong()).isEqualTo(2);
    }

    @Test
    void aSaveWithoutIfMatchIsRefused() {
        TestApi.Response r = anna.request("PUT", path, "{\"karyotype\": \"46,XX\"}".getBytes(), "Content-Type", "application/json");
        assertThat(r.status()).isEqualTo(428);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:precondition-required");
        assertThat(anna.get(path).json().get("revision").asLong()).isZero();
    }

    @Test
    void anUnknownImageIsNotFound() {
        assertThat(anna.get("/api/v1/images/nope/labels").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/images/nope/labels").status()).isEqualTo(404);
        TestApi.Response r = admin.put("/api/v1/images/nope/labels", "{}", "\"0\"");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:not-found");
    }

    @Test
    void aKaryotypeThatIsNotIscnIsInvalidWithItsPositionAndNothingIsSaved() {
        TestApi.Response r = anna.put(path, "{\"karyotype\": \"46,XY,t(9;22)(q34\"}", "\"0\"");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:validation");
        JsonNode violation = r.json().get("violations").get(0);
        assertThat(violation.get("pointer").asText()).isEqualTo("/karyotype");
        assertThat(violation.get("message").asText()).containsIgnoringCase("column");
        assertThat(anna.get(path).json().get("revision").asLong()).isZero();
        assertThat(server.services().imageLabels().history(image))
                .isEqualTo(org.karyolab.server.service.Outcome.done(java.util.List.of()));
    }

    @Test
    void aViewerMayReadButNotSave() {
        TestApi.Response r = vera.put(path, "{\"karyotype\": \"46,XX\"}", "\"0\"");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:forbidden");
        assertThat(vera.get(path).status()).isEqualTo(200);
        assertThat(vera.get(path).json().get("revision").asLong()).isZero();
    }

    @Test
    void aSaveIsAnnouncedToTheProject() throws Exception {
        try (EventBus.Subscription events = server.services().events().subscribe(project, null)) {
            assertThat(anna.put(path, "{\"karyotype\": \"46,XX\"}", "\"0\"").status()).isEqualTo(200);
            var event = events.next(Duration.ofSeconds(10));
            assertThat(event).isPresent();
            assertThat(event.get().type()).isEqualTo("image-labels-changed");
            assertThat(event.get().json()).contains(image).contains("\"revision\":1").contains("anna");
        }
    }
}
