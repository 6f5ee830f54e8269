package org.karyolab.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    @TempDir
    Path data;

    /** The count of successful annotation creates, from the Prometheus text. */
    private static double createCount(TestApi api) {
        String metrics = api.request("GET", "/observe/metrics", null, "Accept", "text/plain").body();
        return metrics.lines()
                .filter(l -> l.startsWith("karyolab_http_requests_seconds_count") && l.contains("method=\"POST\"")
                        && l.contains("route=\"/api/v1/images/{imageId}/annotations\"") && l.contains("status=\"2xx\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void requestsAreCountedAndTimedPerRoutePattern() {
        try (KaryoLabServer server = TestServers.H2.start(data)) {
            TestApi api = TestApi.admin(server);
            String image = api.uploadPng(api.createProject("metrics"), 32, 32);
            double before = createCount(api); // the registry is the JVM's: other tests may have counted too
            for (int i = 0; i < 3; i++) {
                api.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 5, 5, "1", "x"));
            }
            assertThat(createCount(api) - before).isEqualTo(3.0);
            String metrics = api.request("GET", "/observe/metrics", null, "Accept", "text/plain").body();
            assertThat(metrics).doesNotContain(image).contains("karyolab_http_requests_seconds_bucket");
        }
    }
}
