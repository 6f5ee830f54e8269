package org.karyolab.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.store.StorageConfig;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image API: every format decoded and checked, lies and bombs refused with nothing stored,
 * multipart uploads, the per-case split, thumbnails, and the paged list.
 */
class ImagesContract extends ApiContractOnEachDatabase {

    /** Small limits, so "too large" needs no 200 MB in a test. */
    static final ImageService.Limits LIMITS = new ImageService.Limits(300_000, 2_000_000);


    String project;


    @Override
    protected KaryoLabServer start(TestServers database, Path data) {
        StorageConfig s = database.storage(data);
        return KaryoLabServer.start(new ServerSettings("127.0.0.1", 0, data, s.jdbcUrl(), s.user(), s.password(), LIMITS));
    }

    @BeforeEach
    void setUp() {
        project = admin.createProject("images");
    }


    TestApi.Response upload(String contentType, byte[] bytes) {
        return admin.upload("/api/v1/projects/" + project + "/images?caseId=case-1", contentType, bytes);
    }

    JsonNode uploadedAs(String contentType, byte[] bytes, int bitDepth) {
        TestApi.Response r = upload(contentType, bytes);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("bitDepth").asInt()).isEqualTo(bitDepth);
        assertThat(r.json().get("split").asText()).isEqualTo("unassigned");
        // The bytes come back as sent, with their type and length (issue 10, item 19), and a thumbnail can be made of them.
        String id = r.json().get("id").asText();
        TestApi.Response content = admin.get("/api/v1/images/" + id + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.raw().body()).isNotEmpty();
        assertThat(content.header("Content-Type")).isEqualTo(contentType);
        assertThat(content.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
        assertThat(content.header("Transfer-Encoding")).as("a fixed length, not chunked").isNull();
        assertThat(admin.get("/api/v1/images/" + id + "/thumbnail?size=32").status()).isEqualTo(200);
        return r.json();
    }

    void assertNothingStored() {
        assertThat(TestImages.imageRows(server)).isZero();
        assertThat(TestImages.blobFiles(data)).isZero();
        assertThat(admin.get("/api/v1/projects/" + project + "/images").json().get("items")).isEmpty();
    }

