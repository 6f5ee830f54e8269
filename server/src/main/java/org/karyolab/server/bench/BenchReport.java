package org.karyolab.server.bench;

import java.util.Locale;
import java.util.Map;

/** The printed form of a benchmark's results: throughput, a latency table per operation, errors. */
public final class BenchReport {

    /** What the server must reach on the reference machine (docs/BENCHMARKS.md). */
    public record Targets(double minSavesPerSecond, double maxP99Millis, double minServerToJdbc) {
        public static final Targets DEFAULT = new Targets(1000, 50, 0.5);
    }

    private BenchReport() {
    }

    public static String section(String title, TimedRun.Result result, String saveLabel) {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(line("  requests/s", "%,.0f", result.requestsPerSecond()));
        out.append(line("  annotation saves/s", "%,.0f", result.savesPerSecond()));
        out.append(String.format(Locale.ROOT, "  CPU: this JVM %.2f of %d CPUs; whole machine %.0f%% busy%s%n", result.processCpus(),
                Runtime.getRuntime().availableProcessors(), result.machineBusy() * 100,
                result.machineBusy() * Runtime.getRuntime().availableProcessors() > result.processCpus() + 0.25
                        ? " (other processes took CPU: figures are low)" : ""));
        out.append(String.format(Locale.ROOT, "  %-26s %9s %8s %8s %8s %8s %8s%n", "operation (ms)", "count", "p50", "p95", "p99",
                "max", "mean"));
        for (Map.Entry<Op, LatencyLog> e : result.latencies().entrySet()) {
            String label = e.getKey() == Op.SAVE ? saveLabel : e.getKey().label;
            out.append(row(label, e.getValue().summary()));
        }
        if (result.latencies().size() > 1) out.append(row("all requests", result.all().summary()));
        if (result.errors().isEmpty()) {
            out.append("  errors: none\n");
        } else {
            out.append("  errors (whole run, warm-up included):\n");
            result.errors().forEach((what, n) -> {
                out.append(String.format(Locale.ROOT, "    %,8d  %s%n", n, what));
                String sample = result.errorSamples().get(what);
                if (sample != null) out.append("              first answer: ").append(sample.replace('\n', ' ')).append('\n');
            });
        }
        return out.toString();
    }

    /** Each target with its measured value and PASS or MISS. */
    public static String verdict(TimedRun.Result server, TimedRun.Result jdbc, Targets t) {
        double p99 = millis(server.all().summary().p99());
        double ratio = server.savesPerSecond() / jdbc.savesPerSecond();
        return "Targets\n"
                + check(String.format(Locale.ROOT, "annotation saves/s >= %,.0f", t.minSavesPerSecond()),
                        String.format(Locale.ROOT, "%,.0f", server.savesPerSecond()), server.savesPerSecond() >= t.minSavesPerSecond())
                + check(String.format(Locale.ROOT, "p99 of all requests <= %.0f ms", t.maxP99Millis()),
                        String.format(Locale.ROOT, "%.1f ms", p99), p99 <= t.maxP99Millis())
                + check(String.format(Locale.ROOT, "server/JDBC saves/s >= %.2f", t.minServerToJdbc()),
                        String.format(Locale.ROOT, "%.2f", ratio), ratio >= t.minServerToJdbc())
                + check("no errors", server.errorCount() + jdbc.errorCount() + " errors", server.errorCount() + jdbc.errorCount() == 0);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String check(String what, String measured, boolean pass) {
        return String.format(Locale.ROOT, "  %-34s %-14s %s%n", what, measured, pass ? "PASS" : "MISS");
    }

    private static String row(String label, LatencyLog.Summary s) {
        return String.format(Locale.ROOT, "  %-26s %,9d %8.2f %8.2f %8.2f %8.2f %8.2f%n", label, s.count(), millis(s.p50()),
                millis(s.p95()), millis(s.p99()), millis(s.max()), s.mean() / 1e6);
    }

    private static String line(String label, String format, double value) {
        return String.format(Locale.ROOT, "%-22s " + format + "%n", label, value);
    }
}
