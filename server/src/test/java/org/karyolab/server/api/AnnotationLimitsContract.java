package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;
import org.karyolab.server.service.AnnotationRules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 16: sizes per field and per document (413 naming the field), the project's label set enforced on
 * save (422 naming the field), and an image's annotations in pages linked by {@code Link: <...>; rel="next"}.
 */
class AnnotationLimitsContract extends ApiContractOnEachDatabase {

    String project;
    String image;
    String annotations;

    @BeforeEach
    void setUp() {
        project = admin.createProject("limits"); // classes 1, 2, 21, X, Y; lin-2021; vocabulary del, t; 400 bands
        image = admin.uploadPng(project, 200, 100);
        annotations = "/api/v1/images/" + image + "/annotations";
    }

    private static String labelled(String labels) {
        return "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"labels\": " + labels + "}";
    }

    private static String polygon(int points) {
        var sb = new StringBuilder("{\"shape\": {\"type\": \"polygon\", \"exterior\": [");
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            sb.append(i > 0 ? "," : "").append("{\"x\":").append(100 + 40 * Math.cos(t)).append(",\"y\":").append(50 + 40 * Math.sin(t)).append('}');
        }
        return sb.append("]}}").toString();
    }

    private static String pointerOf(TestApi.Response r) {
        return r.json().get("violations").get(0).get("pointer").asText();
    }

    private int count() {
        return admin.get(annotations).json().size();
    }

    // --- sizes ----------------------------------------------------------------------------------

    @Test
    void aTenMegabyteLabelIsRefusedWith413NamingItsFieldAndNothingIsStored() {
        TestApi.Response r = admin.post(annotations, labelled("{\"anomalies\": [\"" + "x".repeat(10 * 1024 * 1024) + "\"]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:too-large");
        assertThat(pointerOf(r)).isEqualTo("/labels/anomalies/0");
        assertThat(count()).isZero();
    }

    @Test
    void anAnomalyOverItsLengthIsRefusedWith413() {
        int max = AnnotationRules.Limits.DEFAULT.maxAnomalyChars();
        TestApi.Response r = admin.post(annotations, labelled("{\"anomalies\": [\"del(5)(q13q33)\", \"" + "d".repeat(max + 1) + "\"]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(pointerOf(r)).isEqualTo("/labels/anomalies/1");
        assertThat(r.json().get("violations").get(0).get("message").asText()).contains("at most " + max);
    }

    @Test
    void aHalfMillionPointPolygonIsRefusedWith413NamingTheRing() {
        TestApi.Response r = admin.post(annotations, polygon(500_000));
        assertThat(r.status()).as(r.body().substring(0, Math.min(500, r.body().length()))).isEqualTo(413);
        assertThat(pointerOf(r)).isEqualTo("/shape/exterior");
        assertThat(r.json().get("violations").get(0).get("message").asText()).contains("has 500000");
        assertThat(count()).isZero();
    }

    @Test
    void aPolygonAtTheLimitIsSaved() {
        TestApi.Response r = admin.post(annotations, polygon(AnnotationRules.Limits.DEFAULT.maxRingPoints()));
        assertThat(r.status()).as(r.body().substring(0, Math.min(500, r.body().length()))).isEqualTo(201);
    }

    @Test
    void tooManyMaskRunsBandCallsAnomaliesAndALongModelNameAreEachNamed() {
        var limits = AnnotationRules.Limits.DEFAULT;
        // 200 x 100 = 20,000 pixels in more runs than a mask may have (zero-length runs are allowed by the schema)
        List<Integer> counts = new ArrayList<>(Collections.nCopies(limits.maxMaskRuns(), 0));
        counts.add(20_000);
        TestApi.Response mask = admin.post(annotations, "{\"shape\": {\"type\": \"mask\", \"width\": 200, \"height\": 100, \"counts\": "
                + counts + "}}");
        assertThat(mask.status()).as(mask.body()).isEqualTo(413);
        assertThat(pointerOf(mask)).isEqualTo("/shape/counts");

        String band = "{\"band\": \"1q21\", \"start\": 0.1, \"end\": 0.2}";
        TestApi.Response bands = admin.post(annotations, labelled("{\"chromosomeClass\": \"1\", \"bands\": ["
                + String.join(",", Collections.nCopies(limits.maxBandCalls() + 1, band)) + "]}"));
        assertThat(bands.status()).as(bands.body()).isEqualTo(413);
        assertThat(pointerOf(bands)).isEqualTo("/labels/bands");

        TestApi.Response anomalies = admin.post(annotations, labelled("{\"anomalies\": ["
                + String.join(",", Collections.nCopies(limits.maxAnomalies() + 1, "\"del(1)(q21)\"")) + "]}"));
        assertThat(anomalies.status()).as(anomalies.body()).isEqualTo(413);
        assertThat(pointerOf(anomalies)).isEqualTo("/labels/anomalies");

        // in a batch, the change is named; nothing of the batch is saved
        String model = "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"provenance\": {\"author\": \"x\", "
                + "\"modelId\": \"" + "m".repeat(limits.maxNameChars() + 1) + "\", \"modelVersion\": \"1\", \"source\": \"suggestion-accepted\"}}";
        TestApi.Response batch = admin.post(annotations + "/batch", "{\"changes\": [{\"op\": \"create\", \"annotation\": "
                + labelled("{}") + "}, {\"op\": \"create\", \"annotation\": " + model + "}]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(413);
        assertThat(pointerOf(batch)).isEqualTo("/changes/1/annotation/provenance/modelId");
        assertThat(count()).isZero();
    }

    @Test
    void anUpdateOverALimitIsRefusedAndTheAnnotationKeepsItsRevision() {
        JsonNode saved = admin.post(annotations, polygon(100)).json();
        String path = "/api/v1/annotations/" + saved.get("id").asText();
        TestApi.Response r = admin.put(path, polygon(AnnotationRules.Limits.DEFAULT.maxRingPoints() + 1), "\"1\"");
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(pointerOf(r)).isEqualTo("/shape/exterior");
        assertThat(admin.get(path).json().get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void aSuggestionOverALimitIsRefusedWith413() {
        TestApi.Response r = admin.post("/api/v1/images/" + image + "/suggestions", "{\"modelId\": \"m\", \"modelVersion\": \"1\", "
                + "\"confidence\": 0.5, " + polygon(AnnotationRules.Limits.DEFAULT.maxRingPoints() + 1).substring(1));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(pointerOf(r)).isEqualTo("/shape/exterior");
    }

    // --- the project's label set ----------------------------------------------------------------

    @Test
    void aClassOutsideTheProjectsLabelSetIsRefused() {
        TestApi.Response r = admin.post(annotations, labelled("{\"chromosomeClass\": \"7\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(pointerOf(r)).isEqualTo("/labels/chromosomeClass");
        assertThat(admin.post(annotations, labelled("{\"chromosomeClass\": \"21\"}")).status()).isEqualTo(201);
    }

    @Test
    void aClusterTypeOutsideTheProjectsSchemeIsRefused() {
        TestApi.Response created = admin.post("/api/v1/projects", """
                {"name": "overlaps", "defaultBandLevel": 400,
                 "labelSet": {"chromosomeClasses": ["1"], "clusterTypeScheme": "overlap-count", "anomalyVocabulary": []}}""");
        String other = admin.uploadPng(created.json().get("id").asText(), 50, 50);
        String path = "/api/v1/images/" + other + "/annotations";
        TestApi.Response r = admin.post(path, labelled("{\"clusterType\": \"touching-overlapping\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(pointerOf(r)).isEqualTo("/labels/clusterType");
        assertThat(r.json().get("violations").get(0).get("message").asText()).contains("overlap-count");
        assertThat(admin.post(path, labelled("{\"clusterType\": \"overlapping\"}")).status()).isEqualTo(201);
        // the same type is fine where the scheme has it
        assertThat(admin.post(annotations, labelled("{\"clusterType\": \"touching-overlapping\"}")).status()).isEqualTo(201);
    }

    @Test
    void anomaliesMustParseAsIscnAndUseOnlyTheProjectsVocabulary() {
        TestApi.Response notIscn = admin.post(annotations, labelled("{\"anomalies\": [\"del(5)(q13q33\"]}"));
        assertThat(notIscn.status()).as(notIscn.body()).isEqualTo(422);
        assertThat(pointerOf(notIscn)).isEqualTo("/labels/anomalies/0");
        assertThat(notIscn.json().get("violations").get(0).get("message").asText()).startsWith("not ISCN: column ");

        TestApi.Response karyotype = admin.post(annotations, labelled("{\"anomalies\": [\"del(5)(q13q33)/47,XX,+21\"]}"));
        assertThat(karyotype.status()).as(karyotype.body()).isEqualTo(422);
        assertThat(karyotype.json().get("violations").get(0).get("message").asText()).contains("not a karyotype");

        TestApi.Response dup = admin.post(annotations, labelled("{\"anomalies\": [\"del(5)(q13q33)\", \"dup(1)(q21q31)\"]}"));
        assertThat(dup.status()).as(dup.body()).isEqualTo(422);
        assertThat(pointerOf(dup)).isEqualTo("/labels/anomalies/1");
        assertThat(dup.json().get("violations").get(0).get("message").asText()).contains("'dup'").contains("del, t");

        TestApi.Response derivative = admin.post(annotations, labelled("{\"anomalies\": [\"der(1)t(1;3)(p36;q21)\"]}"));
        assertThat(derivative.status()).as("der is not in the vocabulary: " + derivative.body()).isEqualTo(422);

        TestApi.Response gain = admin.post(annotations, labelled("{\"anomalies\": [\"+21\"]}"));
        assertThat(gain.status()).as("+21 is not in the vocabulary: " + gain.body()).isEqualTo(422);

        TestApi.Response fine = admin.post(annotations, labelled("{\"anomalies\": [\"del(5)(q13q33)\", \"t(9;22)(q34;q11.2)\"]}"));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void bandCallsMustNameBandsOfTheIdeogramAtTheBandLevel() {
        // the project's level is 400: 9q34.1 is a band there, 9q34.11 (an 850-band sub-band) and 9q99 are not
        TestApi.Response finer = admin.post(annotations, labelled("{\"chromosomeClass\": \"1\", \"bands\": ["
                + "{\"band\": \"1q21\", \"start\": 0.1, \"end\": 0.2}, {\"band\": \"1q21.1\", \"start\": 0.2, \"end\": 0.3}]}"));
        assertThat(finer.status()).as(finer.body()).isEqualTo(422);
        assertThat(pointerOf(finer)).isEqualTo("/labels/bands/1/band");
        assertThat(finer.json().get("violations").get(0).get("message").asText()).contains("400 bands").contains("lies in 1q21");

        TestApi.Response unknown = admin.post(annotations, labelled("{\"bands\": [{\"band\": \"9q99\", \"start\": 0.1, \"end\": 0.2}]}"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(pointerOf(unknown)).isEqualTo("/labels/bands/0/band");

        TestApi.Response noChromosome = admin.post(annotations, labelled("{\"bands\": [{\"band\": \"q21\", \"start\": 0.1, \"end\": 0.2}]}"));
        assertThat(noChromosome.status()).as(noChromosome.body()).isEqualTo(422);

        assertThat(admin.post(annotations, labelled("{\"chromosomeClass\": \"1\", \"bands\": [{\"band\": \"q21\", \"start\": 0.1, \"end\": 0.2}, "
                + "{\"band\": \"1q2\", \"start\": 0.2, \"end\": 0.3}]}")).status()).as("a band, and a region made of bands").isEqualTo(201);

        // an image at 850 bands takes the sub-band
        TestApi.Response upload = admin.upload("/api/v1/projects/" + project + "/images?kind=metaphase&stain=G&caseId=c850&bandLevel=850",
                "image/png", TestApi.stampedPng(60, 60, 850));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        TestApi.Response at850 = admin.post("/api/v1/images/" + upload.json().get("id").asText() + "/annotations",
                labelled("{\"chromosomeClass\": \"1\", \"bands\": [{\"band\": \"1q21.1\", \"start\": 0.1, \"end\": 0.2}]}"));
        assertThat(at850.status()).as(at850.body()).isEqualTo(201);
    }

    @Test
    void theLabelSetIsEnforcedOnUpdatesBatchesAndAcceptedSuggestions() {
        String id = admin.post(annotations, labelled("{\"chromosomeClass\": \"1\"}")).json().get("id").asText();
        TestApi.Response update = admin.put("/api/v1/annotations/" + id, labelled("{\"chromosomeClass\": \"7\"}"), "\"1\"");
        assertThat(update.status()).as(update.body()).isEqualTo(422);
        assertThat(pointerOf(update)).isEqualTo("/labels/chromosomeClass");

        TestApi.Response batch = admin.post(annotations + "/batch", "{\"changes\": [{\"op\": \"create\", \"annotation\": "
                + labelled("{\"chromosomeClass\": \"2\"}") + "}, {\"op\": \"update\", \"id\": \"" + id + "\", \"revision\": 1, \"annotation\": "
                + labelled("{\"anomalies\": [\"inv(1)(p13q21)\"]}") + "}]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(422);
        assertThat(pointerOf(batch)).isEqualTo("/changes/1/annotation/labels/anomalies/0");
        assertThat(count()).isEqualTo(1);

        TestApi.Response posted = admin.post("/api/v1/images/" + image + "/suggestions", "{\"modelId\": \"m\", \"modelVersion\": \"1\", "
                + "\"confidence\": 0.5, \"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, "
                + "\"labels\": {\"chromosomeClass\": \"7\"}}");
        assertThat(posted.status()).as(posted.body()).isIn(200, 201);
        String suggestion = posted.json().get("id").asText();
        TestApi.Response accept = admin.post("/api/v1/suggestions/" + suggestion + "/accept", "");
        assertThat(accept.status()).as(accept.body()).isEqualTo(422);
        assertThat(pointerOf(accept)).isEqualTo("/labels/chromosomeClass");
        TestApi.Response edited = admin.post("/api/v1/suggestions/" + suggestion + "/accept", "{\"labels\": {\"chromosomeClass\": \"X\"}}");
        assertThat(edited.status()).as(edited.body()).isIn(200, 201);
        assertThat(count()).isEqualTo(2);
    }

    // --- pages ----------------------------------------------------------------------------------

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private static String next(TestApi.Response r) {
        String link = r.header("Link");
        if (link == null) return null;
        Matcher m = NEXT.matcher(link);
        assertThat(m.find()).as("Link: " + link).isTrue();
        return m.group(1);
    }

    @Test
    void anImagesAnnotationsComeInLinkedPagesThatTogetherAreTheWholeList() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(admin.post(annotations, TestApi.box(1 + i, 1, 5, 5, "1", "x")).json().get("id").asText());
        }
        TestApi.Response whole = admin.get(annotations);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Link")).as("the default page holds a normal image").isNull();
        List<String> all = ids(whole.json());
        assertThat(all).containsExactlyInAnyOrderElementsOf(created);

        List<String> paged = new ArrayList<>();
        String path = annotations + "?limit=3";
        int pages = 0;
        boolean addedMidway = false;
        while (path != null) {
            TestApi.Response page = admin.get(path);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(3);
            paged.addAll(ids(page.json()));
            path = next(page);
            pages++;
            if (!addedMidway) {
                // created while a client pages: comes on a later page; deleted: on none
                all = new ArrayList<>(all);
                all.add(admin.post(annotations, TestApi.box(50, 50, 5, 5, "2", "x")).json().get("id").asText());
                String last = all.get(all.size() - 2);
                assertThat(admin.delete("/api/v1/annotations/" + last, "\"1\"").status()).isEqualTo(200);
                all.remove(last);
                addedMidway = true;
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void badPageParametersAre400() {
        for (String query : List.of("?limit=0", "?limit=lots", "?limit=" + (org.karyolab.server.service.AnnotationService.MAX_PAGE + 1),
                "?after=not-a-cursor", "?after=" + java.util.Base64.getUrlEncoder().encodeToString("v1:12".getBytes()))) {
            TestApi.Response r = admin.get(annotations + query);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:malformed");
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }
}
