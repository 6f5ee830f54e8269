package org.karyolab.server.bench.cli;

import org.karyolab.server.bench.LoadProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code karyolab bench load}: the load half of {@code bench server}, run by it in a process of its own. */
@Command(name = "load", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the clients of a benchmark plan against a running server (started by 'bench server').")
final class BenchLoadCommand implements Callable<Integer> {

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan 'bench server' wrote.")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the measured result (JSON).")
    Path out;

    @Override
    public Integer call() throws Exception {
        LoadProcess.runPlan(plan, out, System.out);
        return 0;
    }
}
