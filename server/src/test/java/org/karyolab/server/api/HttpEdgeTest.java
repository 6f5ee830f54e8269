package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContract;
import org.karyolab.server.LogCapture;
import org.karyolab.server.RawHttp;
import org.karyolab.server.TestApi;
import org.karyolab.server.TestServers;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge, below the routes: requests no route takes, and requests that are not HTTP. Each is a
 * problem+json answer, and none is logged as a server error. Not about storage, so on H2 only.
 */
class HttpEdgeTest extends ApiContract {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Override
    protected TestServers database() {
        return TestServers.H2;
    }

    private RawHttp.Response raw(String request) {
        try (RawHttp http = new RawHttp(server.port(), TIMEOUT)) {
            return http.send(request).response();
        }
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405WithAllowEvenAnonymousAndNothingIsLogged() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 50; i++) {
                RawHttp.Response r = raw("GET /nope/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(r.body()).contains("urn:karyolab:problem:not-found");
            }
            TestApi.Response unknownApi = admin.get("/api/v1/nothing-here");
            assertThat(unknownApi.status()).isEqualTo(404);
            assertThat(unknownApi.json().get("type").asText()).isEqualTo("urn:karyolab:problem:not-found");

            RawHttp.Response delete = raw("DELETE /api/v1/projects HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(delete.status()).isEqualTo(405);
            assertThat(delete.header("Allow")).isEqualTo("GET, POST");
            assertThat(delete.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(delete.body()).contains("urn:karyolab:problem:method-not-allowed");

            TestApi.Response patch = admin.request("PATCH", "/api/v1/annotations/some-id", "{}".getBytes(),
                    "Content-Type", "application/json");
            assertThat(patch.status()).isEqualTo(405);
            assertThat(patch.header("Allow")).isEqualTo("DELETE, GET, PUT");
            assertThat(patch.json().get("type").asText()).isEqualTo("urn:karyolab:problem:method-not-allowed");

            TestApi.Response head = admin.request("HEAD", "/openapi", null);
            assertThat(head.status()).as("HEAD is not routed").isEqualTo(405);
            assertThat(head.header("Allow")).isEqualTo("GET");
            assertThat(log.lines()).as("client errors are not server errors").isEmpty();
        }
    }

    @Test
    void aGarbageRequestLineIs400AndTheConnectionClosed() {
        try (LogCapture log = new LogCapture()) {
            for (String garbage : new String[] {"HELLO THERE\r\n\r\n", "\u0001\u0002garbage line x y z\r\nHost: x\r\n\r\n",
                    "GET /api/v1/projects HTTP/9.9\r\nHost: x\r\n\r\n", "GET nowhere HTTP/1.1\r\n\r\n"}) {
                try (RawHttp http = new RawHttp(server.port(), TIMEOUT)) {
                    RawHttp.Response r;
                    try {
                        r = http.send(garbage).response();
                    } catch (IllegalStateException e) {
                        throw new AssertionError(garbage, e);
                    }
                    assertThat(r.status()).as(garbage).isBetween(400, 499);
                    assertThat(r.header("Content-Type")).as(garbage).isEqualTo("application/problem+json");
                    assertThat(r.body()).as(garbage).contains("\"status\":" + r.status());
                    assertThat(http.closedByServer()).as(garbage).isTrue();
                }
            }
            assertThat(log.lines()).as("client errors are not server errors").isEmpty();
        }
    }

    /** A batch POST on a raw socket, declaring {@code contentLength} bytes of body. */
    private String batchHead(String image, long contentLength) {
        return "POST /api/v1/images/" + image + "/annotations/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    @Test
    void aBatchIsRefusedAtItsThousandAndFirstChangeBeforeTheRestOfTheBodyArrives() {
        String project = admin.createProject("edge");
        String image = admin.uploadPng(project, 64, 64);
        String change = "{\"op\": \"create\", \"annotation\": {\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}}}, ";
        StringBuilder first = new StringBuilder("{\"changes\": [");
        for (int i = 0; i < 1001; i++) first.append(change);
        try (LogCapture log = new LogCapture(); RawHttp http = new RawHttp(server.port(), TIMEOUT)) {
            // 30 MB declared (under the byte limit), ~130 KB sent: an answer can only come from what was read so far.
            RawHttp.Response r = http.send(batchHead(image, 30_000_000)).send(first.toString()).response();
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("\"pointer\":\"/changes\"").contains("at most 1000");
            assertThat(http.closedByServer()).as("the rest of the body is not read").isTrue();
            assertThat(log.lines()).isEmpty();
        }
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").json().size()).isZero();
    }

    @Test
    void aJsonBodyOverTheByteLimitIsRefusedFromItsLengthOrAsItStreams() {
        String project = admin.createProject("edge");
        String image = admin.uploadPng(project, 64, 64);
        try (RawHttp http = new RawHttp(server.port(), TIMEOUT)) {
            RawHttp.Response r = http.send(batchHead(image, 40L * 1024 * 1024)).response(); // not one byte of the body sent
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).contains("urn:karyolab:problem:too-large");
            assertThat(http.closedByServer()).isTrue();
        }
        try (RawHttp http = new RawHttp(server.port(), TIMEOUT)) {
            http.send("POST /api/v1/images/" + image + "/annotations/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + admin.token() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("{\"changes\": [], \"pad\": \"" + "x".repeat(1024 * 1024)).getBytes();
            String size = Integer.toHexString(chunk.length) + "\r\n";
            RawHttp.Response r = null;
            for (int i = 0; i < 40 && r == null; i++) { // 40 MiB at most, and no end: the answer must come before
                try {
                    http.send(size).send(chunk).send("\r\n");
                } catch (java.io.UncheckedIOException closed) {
                    break; // refused and closed while we were still sending
                }
            }
            r = http.response();
            assertThat(r.status()).isEqualTo(413);
            assertThat(http.closedByServer()).isTrue();
        }
    }
}
