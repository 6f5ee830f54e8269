package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.shape.Box;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acknowledged writes survive {@code kill -9}: a child JVM writes and acknowledges, we SIGKILL it
 * mid-stream, reopen its H2 database and find every acknowledged revision.
 */
class KillDurabilityOnH2Test {

    private static final int WANTED_ACKS = 300;
    private static final String EOF = "<eof>";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKill9(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                DurabilityWriterMain.class.getName(), dir.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the pipe breaks when the child dies; EOF below either way
            }
            lines.add(EOF);
        });

        Map<String, Long> acked = new LinkedHashMap<>(); // annotation id -> highest acknowledged revision
        try {
            String first = lines.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("child started (stderr in %s)", dir.resolve("child-stderr.txt")).isEqualTo("READY");
            // while it runs, the files are the child's: a second process cannot open them
            assertThatThrownBy(() -> Database.open(StorageConfig.embedded(dir)).close()).isInstanceOf(StoreException.class);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (countAcks(acked) < WANTED_ACKS && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) continue;
                assertThat(line).as("child died early").isNotEqualTo(EOF);
                record(acked, line);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no H2 close, no flush
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        // acknowledgements already in the pipe when the child died count too
        for (String line; !(line = lines.take()).equals(EOF); ) record(acked, line);
        int acknowledged = countAcks(acked);
        assertThat(acknowledged).as("acknowledgements before the kill").isGreaterThanOrEqualTo(WANTED_ACKS);

        try (Database reopened = Database.open(StorageConfig.embedded(dir))) {
            var annotations = new AnnotationRepository(reopened);
            List<Annotation> current = annotations.current("img");
            int survived = 0;
            for (Map.Entry<String, Long> ack : acked.entrySet()) {
                List<Revision> history = annotations.history(ack.getKey());
                assertThat(history).as("history of %s (%d acknowledged saves, %d verified so far)",
                        ack.getKey(), acknowledged, survived).hasSizeGreaterThanOrEqualTo(ack.getValue().intValue());
                double x = ((Box) history.getFirst().annotation().shape()).x();
                assertThat(x % 1).as("created at an integer x").isZero();
                if (history.size() >= 2) {
                    assertThat(((Box) history.get(1).annotation().shape()).x()).isEqualTo(x + 0.5);
                }
                assertThat(annotations.get(ack.getKey())).isPresent();
                survived += ack.getValue().intValue();
            }
            assertThat(survived).as("acknowledged saves found after kill -9").isEqualTo(acknowledged);
            assertThat(current).hasSizeGreaterThanOrEqualTo(acked.size());
            System.out.printf("kill -9 durability: %d acknowledged saves of %d annotations, all found after reopening%n",
                    acknowledged, acked.size());
        }
    }

    private static void record(Map<String, Long> acked, String line) {
        assertThat(line).startsWith("ACK ");
        String[] parts = line.split(" ");
        acked.merge(parts[1], Long.parseLong(parts[2]), Math::max);
    }

    private static int countAcks(Map<String, Long> acked) {
        return acked.values().stream().mapToInt(Long::intValue).sum();
    }
}
