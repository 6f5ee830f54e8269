package org.karyolab.server.cli;

import io.helidon.logging.common.LogConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code karyolab} command line. The launcher script builds the project and
 * hands every command but {@code test}, {@code client} and {@code bench} to this class (the benchmarks
 * have jars of their own: server-bench, client-bench).
 */
@Command(name = "karyolab",
        mixinStandardHelpOptions = true,
        versionProvider = KaryoLabCli.Version.class,
        description = "KaryoLab: annotation and active learning for chromosome (karyotype) data.",
        subcommands = {ServeCommand.class, DemoCommand.class, SynthCommand.class, IscnCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class KaryoLabCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new KaryoLabCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KaryoLabCli.class.getPackage().getImplementationVersion();
            return new String[] {"KaryoLab " + (v == null ? "(development build)" : v)};
        }
    }
}
