package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 18: images and projects can be deleted (softly, audited); the same bytes twice are one image. */
class ImageLifecycleContract extends ApiContractOnEachDatabase {

    private TestApi.Response upload(String project, byte[] png) {
        return admin.upload("/api/v1/projects/" + project + "/images?caseId=c1", "image/png", png);
    }

    private static byte[] multipart(List<byte[]> pngs) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < pngs.size(); i++) {
            out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + i
                    + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(pngs.get(i));
            out.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.writeBytes("--b0undary--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private long rows(String sql) throws Exception {
        try (var c = server.database().dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theSameBytesUploadedTwiceIntoOneProjectAreTheImageAlreadyThere() {
        String project = admin.createProject("dedup");
        byte[] png = TestApi.png(30, 20);
        var first = upload(project, png);
        assertThat(first.status()).isEqualTo(201);
        var again = upload(project, png);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(admin.get("/api/v1/projects/" + project + "/images").json().get("items")).hasSize(1);

        var many = admin.upload("/api/v1/projects/" + project + "/images?caseId=c1", "multipart/form-data; boundary=b0undary",
                multipart(List.of(png, TestApi.png(31, 20))));
        assertThat(many.status()).isEqualTo(207);
        JsonNode results = many.json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("image").get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(many.json().get("failed").asInt()).isZero();

        String other = admin.createProject("another");
        var elsewhere = upload(other, png);
        assertThat(elsewhere.status()).as("another project's image is its own").isEqualTo(201);
        assertThat(elsewhere.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    @Test
    void aDeletedImageIsGoneForEveryRouteButItsAnnotationsAreKept() throws Exception {
        String project = admin.createProject("deleting");
        byte[] png = TestApi.png(40, 30);
        String image = upload(project, png).json().get("id").asText();
        String annotation = admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 5, 5, "1", "x"))
                .json().get("id").asText();
        TestApi ann = admin.newUser("ann");
        admin.addMember(project, "ann", "annotator");
        assertThat(ann.delete("/api/v1/images/" + image, null).status()).isEqualTo(403);
        long revisions = rows("SELECT COUNT(*) FROM annotation_revisions");

        assertThat(admin.delete("/api/v1/images/" + image, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/projects/" + project + "/audit").json().get(0).get("target").asText())
                .isEqualTo("/api/v1/images/" + image);
        assertThat(admin.get("/api/v1/images/" + image).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/annotations/" + annotation).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/projects/" + project + "/images").json().get("items")).isEmpty();
        assertThat(ann.post("/api/v1/projects/" + project + "/queue/next", "").status()).as("nothing to hand out").isEqualTo(204);
        assertThat(admin.delete("/api/v1/images/" + image, null).status()).isEqualTo(404);
        assertThat(rows("SELECT COUNT(*) FROM annotation_revisions")).as("kept, for what a release froze").isEqualTo(revisions);

        var again = upload(project, png);
        assertThat(again.status()).as("the bytes of a deleted image make a new one").isEqualTo(201);
        assertThat(again.json().get("id").asText()).isNotEqualTo(image);
    }

    @Test
    void aDeletedProjectIsGoneWithItsImagesAndItsNameIsFree() {
        String project = admin.createProject("doomed");
        String image = admin.uploadPng(project, 20, 20);
        TestApi olga = admin.newUser("olga");
        admin.addMember(project, "olga", "annotator");
        assertThat(olga.delete("/api/v1/projects/" + project, null).status()).isEqualTo(403);

        assertThat(admin.delete("/api/v1/projects/" + project, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(olga.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(olga.get("/api/v1/projects").json()).isEmpty();
        assertThat(admin.get("/api/v1/images/" + image).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/projects/" + project, null).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit").json().get(0).get("target").asText()).isEqualTo("/api/v1/projects/" + project);
        admin.createProject("doomed");
    }

    @Test
    void theImageLabelsHistoryHasARoute() {
        String project = admin.createProject("labelled");
        String image = admin.uploadPng(project, 20, 20);
        assertThat(admin.get("/api/v1/images/" + image + "/labels/history").json()).isEmpty();
        admin.put("/api/v1/images/" + image + "/labels", "{\"karyotype\": \"46,XX\"}", "\"0\"");
        admin.put("/api/v1/images/" + image + "/labels", "{\"karyotype\": \"47,XX,+21\", \"quality\": [\"debris\"]}", "\"1\"");

        JsonNode history = admin.get("/api/v1/images/" + image + "/labels/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("revision").asLong()).isEqualTo(1);
        assertThat(history.get(0).get("labels").get("karyotype").asText()).isEqualTo("46,XX");
        assertThat(history.get(1).get("labels").get("karyotype").asText()).isEqualTo("47,XX,+21");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo("admin");
        assertThat(admin.get("/api/v1/images/no-such-image/labels/history").status()).isEqualTo(404);
        assertThat(admin.newUser("out").get("/api/v1/images/" + image + "/labels/history").status()).isEqualTo(403);
    }
}
