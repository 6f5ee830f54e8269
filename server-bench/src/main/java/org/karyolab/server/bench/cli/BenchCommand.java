package org.karyolab.server.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code karyolab bench ...}: benchmarks. Each one is a subcommand; results go to docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (see docs/BENCHMARKS.md for the reference figures).",
        subcommands = {BenchServerCommand.class, BenchLoadCommand.class, BenchIscnCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
