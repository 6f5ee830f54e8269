package org.karyolab.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags of {@code karyolab bench server}; the benchmark itself is a command, run by hand (docs/BENCHMARKS.md). */
class BenchServerCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = KaryoLabCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void benchIsACommandGroupWithServerUnderIt() {
        assertThat(run("--help").out()).contains("bench");
        Run bench = run("bench", "--help");
        assertThat(bench.exit()).isZero();
        assertThat(bench.out()).contains("server");
        Run server = run("bench", "server", "--help");
        assertThat(server.exit()).isZero();
        assertThat(server.out()).contains("--clients").contains("--seconds").contains("--warmup").contains("--db")
                .contains("--db-url");
    }

    @Test
    void postgresWithoutAUrlFailsWithOneLineSayingWhatToPass() {
        Run run = run("bench", "server", "--db", "postgres");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("--db-url jdbc:postgresql://").contains("docs/BENCHMARKS.md")
                .doesNotContain("Exception");
    }

    @Test
    void impossibleFlagsAreRefusedBeforeAnythingStarts() {
        Run run = run("bench", "server", "--clients", "8", "--images", "4");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--images").contains("8");
        assertThat(run("bench", "server", "--db", "h2", "--db-url", "jdbc:postgresql://x/y").err()).contains("--db postgres");
    }
}