    static void assertProblem(TestApi.Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).containsIgnoringCase(detailContains);
    }

    // --- formats ------------------------------------------------------------------------------

    @Test
    void png8Bit() {
        JsonNode image = uploadedAs("image/png", TestImages.image("png", BufferedImage.TYPE_BYTE_GRAY, 40, 30), 8);
        assertThat(image.get("width").asInt()).isEqualTo(40);
        assertThat(image.get("height").asInt()).isEqualTo(30);
    }

    @Test
    void png16Bit() {
        uploadedAs("image/png", TestImages.image("png", BufferedImage.TYPE_USHORT_GRAY, 40, 30), 16);
    }

    @Test
    void jpeg() {
        uploadedAs("image/jpeg", TestImages.image("jpeg", BufferedImage.TYPE_3BYTE_BGR, 40, 30), 24);
    }

    @Test
    void gif() {
        uploadedAs("image/gif", TestImages.image("gif", BufferedImage.TYPE_BYTE_GRAY, 40, 30), 8);
    }

    @Test
    void bmp() {
        uploadedAs("image/bmp", TestImages.image("bmp", BufferedImage.TYPE_3BYTE_BGR, 40, 30), 24);
    }

    @Test
    void tiff8Bit() {
        uploadedAs("image/tiff", TestImages.image("tiff", BufferedImage.TYPE_BYTE_GRAY, 40, 30), 8);
    }

    @Test
    void tiff16Bit() {
        uploadedAs("image/tiff", TestImages.image("tiff", BufferedImage.TYPE_USHORT_GRAY, 40, 30), 16);
    }

    // --- refusals, each leaving nothing behind ----------------------------------------------------

    @Test
    void pngBytesSentAsJpegAre415() {
        TestApi.Response r = upload("image/jpeg", TestApi.png(20, 20));
        assertProblem(r, 415, "the bytes are PNG");
        assertNothingStored();
    }

    @Test
    void anUnknownContentTypeIs415() {
        assertProblem(upload("image/webp", TestApi.png(20, 20)), 415, "not an image type KaryoLab reads");
        assertProblem(upload("text/plain", "hello".getBytes()), 415, "not an image type");
        assertProblem(upload("image/png", "hello, not an image".getBytes()), 415, "not an image in any format");
        assertNothingStored();
    }

    @Test
    void truncatedOrCorruptBytesAre422WithAClearDetail() {
        byte[] png = TestImages.image("png", BufferedImage.TYPE_BYTE_GRAY, 200, 200);
        assertProblem(upload("image/png", Arrays.copyOf(png, png.length / 2)), 422, "truncated or corrupt");
        byte[] jpeg = TestImages.image("jpeg", BufferedImage.TYPE_3BYTE_BGR, 200, 200);
        assertProblem(upload("image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)), 422, "truncated or corrupt");
        byte[] tiff = TestImages.image("tiff", BufferedImage.TYPE_USHORT_GRAY, 100, 100);
        TestApi.Response cutTiff = upload("image/tiff", Arrays.copyOf(tiff, tiff.length / 2));
        assertThat(cutTiff.status()).as(cutTiff.body()).isIn(415, 422);
        assertThat(cutTiff.json().get("detail").asText()).isNotBlank();
        assertNothingStored();
    }

    @Test
    void bytesOverTheLimitAre413() {
        byte[] big = new byte[(int) LIMITS.maxBytes() + 1];
        System.arraycopy(TestApi.png(1, 1), 0, big, 0, 60);
        assertProblem(upload("image/png", big), 413, "limit is " + LIMITS.maxBytes());
        assertNothingStored();
    }

    @Test
    void aBodyOverTheServersPayloadLimitIsRefusedBeforeItIsRead() throws Exception {
        long limit = LIMITS.maxBytes() + 1024 * 1024;
        byte[] body = new byte[(int) limit + 10];
        // Expect: 100-continue: the client sends the body only if the server wants it; it does not.
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v1/projects/" + project + "/images"))
                .header("Content-Type", "image/png").expectContinue(true).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("karyolab.limits.max-image-bytes");
        assertNothingStored();
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] bomb = TestImages.pngClaiming(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        long t0 = System.nanoTime();
        TestApi.Response r = upload("image/png", bomb);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertProblem(r, 413, "50000x50000");
        // 2.5 gigapixels would take seconds and gigabytes to decode; the header alone takes nothing.
        assertThat(millis).isLessThan(5_000);
        assertNothingStored();
    }

    @Test
    void metadataIsCheckedBeforeAnythingIsStored() {
        TestApi.Response noCase = admin.upload("/api/v1/projects/" + project + "/images", "image/png", TestApi.png(5, 5));
        assertThat(noCase.status()).isEqualTo(422);
        assertThat(noCase.body()).contains("/caseId");
        TestApi.Response badKind = admin.upload("/api/v1/projects/" + project + "/images?caseId=c&kind=photo", "image/png",
                TestApi.png(5, 5));
        assertThat(badKind.status()).isEqualTo(400);
        assertNothingStored();
    }

    // --- multipart ------------------------------------------------------------------------------

    @Test
    void multipartUploadsManyAndReportsEachFile() {
        byte[] body = TestImages.multipart(List.of(
                new TestImages.FilePart("a.png", "image/png", TestApi.png(10, 10)),
                new TestImages.FilePart("b.jpg", "image/jpeg", TestImages.image("jpeg", BufferedImage.TYPE_3BYTE_BGR, 12, 8)),
                new TestImages.FilePart("liar.jpg", "image/jpeg", TestApi.png(10, 10)),
                new TestImages.FilePart("untyped.png", null, TestApi.png(10, 10)),
                new TestImages.FilePart("c.tif", "image/tiff", TestImages.image("tiff", BufferedImage.TYPE_USHORT_GRAY, 9, 9))));
        TestApi.Response r = admin.upload("/api/v1/projects/" + project + "/images?caseId=case-9&stain=Q",
                "multipart/form-data; boundary=" + TestImages.BOUNDARY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(207);
        JsonNode results = r.json().get("results");
        assertThat(results).hasSize(5);
        assertThat(r.json().get("created").asInt()).isEqualTo(3);
        assertThat(r.json().get("failed").asInt()).isEqualTo(2);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("image").get("stain").asText()).isEqualTo("Q");
        assertThat(results.get(0).get("image").get("caseId").asText()).isEqualTo("case-9");
        assertThat(results.get(1).get("image").get("width").asInt()).isEqualTo(12);
        assertThat(results.get(2).get("filename").asText()).isEqualTo("liar.jpg");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(415);
        assertThat(results.get(2).get("problem").get("detail").asText()).contains("the bytes are PNG");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(415);
        assertThat(results.get(4).get("image").get("bitDepth").asInt()).isEqualTo(16);
        assertThat(TestImages.imageRows(server)).isEqualTo(3);
        assertThat(admin.get("/api/v1/projects/" + project + "/images").json().get("items")).hasSize(3);
    }

    @Test
    void multipartAllCreatedIs201AndMalformedIs400() {
        byte[] body = TestImages.multipart(List.of(new TestImages.FilePart("a.png", "image/png", TestApi.png(10, 10)),
                new TestImages.FilePart("b.gif", "image/gif", TestImages.image("gif", BufferedImage.TYPE_BYTE_GRAY, 5, 5))));
        String path = "/api/v1/projects/" + project + "/images?caseId=c";
        TestApi.Response ok = admin.upload(path, "multipart/form-data; boundary=" + TestImages.BOUNDARY, body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("created").asInt()).isEqualTo(2);

        assertProblem(admin.upload(path, "multipart/form-data", body), 400, "boundary");
        assertProblem(admin.upload(path, "multipart/form-data; boundary=" + TestImages.BOUNDARY,
                Arrays.copyOf(body, body.length - 300)), 400, "cut short");
        assertProblem(admin.upload(path, "multipart/form-data; boundary=other", body), 400, "never occurs");
        assertThat(TestImages.imageRows(server)).isEqualTo(2);
    }

    // --- metadata and the split -------------------------------------------------------------------

    private int uploads;

    /** A new image of the case (other bytes each time: the same bytes again would be the same image). */
    String uploadCase(String caseId) {
        TestApi.Response r = admin.upload("/api/v1/projects/" + project + "/images?caseId=" + caseId, "image/png",
                TestApi.stampedPng(8, 8, ++uploads));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void aCaseIsNeverSplitAcrossSplits() {
        String x = uploadCase("C"), y = uploadCase("C"), z = uploadCase("D");
        TestApi.Response trained = admin.put("/api/v1/images/" + x + "/metadata", "{\"split\": \"train\"}", null);
        assertThat(trained.status()).as(trained.body()).isEqualTo(200);
        assertThat(trained.json().get("split").asText()).isEqualTo("train");

        TestApi.Response refused = admin.put("/api/v1/images/" + y + "/metadata", "{\"split\": \"test\"}", null);
        assertProblem(refused, 409, "case 'C'");
        assertThat(refused.json().get("caseId").asText()).isEqualTo("C");
        assertThat(refused.json().get("conflicts").get(0).get("imageId").asText()).isEqualTo(x);
        assertThat(refused.json().get("conflicts").get(0).get("split").asText()).isEqualTo("train");
        assertThat(admin.get("/api/v1/images/" + y).json().get("split").asText()).isEqualTo("unassigned");

        // Moving an image into case C that is already in test is the same split of C.
        assertThat(admin.put("/api/v1/images/" + z + "/metadata", "{\"split\": \"test\"}", null).status()).isEqualTo(200);
        assertProblem(admin.put("/api/v1/images/" + z + "/metadata", "{\"caseId\": \"C\"}", null), 409, "case 'C'");

        assertThat(admin.put("/api/v1/images/" + y + "/metadata", "{\"split\": \"train\"}", null).status()).isEqualTo(200);
        TestApi.Response changed = admin.put("/api/v1/images/" + y + "/metadata",
                "{\"stain\": \"Q\", \"bandLevel\": 550, \"licence\": \"CC-BY-4.0\"}", null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("stain").asText()).isEqualTo("Q");
        assertThat(changed.json().get("bandLevel").asInt()).isEqualTo(550);
        assertThat(changed.json().get("split").asText()).isEqualTo("train");
        assertThat(changed.json().get("caseId").asText()).isEqualTo("C");
    }

    @Test
    void twoConcurrentChangesCannotSplitACase() throws Exception {
        for (int round = 0; round < 5; round++) {
            String caseId = "race-" + round;
            String x = uploadCase(caseId), y = uploadCase(caseId);
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var a = pool.submit(() -> admin.put("/api/v1/images/" + x + "/metadata", "{\"split\": \"train\"}", null).status());
                var b = pool.submit(() -> admin.put("/api/v1/images/" + y + "/metadata", "{\"split\": \"test\"}", null).status());
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
            }
            JsonNode items = admin.get("/api/v1/projects/" + project + "/images?caseId=" + caseId).json().get("items");
            assertThat(items.findValuesAsText("split").stream().filter(sp -> !sp.equals("unassigned")).distinct()).hasSize(1);
        }
    }

    @Test
    void metadataChangesNeedManageAndAWellFormedBody() {
        String x = uploadCase("C");
        assertThat(admin.put("/api/v1/images/" + x + "/metadata", "{\"split\": \"holdout\"}", null).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/images/" + x + "/metadata", "{\"width\": 3}", null).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/images/" + x + "/metadata", "{\"caseId\": \"\"}", null).status()).isEqualTo(422);
        assertThat(admin.put("/api/v1/images/nope/metadata", "{\"split\": \"val\"}", null).status()).isEqualTo(404);
        TestApi annotator = admin.newUser("ann");
        admin.addMember(project, "ann", "annotator");
        assertThat(annotator.put("/api/v1/images/" + x + "/metadata", "{\"split\": \"val\"}", null).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/images/" + x).json().get("split").asText()).isEqualTo("unassigned");
    }

    // --- thumbnails -------------------------------------------------------------------------------

    TestApi.Response thumbnail(String imageId, String query) {
        return admin.get("/api/v1/images/" + imageId + "/thumbnail" + query);
    }

    @Test
    void aThumbnailIsAPngNoLargerThanAskedAndMadeOnce() throws Exception {
        TestApi.Response up = upload("image/jpeg", TestImages.image("jpeg", BufferedImage.TYPE_3BYTE_BGR, 600, 400));
        String id = up.json().get("id").asText();
        byte[] small = thumbnailBytes(id, "?size=64");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(small));
        assertThat(thumb.getWidth()).isEqualTo(64);
        assertThat(thumb.getHeight()).isBetween(42, 43);
        BufferedImage byDefault = ImageIO.read(new ByteArrayInputStream(thumbnailBytes(id, "")));
        assertThat(Math.max(byDefault.getWidth(), byDefault.getHeight())).isEqualTo(256);
        BufferedImage notEnlarged = ImageIO.read(new ByteArrayInputStream(thumbnailBytes(id, "?size=1024")));
        assertThat(notEnlarged.getWidth()).isEqualTo(600);

        // The second call reads the cached file: it works even with the original bytes gone.
        try (var blobs = Files.walk(data.resolve("blobs"))) {
            for (Path p : blobs.filter(Files::isRegularFile).toList()) Files.delete(p);
        }
        assertThat(thumbnailBytes(id, "?size=64")).isEqualTo(small);

        assertProblem(thumbnail(id, "?size=2000"), 400, "1..1024");
        assertProblem(thumbnail(id, "?size=0"), 400, "1..1024");
        assertProblem(thumbnail(id, "?size=big"), 400, "1..1024");
        assertThat(thumbnail("no-such-image", "").status()).isEqualTo(404);
    }

    @Test
    void a16BitThumbnailIsStretchedFromItsMinToItsMax() throws Exception {
        BufferedImage deep = new BufferedImage(100, 50, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 50; y++) for (int x = 0; x < 100; x++) deep.getRaster().setSample(x, y, 0, 1000 + x * 10);
        String id = upload("image/tiff", TestImages.write(deep, "tiff")).json().get("id").asText();
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnailBytes(id, "?size=100")));
        assertThat(thumb.getWidth()).isEqualTo(100);
        int min = 255, max = 0;
        for (int x = 0; x < thumb.getWidth(); x++) {
            int v = thumb.getRaster().getSample(x, 10, 0);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // Values 1000..1990 of 65535 would all be near black cut to 8 bits; stretched they span 0..255.
        assertThat(min).isZero();
        assertThat(max).isEqualTo(255);
    }

    byte[] thumbnailBytes(String imageId, String query) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + "/api/v1/images/" + imageId + "/thumbnail" + query))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
        return r.body();
    }

    String token() {
        return new TestApi(server.url()).post("/api/v1/auth/login", "{\"username\": \"" + TestApi.ADMIN
                + "\", \"password\": \"" + TestApi.ADMIN_PASSWORD + "\"}").json().get("token").asText();
    }

    // --- the paged list ---------------------------------------------------------------------------

    /** The list shows each image's work: live annotations, undecided suggestions, review state, thumbnail route. */
    @Test
    void theListShowsEachImagesCountsAndReviewState() {
        String fresh = uploadCase("fresh");
        String worked = uploadCase("worked");
        String annotations = "/api/v1/images/" + worked + "/annotations";
        assertThat(admin.post(annotations, TestApi.box(1, 1, 2, 2, "1", "admin")).status()).isEqualTo(201);
        String gone = admin.post(annotations, TestApi.box(3, 1, 1, 2, "2", "admin")).json().get("id").asText();
        assertThat(admin.delete("/api/v1/annotations/" + gone, "\"1\"").status()).isEqualTo(200);
        String suggestions = "/api/v1/images/" + worked + "/suggestions";
        String suggestion = "{\"modelId\": \"m\", \"modelVersion\": \"1\", \"confidence\": %s, "
                + "\"shape\": {\"type\": \"box\", \"x\": %d, \"y\": 1, \"width\": 1, \"height\": 1}}";
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestApi.Response r = admin.post(suggestions, suggestion.formatted("0.9", i));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            posted.add(r.json().get("id").asText());
        }
        assertThat(admin.request("POST", "/api/v1/suggestions/" + posted.get(0) + "/reject", null).status()).isEqualTo(200);
        assertThat(admin.request("POST", "/api/v1/images/" + worked + "/submit", null).status()).isEqualTo(200);

        JsonNode items = admin.get("/api/v1/projects/" + project + "/images").json().get("items");
        JsonNode first = items.get(0), second = items.get(1);
        assertThat(first.get("id").asText()).isEqualTo(fresh);
        assertThat(first.get("annotationCount").asLong()).isZero();
        assertThat(first.get("openSuggestionCount").asLong()).isZero();
        assertThat(first.get("reviewState").asText()).isEqualTo("open");
        assertThat(first.get("thumbnail").asText()).isEqualTo("/api/v1/images/" + fresh + "/thumbnail");
        assertThat(second.get("id").asText()).isEqualTo(worked);
        assertThat(second.get("annotationCount").asLong()).as("the deleted one not counted").isEqualTo(1);
        assertThat(second.get("openSuggestionCount").asLong()).as("the rejected one not counted").isEqualTo(2);
        assertThat(second.get("reviewState").asText()).isEqualTo("submitted");
        // One image answers the same, and its thumbnail route works.
        JsonNode one = admin.get("/api/v1/images/" + worked).json();
        assertThat(one.get("annotationCount").asLong()).isEqualTo(1);
        assertThat(one.get("reviewState").asText()).isEqualTo("submitted");
        assertThat(admin.get(one.get("thumbnail").asText() + "?size=16").status()).isEqualTo(200);
    }

    @Test
    void theListPagesInUploadOrderAndFilters() {
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String kind = i % 2 == 0 ? "metaphase" : "cluster";
            TestApi.Response r = admin.upload("/api/v1/projects/" + project + "/images?caseId=case-" + (i % 3)
                    + "&kind=" + kind, "image/png", TestApi.png(5 + i, 5));
            uploaded.add(r.json().get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = admin.get("/api/v1/projects/" + project + "/images?limit=2" + (next == null ? "" : "&after=" + next)).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
            // An upload during paging lands after what was already listed: nothing repeats or is skipped.
            if (pages == 1) uploaded.add(uploadCase("late"));
        } while (next != null);
        assertThat(seen).containsExactlyElementsOf(uploaded);
        assertThat(pages).isEqualTo(3);

        JsonNode clusters = admin.get("/api/v1/projects/" + project + "/images?kind=cluster").json();
        assertThat(clusters.get("items")).hasSize(2);
        assertThat(clusters.get("next").isNull()).isTrue();
        assertThat(admin.get("/api/v1/projects/" + project + "/images?caseId=case-0").json().get("items")).hasSize(2);
        assertThat(admin.get("/api/v1/projects/" + project + "/images?stain=Q").json().get("items")).isEmpty();
        admin.put("/api/v1/images/" + uploaded.get(1) + "/metadata", "{\"split\": \"val\"}", null);
        JsonNode val = admin.get("/api/v1/projects/" + project + "/images?split=val&kind=cluster").json();
        assertThat(val.get("items")).hasSize(1);
        assertThat(val.get("items").get(0).get("id").asText()).isEqualTo(uploaded.get(1));

        assertProblem(admin.get("/api/v1/projects/" + project + "/images?limit=0"), 400, "KaryoLab does not accept");
        assertProblem(admin.get("/api/v1/projects/" + project + "/images?limit=501"), 400, "KaryoLab does not accept");
        assertProblem(admin.get("/api/v1/projects/" + project + "/images?after=garbage"), 400, "KaryoLab does not accept");
        assertProblem(admin.get("/api/v1/projects/" + project + "/images?split=holdout"), 400, "KaryoLab does not accept");
        assertThat(admin.get("/api/v1/projects/no-such/images").status()).isEqualTo(404);
    }
}
