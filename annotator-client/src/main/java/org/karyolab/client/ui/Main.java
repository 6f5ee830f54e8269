package org.karyolab.client.ui;

import java.util.List;
import javafx.application.Application;

/**
 * The jar's entry point ({@code ./karyolab client --server URL}). A plain class, not the
 * {@code Application} subclass, so JavaFX starts from the class path without the module-path
 * launcher check. Bad options are reported in one line before any window opens; so is a
 * toolkit that cannot start (no GTK 3, no display: {@link ToolkitFailure}), exit 3.
 */
public final class Main {

    private Main() {
    }

    /** What {@code --help} prints. */
    static final String USAGE = """
            Usage: karyolab client [--server URL] [--user NAME] [--data DIR]
              --server URL   the KaryoLab server (default http://127.0.0.1:8080)
              --user NAME    user name to fill in on the sign-in screen
              --data DIR     where unsent edits are journalled (default ~/.karyolab/annotator)
              -h, --help     this text
            """;

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            KaryoLabApp.Settings.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("karyolab client: " + e.getMessage());
            System.exit(2);
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
