package org.karyolab.client.ui;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The annotator's options ({@code ./karyolab client ...}), parsed by picocli like the server's. */
@Command(name = "karyolab client", customSynopsis = "karyolab client [--server URL] [--user NAME] [--data DIR]",
        sortOptions = false, usageHelpWidth = 120, usageHelpAutoWidth = true)
final class ClientOptions {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the KaryoLab server (default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--user", paramLabel = "NAME", description = "user name to fill in on the sign-in screen")
    String user;

    @Option(names = "--data", paramLabel = "DIR", description = "where unsent edits are journalled (default ~/.karyolab/annotator)")
    Path data = Path.of(System.getProperty("user.home"), ".karyolab", "annotator");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    /** The settings {@code args} ask for; an IllegalArgumentException saying what is wrong with them. */
    static KaryoLabApp.Settings parse(List<String> args) {
        ClientOptions o = new ClientOptions();
        try {
            new CommandLine(o).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(problem(e), e);
        }
        return new KaryoLabApp.Settings(o.server, o.user, o.data);
    }

    /** One line for a bad command line, naming the options there are. */
    static String problem(CommandLine.ParameterException e) {
        return e instanceof CommandLine.UnmatchedArgumentException u
                ? "unknown option " + u.getUnmatched().getFirst() + " (use --server URL, --user NAME, --data DIR)"
                : e.getMessage();
    }
}
