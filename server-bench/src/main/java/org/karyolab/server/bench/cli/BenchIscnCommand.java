package org.karyolab.server.bench.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import org.karyolab.server.bench.jmh.IscnBenchmarks;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code karyolab bench iscn}: the JMH benchmarks of {@link IscnBenchmarks} on one thread, then the figures against
 * the targets (parsing 100,000 karyotypes/s, graph + Loss/Gain/Fusion 10,000/s on one core).
 */
@Command(name = "iscn", mixinStandardHelpOptions = true,
        description = {"JMH on one thread: (a) parsing typical karyotypes, (b) band graph + Loss/Gain/Fusion at 400/550/850 bands.",
                "Targets: parsing >= 100,000 karyotypes/s; graph + LGF >= 10,000 karyotypes/s."})
final class BenchIscnCommand implements Callable<Integer> {

    static final double PARSE_TARGET = 100_000;
    static final double GRAPH_TARGET = 10_000;

    @Option(names = "--forks", defaultValue = "1", description = "JMH forks (fresh JVMs per benchmark; 0 runs in this JVM). Default: ${DEFAULT-VALUE}.")
    int forks;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations per fork. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations per fork. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--seconds", defaultValue = "1", description = "Seconds per iteration. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws RunnerException {
        if (forks < 0 || iterations < 1 || warmup < 0 || seconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--forks >= 0, --iterations >= 1, --warmup >= 0, --seconds >= 1");
        }
        Options options = new OptionsBuilder()
                .include(IscnBenchmarks.class.getName() + "\\.")
                .threads(1)
                .forks(forks)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                // Not the launcher's flags: its shared class archive is for the command line, not for forks.
                .jvmArgs("-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("karyotypes/s on one thread (mean ± 99.9% error), against the targets:");
        boolean allMet = true;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            String level = r.getParams().getParam("level");
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            double target = name.equals("parse") ? PARSE_TARGET : GRAPH_TARGET;
            boolean met = score >= target;
            allMet &= met;
            out.printf("  %-24s %-9s %,12.0f ± %,9.0f   target %,7.0f  %s%n", name, level == null ? "" : "level " + level,
                    score, Double.isNaN(error) ? 0 : error, target, met ? "met" : "BELOW");
        }
        out.println(allMet ? "all targets met" : "some targets not met (check `uptime`: a busy machine lowers the figures)");
        out.flush();
        return 0;
    }
}
