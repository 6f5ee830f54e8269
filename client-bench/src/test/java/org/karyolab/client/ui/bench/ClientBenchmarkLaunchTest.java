package org.karyolab.client.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./karyolab bench client --help} does: the main class is started in a fresh headless JVM on this
 * module's class path, prints its usage and exits 0 without opening a window; and how the options parse.
 */
class ClientBenchmarkLaunchTest {

    record Exit(int code, String out) {}

    private static Exit java(String mainClass, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s exits", mainClass).isTrue();
        return new Exit(p.exitValue(), out);
    }

    @Test
    void benchmarkHelpPrintsUsageAndExitsZero() throws Exception {
        Exit e = java("org.karyolab.client.ui.bench.ClientBenchmark", "--help");
        assertThat(e.code()).isZero();
        assertThat(e.out()).contains("Usage: karyolab bench client", "--frames N", "--server URL");
    }

    @Test
    void benchmarkOptions() {
        var o = ClientBenchmark.Options.parse(List.of("--frames", "120", "--size", "800x600", "--open-only", "--server",
                "http://127.0.0.1:9", "--password", "p", "--opens", "2"));
        assertThat(o.frames()).isEqualTo(120);
        assertThat(o.width()).isEqualTo(800);
        assertThat(o.height()).isEqualTo(600);
        assertThat(o.doFrames()).isFalse();
        assertThat(o.doOpen()).isTrue();
        assertThat(o.shapes()).isEqualTo(10_000);
        assertThat(o.imageSize()).isEqualTo(4096);
        assertThat(o.opens()).isEqualTo(2);
        assertThatThrownBy(() -> ClientBenchmark.Options.parse(List.of("--size", "big"))).hasMessageContaining("WxH");
        assertThatThrownBy(() -> ClientBenchmark.Options.parse(List.of("--frames", "10"))).hasMessageContaining("at least 50");
    }
}
