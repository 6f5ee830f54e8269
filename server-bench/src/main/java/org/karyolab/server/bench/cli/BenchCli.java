package org.karyolab.server.bench.cli;

import io.helidon.logging.common.LogConfig;
import org.karyolab.server.cli.KaryoLabCli;
import picocli.CommandLine;

/**
 * The main class of the benchmarks' own jar: the server's command line with {@code bench} added. The launcher
 * hands {@code bench server}, {@code bench load} and {@code bench iscn} here with the arguments it was given, so
 * usage lines and options read as they did when {@code bench} was a command of the server's jar.
 */
public final class BenchCli {

    private BenchCli() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by the tests. */
    public static CommandLine commandLine() {
        // Settings reach only the subcommands present when they are set: again, now that bench is one.
        return KaryoLabCli.commandLine().addSubcommand(new BenchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
    }
}
