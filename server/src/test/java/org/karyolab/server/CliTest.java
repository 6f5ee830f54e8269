package org.karyolab.server;

import org.junit.jupiter.api.Test;
import org.karyolab.server.cli.KaryoLabCli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

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
    void helpListsTheCommands() {
        Run run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("serve").contains("demo");
    }

    @Test
    void serveHelpNamesItsFlags() {
        Run run = run("serve", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--port").contains("--data").contains("--db-url");
    }

    @Test
    void aBadPortIsAClearErrorNotAStackTrace() {
        Run run = run("serve", "--port", "eighty");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--port").contains("eighty").doesNotContain("Exception");
    }

    @Test
    void anUnknownCommandIsNamed() {
        Run run = run("karyotype-me");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("karyotype-me");
    }
}
