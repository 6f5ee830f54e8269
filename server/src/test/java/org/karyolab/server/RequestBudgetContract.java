package org.karyolab.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.server.service.RequestBudget;
import org.karyolab.server.store.StorageConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 14: the work one request may do is bounded by its budget (karyolab.limits.request-seconds and
 * request-work-units). Deterministic: a budget of 0 seconds stops every expensive route at its first checkpoint, and
 * a budget of {@value #UNITS} units stops the ones that report more work, whatever the machine's speed.
 */
class RequestBudgetContract extends ApiContractOnEachDatabase {

    static final long UNITS = 2_000;

    @TempDir
    Path otherData;

    String project;
    String image;

    /** Plenty of time, few units. */
    @Override
    protected KaryoLabServer start(TestServers database, Path data) {
        return started(database, data, new RequestBudget.Limits(Duration.ofHours(1), UNITS));
    }

    private static KaryoLabServer started(TestServers database, Path data, RequestBudget.Limits budget) {
        StorageConfig s = database.storage(data);
        return KaryoLabServer.start(new ServerSettings("127.0.0.1", 0, data, s.jdbcUrl(), s.user(), s.password()).withBudget(budget));
    }

    @BeforeEach
    void setUp() {
        project = admin.createProject("budget");
        image = admin.uploadPng(project, 200, 100);
    }

    private static void assertOverBudget(TestApi.Response r, String while_) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:over-budget");
        assertThat(r.json().get("detail").asText()).contains(while_).contains("nothing was written");
    }

    /** {@code copies} normal chromosomes 1 at 400 bands, as a read body. */
    private static String cell(int copies) {
        List<Band> bands = Ideograms.at(BandLevel.B400).bands(ChromosomeClass.C1);
        StringBuilder one = new StringBuilder("{\"bands\": [");
        for (int j = 0; j < bands.size(); j++) {
            one.append(j == 0 ? "" : ",").append("{\"origin\": \"1\", \"band\": \"").append(bands.get(j).name()).append("\"}");
        }
        one.append("]}");
        return "{\"level\": 400, \"chromosomes\": [" + String.join(",", Collections.nCopies(copies, one)) + "]}";
    }

    private static String polygon(int points) {
        var sb = new StringBuilder("{\"shape\": {\"type\": \"polygon\", \"exterior\": [");
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            sb.append(i > 0 ? "," : "").append("{\"x\":").append(100 + 40 * Math.cos(t)).append(",\"y\":").append(50 + 40 * Math.sin(t)).append('}');
        }
        return sb.append("]}}").toString();
    }

    private String batch(String... drafts) {
        StringBuilder sb = new StringBuilder("{\"changes\": [");
        for (int i = 0; i < drafts.length; i++) sb.append(i == 0 ? "" : ",").append("{\"op\": \"create\", \"annotation\": ").append(drafts[i]).append('}');
        return sb.append("]}").toString();
    }

    private int annotations() {
        return admin.get("/api/v1/images/" + image + "/annotations").json().size();
    }

    @Test
    void aKaryotypeReadThatAlignsMoreBandsThanTheBudgetIsStopped() {
        int perChromosome = Ideograms.at(BandLevel.B400).bands(ChromosomeClass.C1).size();
        TestApi.Response small = admin.post("/api/v1/karyotype/read", cell(2));
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        int over = (int) (UNITS / perChromosome) + 1;
        assertOverBudget(admin.post("/api/v1/karyotype/read", cell(over)), "reading the karyotype");
    }

    @Test
    void aBatchWithMoreWorkThanTheBudgetIsStoppedBeforeAnythingIsWritten() {
        String box = TestApi.box(10, 10, 20, 20, "1", "x");
        TestApi.Response fine = admin.post("/api/v1/images/" + image + "/annotations/batch", batch(box, box));
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
        assertOverBudget(admin.post("/api/v1/images/" + image + "/annotations/batch", batch(box, polygon((int) UNITS))),
                "checking the batch's changes");
        assertThat(annotations()).isEqualTo(2);
        // the same polygon alone, outside a batch, is within every limit: the budget bounds the bulk routes only
        assertThat(admin.post("/api/v1/images/" + image + "/annotations", polygon((int) UNITS)).status()).isEqualTo(201);
    }

    @Test
    void anImageWithMorePixelsThanTheBudgetIsNotDecodedNorStored() {
        // 1000 pixels a unit: 1500 x 1500 = 2,250 units
        TestApi.Response r = admin.upload("/api/v1/projects/" + project + "/images?caseId=big", "image/png", TestApi.png(1500, 1500));
        assertOverBudget(r, "decoding the image");
        assertThat(TestImages.imageRows(server)).isEqualTo(1);
        assertThat(TestImages.blobFiles(data)).isEqualTo(1);
    }

    @Test
    void aBudgetOfZeroSecondsStopsEveryExpensiveRouteAtItsFirstCheckpointAndNothingElse() {
        try (KaryoLabServer zero = started(database(), otherData, new RequestBudget.Limits(Duration.ZERO, Long.MAX_VALUE))) {
            TestApi api = TestApi.admin(zero); // signing in is no expensive route
            String p = api.createProject("zero");
            TestApi.Response upload = api.upload("/api/v1/projects/" + p + "/images?caseId=c", "image/png", TestApi.png(20, 10));
            assertOverBudget(upload, "decoding the image");
            assertThat(TestImages.blobFiles(otherData)).isZero();

            assertOverBudget(api.post("/api/v1/karyotype/read", cell(1)), "decoding the cell");
            assertThat(api.post("/api/v1/karyotype/parse", "{\"karyotype\": \"46,XX\"}").status()).isEqualTo(200);

            String img = zero.services().images().upload(p, "image/png", TestApi.png(20, 10),
                    new org.karyolab.server.service.ImageService.ImageMetadata(org.karyolab.schema.ImageKind.METAPHASE,
                            org.karyolab.schema.Stain.G, null, "c", null, null)) instanceof
                    org.karyolab.server.service.Outcome.Done<org.karyolab.schema.ImageAsset>(var asset) ? asset.id() : null;
            assertThat(img).as("outside a request no budget applies").isNotNull();
            String box = TestApi.box(1, 1, 5, 5, "1", "x");
            assertOverBudget(api.post("/api/v1/images/" + img + "/annotations/batch", batch(box)), "decoding the changes");
            assertThat(api.post("/api/v1/images/" + img + "/annotations", box).status()).isEqualTo(201);
            assertThat(api.get("/api/v1/images/" + img + "/annotations").json().size()).isEqualTo(1);
        }
    }
}
