package org.karyolab.server.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.ServerSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's mechanics on a tiny server: the load runs in a child JVM, its window marks reach the server's
 * process, the result comes back whole, and the report gives every run and the spread. Figures are not checked here
 * (they are a benchmark's, docs/BENCHMARKS.md); that the pieces fit is.
 */
class ServerBenchmarkTest {

    @TempDir
    Path data;

    /** A fresh server on a random loopback port, on embedded H2 in {@code data}. */
    private KaryoLabServer start() {
        return KaryoLabServer.start(new ServerSettings("127.0.0.1", 0, data, null, null, null));
    }

    @Test
    void theLoadRunsInItsOwnProcessAndEveryRunIsReported() throws Exception {
        try (KaryoLabServer server = start()) {
            var config = new ServerBenchmark.Config(2, Duration.ofMillis(200), Duration.ofSeconds(1), 2, 3, 64,
                    new EditMix(2, 2), SaveRoute.BATCH, true, Duration.ZERO, 7, false, 2);
            var log = new ByteArrayOutputStream();
            String report = ServerBenchmark.run(server, config, new PrintStream(log, true, StandardCharsets.UTF_8));

            assertThat(log.toString(StandardCharsets.UTF_8)).contains("run 1 of 2").contains("run 2 of 2");
            assertThat(report).contains("Run 1 of 2").contains("Run 2 of 2")
                    .contains("load from its own process").contains("server process").contains("load process")
                    .contains("Over the 2 runs: median").contains("server CPU per annotation save, ms")
                    .contains("Targets (medians over the runs; errors summed)")
                    .doesNotContain("errors (whole run");
        }
    }

    @Test
    void theLoadProcessSendsItsWholeResultBack() throws Exception {
        try (KaryoLabServer server = start()) {
            BenchSeed.Seeded seeded = BenchSeed.seed(server, 1, 64, 3, 1, 11);
            var plan = new LoadProcess.Plan(server.url(), seeded.tokens(), java.util.List.of(seeded.images()), new EditMix(1, 1),
                    SaveRoute.BATCH, true, 0, 11, 100, 500, false);
            TimedRun.Result result = LoadProcess.run(plan);

            assertThat(result.errors()).isEmpty();
            assertThat(result.seconds()).isEqualTo(0.5);
            // CPU figures are measured on both sides: the clients' in the child, the server's here
            assertThat(result.serverCpus()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(result.processCpus()).isFinite().isGreaterThan(0);
            assertThat(result.latencies().values()).allSatisfy(l -> assertThat(l.count()).isPositive());
        }
    }
}
