package org.karyolab.server.bench.cli;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The flags of {@code karyolab bench server}; the benchmark itself is a command, run by hand (docs/BENCHMARKS.md). */
class BenchServerCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void benchIsACommandGroupWithServerUnderIt() {
        assertThat(run("--help").out()).contains("bench");
        CliRun bench = run("bench", "--help");
        assertThat(bench.exit()).isZero();
        assertThat(bench.out()).contains("server");
        CliRun server = run("bench", "server", "--help");
        assertThat(server.exit()).isZero();
        assertThat(server.out()).contains("--clients").contains("--seconds").contains("--warmup").contains("--db")
                .contains("--db-url");
    }

    @Test
    void postgresWithoutAUrlFailsWithOneLineSayingWhatToPass() {
        CliRun run = run("bench", "server", "--db", "postgres");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("--db-url jdbc:postgresql://").contains("docs/BENCHMARKS.md")
                .doesNotContain("Exception");
    }

    @Test
    void impossibleFlagsAreRefusedBeforeAnythingStarts() {
        CliRun run = run("bench", "server", "--clients", "8", "--images", "4");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--images").contains("8");
        assertThat(run("bench", "server", "--db", "h2", "--db-url", "jdbc:postgresql://x/y").err()).contains("--db postgres");
    }
}
