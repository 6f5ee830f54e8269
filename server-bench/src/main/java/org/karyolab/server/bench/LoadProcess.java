package org.karyolab.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.bench.BenchSeed.SeededImage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The HTTP load in a process of its own, so that the server's CPU time is told apart from its clients': with both
 * in one JVM the clients took half the CPU and the server/JDBC ratio compared unlike things. The benchmark writes a
 * {@link Plan}, starts {@code karyolab bench load} in a child JVM, and samples its own CPU time when the child says
 * (one line on its standard output each) that its measured window opened and closed.
 */
public final class LoadProcess {

    /** Everything the load process needs: where the server is, who the clients are, what they do and for how long. */
    public record Plan(String url, List<String> tokens, List<List<SeededImage>> owned, EditMix mix, SaveRoute route,
                       boolean thumbnails, long thinkMillis, long seed, long warmupMillis, long measureMillis,
                       boolean progress) {
    }

    /** The child's result, each latency log whole (encoded) so that percentiles can be taken over all of them. */
    record Answer(Map<Op, String> latencies, long saves, double seconds, Map<String, Long> errors,
                  Map<String, String> errorSamples, double processCpus, double machineBusy) {
    }

    static final String OPENED = "karyolab-bench: window opened";
    static final String CLOSED = "karyolab-bench: window closed";
    private static final ObjectMapper JSON = SchemaJson.mapper();
    private static final String CLI = "org.karyolab.server.bench.cli.BenchCli";

    private LoadProcess() {
    }

    /** The child's side ({@code karyolab bench load}): runs the plan's clients, writes the answer to {@code out}. */
    public static void runPlan(Path planFile, Path out, PrintStream marks) throws IOException, InterruptedException {
        Plan plan = JSON.readValue(planFile.toFile(), Plan.class);
        TimedRun.Result r = TimedRun.run("server", plan.tokens().size(),
                i -> new HttpSession(plan.url(), plan.tokens().get(i), plan.owned().get(i), plan.mix(), plan.route(),
                        plan.thumbnails(), plan.seed() * 31 + i),
                Duration.ofMillis(plan.warmupMillis()), Duration.ofMillis(plan.measureMillis()),
                Duration.ofMillis(plan.thinkMillis()), plan.progress(), new TimedRun.WindowListener() {
                    @Override
                    public void opened() {
                        marks.println(OPENED);
                        marks.flush();
                    }

                    @Override
                    public void closed() {
                        marks.println(CLOSED);
                        marks.flush();
                    }
                });
        Map<Op, String> latencies = new EnumMap<>(Op.class);
        r.latencies().forEach((op, log) -> latencies.put(op, log.encoded()));
        JSON.writeValue(out.toFile(), new Answer(latencies, r.saves(), r.seconds(), r.errors(), r.errorSamples(),
                r.processCpus(), r.machineBusy()));
    }

    /**
     * The server's side: runs the plan in a child JVM (its progress on this process's standard error) and returns
     * its result, with {@code serverCpus} the CPUs this process (the server) used during the child's window.
     */
    public static TimedRun.Result run(Plan plan) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("karyolab-load-");
        try {
            Path planFile = dir.resolve("plan.json");
            Path answerFile = dir.resolve("answer.json");
            JSON.writeValue(planFile.toFile(), plan);
            String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
            Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), CLI, "bench", "load", "--plan", planFile.toString(),
                    "--out", answerFile.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CpuUse opened = null;
            CpuUse closed = null;
            List<String> other = new ArrayList<>();
            try (BufferedReader lines = child.inputReader()) {
                for (String line; (line = lines.readLine()) != null; ) {
                    switch (line) {
                        case OPENED -> opened = CpuUse.sample();
                        case CLOSED -> closed = CpuUse.sample();
                        default -> other.add(line);
                    }
                }
            }
            int exit = child.waitFor();
            if (exit != 0 || opened == null || closed == null || !Files.isRegularFile(answerFile)) {
                throw new IOException("the load process failed (exit " + exit + ")" + (other.isEmpty() ? "; its errors are above"
                        : ": " + String.join(" / ", other)));
            }
            Answer a = JSON.readValue(answerFile.toFile(), Answer.class);
            Map<Op, LatencyLog> latencies = new EnumMap<>(Op.class);
            a.latencies().forEach((op, encoded) -> latencies.put(op, LatencyLog.decode(encoded)));
            return new TimedRun.Result(latencies, a.saves(), a.seconds(), a.errors(), a.errorSamples(), a.processCpus(),
                    a.machineBusy(), closed.processCpusSince(opened));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
