package org.karyolab.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged write survives the server being killed with SIGKILL: a child server process
 * takes annotations from four writers, is killed mid-load, and a new server on the same data
 * directory must still have every annotation it answered 201 for.
 */
class KillNineDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 400;
    private static final Pattern URL = Pattern.compile("KaryoLab server: (http://\\S+)");

    @TempDir
    Path data;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyAcknowledgedAnnotationSurvivesKillNine() throws Exception {
        Process child = startChildServer();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String imageId;
        try {
            String url = awaitUrl(child);
            TestApi api = new TestApi(url).signIn(TestApi.ADMIN, TestApi.ADMIN_PASSWORD);
            imageId = api.uploadPng(api.createProject("durability"), 512, 512);

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (!stop.get()) {
                        String id = UUID.randomUUID().toString();
                        String body = TestApi.box(10, 10, 20, 40, "1", "writer").replaceFirst("\\{", "{\"id\": \"" + id + "\", ");
                        try {
                            if (api.post("/api/v1/images/" + imageId + "/annotations", body).status() == 201) {
                                acknowledged.add(id);
                            }
                        } catch (RuntimeException connectionLost) {
                            return null; // the server is gone: this write was never acknowledged
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (KaryoLabServer reopened = KaryoLabServer.start(new ServerSettings("127.0.0.1", 0, data, null, null, null))) {
            TestApi api = TestApi.admin(reopened);
            List<String> present = new ArrayList<>();
            api.get("/api/v1/images/" + imageId + "/annotations").json().forEach(a -> present.add(a.get("id").asText()));
            assertThat(present).as("annotations after kill -9 (%d acknowledged)", acknowledged.size())
                    .containsAll(acknowledged);
            for (String id : acknowledged.stream().limit(20).toList()) {
                assertThat(api.get("/api/v1/annotations/" + id + "/history").json()).hasSize(1);
            }
        }
    }

    private Process startChildServer() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        var builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.karyolab.server.cli.KaryoLabCli", "serve", "--port", "0", "--data", data.toString())
                .redirectErrorStream(true);
        builder.environment().put("KARYOLAB_ADMIN_PASSWORD", TestApi.ADMIN_PASSWORD);
        return builder.start();
    }

    private static String awaitUrl(Process child) throws Exception {
        var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "child-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the child server ended before listening:\n" + seen);
    }
}
