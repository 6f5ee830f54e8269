package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./karyolab client --help} does: the main class is started in a fresh headless JVM on this
 * module's class path, parses its arguments, prints its usage and exits 0 without opening a window; a bad
 * option exits 2. ({@code ./karyolab bench client --help}: client-bench's ClientBenchmarkLaunchTest.)
 */
class ClientLaunchTest {

    record Exit(int code, String out, String err) {}

    private static Exit java(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s exits", mainClass).isTrue();
        return new Exit(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void clientHelpPrintsUsageAndExitsZero() throws Exception {
        Exit e = java("org.karyolab.client.ui.Main", "--help");
        assertThat(e.code()).isZero();
        assertThat(e.out()).contains("Usage: karyolab client", "--server URL");
    }

    @Test
    void clientRejectsAnUnknownOptionBeforeAnyWindow() throws Exception {
        Exit e = java("org.karyolab.client.ui.Main", "--nonsense");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("unknown option --nonsense");
    }
}
