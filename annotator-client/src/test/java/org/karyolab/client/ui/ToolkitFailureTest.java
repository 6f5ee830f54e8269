package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A toolkit that cannot start is one line saying what to do, not a stack trace. */
class ToolkitFailureTest {

    @Test
    void noGtkLibrarySaysWhatToInstall() {
        // As JavaFX reports it with a display but no libgtk-3-0 (GtkApplication.<init>), wrapped by the launcher.
        var launch = new RuntimeException("Exception in Application start method",
                new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(ToolkitFailure.explain(launch)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("karyolab client: ").contains("GTK 3", "apt-get install libgtk-3-0").doesNotContain("\n"));
    }

    @Test
    void aNativeLibraryThatDoesNotLinkSaysWhatToInstall() {
        var linkage = new RuntimeException(new UnsatisfiedLinkError(
                "/root/.openjfx/cache/26/amd64/libglassgtk3.so: libgtk-3.so.0: cannot open shared object file: No such file or directory"));
        assertThat(ToolkitFailure.explain(linkage)).hasValueSatisfying(line -> assertThat(line)
                .contains("libgtk-3.so.0", "apt-get install libgtk-3-0").doesNotContain("\n"));
        assertThat(ToolkitFailure.explain(new UnsatisfiedLinkError("no glassgtk3 in java.library.path: .")))
                .hasValueSatisfying(line -> assertThat(line).contains("apt-get install libgtk-3-0"));
        assertThat(ToolkitFailure.explain(new UnsupportedOperationException(
                "Minimum GTK version required is 3.8.0. System has 2.24.32.")))
                .hasValueSatisfying(line -> assertThat(line).contains("too old", "apt-get install libgtk-3-0"));
    }

    @Test
    void noDisplaySaysSo() {
        assertThat(ToolkitFailure.explain(new UnsupportedOperationException("Unable to open DISPLAY")))
                .hasValueSatisfying(line -> assertThat(line).contains("no display", "DISPLAY", "libgtk-3-0"));
    }

    @Test
    void otherFailuresAreNotTheToolkits() {
        assertThat(ToolkitFailure.explain(new IllegalStateException("boom", new NullPointerException()))).isEmpty();
        assertThat(ToolkitFailure.explain(new UnsatisfiedLinkError("no zstd in java.library.path"))).isEmpty();
    }

    /** The real start: no display (and, on a machine without it, no GTK) is one line and exit 3, no stack trace. */
    @Test
    void theClientWithoutADisplayPrintsOneLineAndExitsThree() throws IOException, InterruptedException {
        var pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.karyolab.client.ui.Main"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(3);
        assertThat(err).contains("karyolab client: ").doesNotContain("\tat ", "Exception in thread");
    }
}
