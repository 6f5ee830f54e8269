package org.karyolab.server;

import org.junit.jupiter.api.Test;
import org.karyolab.server.cli.CliRun;


import static org.assertj.core.api.Assertions.assertThat;

class CliTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("serve").contains("demo");
    }

    @Test
    void serveHelpNamesItsFlags() {
        CliRun run = run("serve", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--port").contains("--data").contains("--db-url");
    }

    @Test
    void aBadPortIsAClearErrorNotAStackTrace() {
        CliRun run = run("serve", "--port", "eighty");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--port").contains("eighty").doesNotContain("Exception");
    }

    @Test
    void anUnknownCommandIsNamed() {
        CliRun run = run("karyotype-me");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("karyotype-me");
    }
}
