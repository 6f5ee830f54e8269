package org.karyolab.server.bench;

import java.util.List;
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
        out.append(cpuLine(result));
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

    /**
     * The CPUs the server's process and the clients' used in the window, the server's CPU time per save, and a
     * warning when other processes took CPU too.
     */
    static String cpuLine(TimedRun.Result r) {
        int cpus = Runtime.getRuntime().availableProcessors();
        boolean apart = r.processCpus() != r.serverCpus();
        double ours = apart ? r.processCpus() + r.serverCpus() : r.processCpus();
        return String.format(Locale.ROOT, "  CPU: %s %.2f of %d CPUs (%.3f ms CPU per annotation save)%s; whole machine %.0f%% busy%s%n",
                apart ? "server process" : "this JVM", r.serverCpus(), cpus, r.serverCpuMillisPerSave(),
                apart ? String.format(Locale.ROOT, ", load process %.2f", r.processCpus()) : "", r.machineBusy() * 100,
                r.machineBusy() * cpus > ours + 0.25 ? " (other processes took CPU: figures are low)" : "");
    }

    /** The figures the targets are about, for one run or the median of several. */
    public record Figures(double savesPerSecond, double p99Millis, double serverToJdbc, long errors) {
        public static Figures of(TimedRun.Result server, TimedRun.Result jdbc) {
            return new Figures(server.savesPerSecond(), millis(server.all().summary().p99()),
                    server.savesPerSecond() / jdbc.savesPerSecond(), server.errorCount() + jdbc.errorCount());
        }
    }

    /** Each target with its measured value and PASS or MISS. */
    public static String verdict(Figures f, Targets t) {
        return check(String.format(Locale.ROOT, "annotation saves/s >= %,.0f", t.minSavesPerSecond()),
                        String.format(Locale.ROOT, "%,.0f", f.savesPerSecond()), f.savesPerSecond() >= t.minSavesPerSecond())
                + check(String.format(Locale.ROOT, "p99 of all requests <= %.0f ms", t.maxP99Millis()),
                        String.format(Locale.ROOT, "%.1f ms", f.p99Millis()), f.p99Millis() <= t.maxP99Millis())
                + check(String.format(Locale.ROOT, "server/JDBC saves/s >= %.2f", t.minServerToJdbc()),
                        String.format(Locale.ROOT, "%.2f", f.serverToJdbc()), f.serverToJdbc() >= t.minServerToJdbc())
                + check("no errors", f.errors() + " errors", f.errors() == 0);
    }

    /** One figure over several runs: median and spread (min-max), as the report prints it. */
    public static String spread(String label, String format, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        double min = sorted.getFirst(), max = sorted.getLast();
        return String.format(Locale.ROOT, "  %-40s " + format + "   (" + format + " - " + format + ", spread %.0f%%)   runs: %s%n",
                label, median, min, max, median == 0 ? 0 : (max - min) / median * 100,
                values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList());
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
