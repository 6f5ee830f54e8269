package org.karyolab.client.ui;

import java.util.List;

/**
 * The jar's entry point ({@code ./karyolab client --server URL}). A plain class, not the
 * {@code Application} subclass, so JavaFX starts from the class path without the module-path
 * launcher check. Bad options are reported in one line before any window opens.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            KaryoLabApp.Settings.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("karyolab client: " + e.getMessage());
            System.exit(2);
        }
        javafx.application.Application.launch(KaryoLabApp.class, args);
    }
}
