package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code karyolab} launcher's AOT cache of the annotator, driven through the real script in a copy of the
 * project's layout with a stand-in JDK: the stand-in {@code java} logs its arguments and, like the JVM, writes
 * the file {@code -XX:AOTCacheOutput} names whatever its exit status ({@code FAKE_EXIT}). A cache is kept only
 * from a run that exited 0, never from {@code --help}, and never left under its temporary name.
 */
class LauncherAotCacheTest {

    @TempDir
    Path root;
    private Path target;
    private Path calls;

    record Run(int code, String err) {}

    @BeforeEach
    void layout() throws IOException {
        Path script = root.resolve("karyolab");
        Files.copy(Path.of("..", "karyolab"), script, StandardCopyOption.COPY_ATTRIBUTES);
        target = Files.createDirectories(root.resolve("annotator-client/target"));
        Path serverTarget = Files.createDirectories(root.resolve("server/target"));
        Path benchTarget = Files.createDirectories(root.resolve("client-bench/target"));
        FileTime past = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path jar : List.of(target.resolve("karyolab-annotator-client.jar"), serverTarget.resolve("karyolab-server.jar"),
                benchTarget.resolve("karyolab-client-bench.jar"))) {
            Files.writeString(jar, "jar");
            Files.setLastModifiedTime(jar, past);
        }
        Files.writeString(serverTarget.resolve(".karyolab-build-stamp"), ""); // built: no source is newer
        Path bin = Files.createDirectories(root.resolve("jdk/bin"));
        calls = root.resolve("jdk/calls");
        String java = """
                #!/bin/sh
                out=
                for a in "$@"; do
                  case "$a" in
                    -XshowSettings:properties) echo "    java.specification.version = 25" >&2; exit 0 ;;
                    -XX:AOTCacheOutput=*) out="${a#-XX:AOTCacheOutput=}" ;;
                  esac
                done
                echo "$*" >> "%s"
                if [ -n "$out" ]; then printf aot > "$out"; fi
                exit "${FAKE_EXIT:-0}"
                """.formatted(calls);
        for (String name : List.of("java", "javac")) {
            Path f = bin.resolve(name);
            Files.writeString(f, java);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private Run karyolab(int javaExit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("karyolab").toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().put("FAKE_EXIT", Integer.toString(javaExit));
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), err);
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String lastCall() throws IOException {
        return Files.readAllLines(calls).getLast();
    }

    @Test
    void helpNeverRecordsACache() throws Exception {
        assertThat(karyolab(0, "client", "--help").code()).isZero();
        assertThat(lastCall()).doesNotContain("AOTCache").contains("--help");
        assertThat(karyolab(0, "client", "-h").code()).isZero();
        assertThat(karyolab(0, "bench", "client", "--help").code()).isZero();
        assertThat(lastCall()).doesNotContain("AOTCache");
        assertThat(filesIn(target)).containsExactly("karyolab-annotator-client.jar");
    }

    @Test
    void aFailedRunLeavesNoCacheAndItsStatus() throws Exception {
        Run failed = karyolab(1, "client", "--server", "http://127.0.0.1:9");
        assertThat(failed.code()).as(failed.err()).isEqualTo(1);
        assertThat(lastCall()).contains("-XX:AOTCacheOutput=");
        assertThat(filesIn(target)).as("no cache, nothing left under a temporary name").containsExactly("karyolab-annotator-client.jar");
        assertThat(karyolab(3, "bench", "client", "--frames", "50").code()).isEqualTo(3);
        assertThat(filesIn(target)).containsExactly("karyolab-annotator-client.jar");
    }

    @Test
    void aRunThatExitsZeroRecordsTheCacheTheNextRunMaps() throws Exception {
        assertThat(karyolab(0, "client").code()).isZero();
        assertThat(filesIn(target)).containsExactly("karyolab-annotator-client.jar", "karyolab-client.aot");
        assertThat(karyolab(0, "client").code()).isZero();
        assertThat(lastCall()).contains("-XX:AOTCache=" + target.resolve("karyolab-client.aot")).doesNotContain("AOTCacheOutput");
        // A failure while mapping it keeps the cache: it was recorded by a good run.
        assertThat(karyolab(1, "client").code()).isEqualTo(1);
        assertThat(filesIn(target)).contains("karyolab-client.aot");
    }
}
