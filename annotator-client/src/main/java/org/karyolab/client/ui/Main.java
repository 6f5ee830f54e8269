package org.karyolab.client.ui;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The jar's entry point ({@code ./karyolab client --server URL}). A plain class, not the
 * {@code Application} subclass, so JavaFX starts from the class path without the module-path
 * launcher check. The options ({@link ClientOptions}) are parsed first: bad ones are reported in one
 * line before any window opens; so is a toolkit that cannot start (no GTK 3, no display:
 * {@link ToolkitFailure}), exit 3.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ClientOptions());
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("karyolab client: " + ClientOptions.problem(e));
            System.exit(2);
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return;
        }
        try {
            Application.launch(KaryoLabApp.class, args);
        } catch (RuntimeException | LinkageError e) {
            // Without GTK 3 the toolkit cannot start: one line saying what to install, not a stack trace.
            String line = ToolkitFailure.explain(e).orElse(null);
            if (line == null) throw e;
            System.err.println(line);
            System.exit(3);
        }
    }
}
