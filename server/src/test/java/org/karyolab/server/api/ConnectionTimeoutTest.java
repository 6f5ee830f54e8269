package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContract;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.LogCapture;
import org.karyolab.server.RawHttp;
import org.karyolab.server.ServerSettings;
import org.karyolab.server.TestServers;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that stop half-way: a malformed chunk is answered 400 and closed; headers or a body that stop
 * arriving are closed after the read timeout (1 s here). Each test waits on the socket being closed (a read
 * that returns end of stream), bounded by a socket timeout far above the read timeout; nothing sleeps.
 */
class ConnectionTimeoutTest extends ApiContract {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected TestServers database() {
        return TestServers.H2;
    }

    @Override
    protected KaryoLabServer start(TestServers database, Path data) {
        KaryoLabServer plain = database.start(data);
        ServerSettings settings = plain.settings();
        plain.close();
        return KaryoLabServer.start(settings.withReadTimeout(READ_TIMEOUT));
    }

    private String post(String path, String... headers) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin.token()
                + "\r\nContent-Type: application/json\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    @Test
    void aMalformedChunkSizeIs400AndClosed() {
        try (LogCapture log = new LogCapture(); RawHttp http = new RawHttp(server.port(), WAIT)) {
            RawHttp.Response r = http.send(post("/api/v1/karyotype/parse", "Transfer-Encoding: chunked")
                    + "ZZZ\r\n{\"karyotype\": \"46,XX\"}\r\n0\r\n\r\n").response();
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(http.closedByServer()).isTrue();
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void aBodyThatStopsHalfWayIsClosedAfterTheReadTimeout() {
        try (LogCapture log = new LogCapture(); RawHttp http = new RawHttp(server.port(), WAIT)) {
            http.send(post("/api/v1/karyotype/parse", "Content-Length: 100") + "{\"karyotype\": ");
            assertThat(http.closedByServer()).as("closed before the socket timeout of " + WAIT).isTrue();
            assertThat(log.lines()).isEmpty();
        }
        assertThat(admin.get("/api/v1/auth/me").status()).as("the server is well").isEqualTo(200);
    }

    @Test
    void aChunkedBodyThatStopsIsClosedToo() {
        try (RawHttp http = new RawHttp(server.port(), WAIT)) {
            http.send(post("/api/v1/karyotype/parse", "Transfer-Encoding: chunked") + "5\r\n{\"kar\r\n");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void headersThatStopHalfWayAreClosedAfterTheReadTimeout() {
        try (RawHttp http = new RawHttp(server.port(), WAIT)) {
            http.send("GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Half: ");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyRefusedUnreadIsNotWaitedForForever() {
        try (RawHttp http = new RawHttp(server.port(), WAIT)) {
            // Anonymous: 401 without reading the body; the body then never comes.
            http.send("POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
            assertThat(http.response().status()).isEqualTo(401);
            assertThat(http.closedByServer()).isTrue();
        }
    }
}
