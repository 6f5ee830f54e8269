package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen experts save the same annotation at once, each with the revision they last saw.
 * Every accepted write must be in the history at the revision it was given, every refused one
 * must have had a 412, and no write may vanish.
 */
class ConcurrentEditsContract extends ApiContractOnEachDatabase {

    private static final int THREADS = 16;
    private static final int ATTEMPTS_PER_THREAD = 12;






    private record Accepted(long revision, double x) {}

    @Test
    void noAcceptedEditIsLostAndEveryRefusalIsA412() throws Exception {
        String project = admin.createProject("hammer");
        String image = admin.uploadPng(project, 4096, 64);
        String id = admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(0, 0, 10, 10, "1", "admin"))
                .json().get("id").asText();

        var accepted = new ConcurrentLinkedQueue<Accepted>();
        var refused = new AtomicInteger();
        var other = new ConcurrentLinkedQueue<String>();
        var start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                    long seen = admin.get("/api/v1/annotations/" + id).json().get("revision").asLong();
                    double x = 1 + thread * 100 + i; // unique per attempt: tells the writes apart in the history
                    var r = admin.put("/api/v1/annotations/" + id, TestApi.box(x, 0, 10, 10, "1", "admin"), "\"" + seen + "\"");
                    switch (r.status()) {
                        case 200 -> accepted.add(new Accepted(r.json().get("revision").asLong(), x));
                        case 412 -> {
                            assertThat(r.json().get("currentRevision").asLong()).isGreaterThan(seen);
                            refused.incrementAndGet();
                        }
                        default -> other.add(r.status() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(other).as("answers other than 200 or 412").isEmpty();
        assertThat(accepted.size() + refused.get()).isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
        assertThat(accepted).as("some writes win").isNotEmpty();
        assertThat(refused.get()).as("racing writers are refused").isPositive();

        JsonNode history = admin.get("/api/v1/annotations/" + id + "/history").json();
        assertThat(history).hasSize(1 + accepted.size());
        Map<Long, Double> xByRevision = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            assertThat(entry.get("revision").asLong()).as("consecutive revisions").isEqualTo(i + 1);
            xByRevision.put(entry.get("revision").asLong(), entry.get("annotation").get("shape").get("x").asDouble());
        }
        for (Accepted a : accepted) {
            assertThat(xByRevision.get(a.revision())).as("write acknowledged as revision %d", a.revision()).isEqualTo(a.x());
        }
        long last = accepted.stream().mapToLong(Accepted::revision).max().orElseThrow();
        JsonNode current = admin.get("/api/v1/annotations/" + id).json();
        assertThat(current.get("revision").asLong()).isEqualTo(last);
        assertThat(current.get("shape").get("x").asDouble()).isEqualTo(xByRevision.get(last));
    }
}
