package org.karyolab.client.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns a JavaFX toolkit start failure into the one line an expert can act on. Without GTK 3 the
 * toolkit says "Unable to load glass GTK library.", or its native library does not load
 * ({@code UnsatisfiedLinkError} naming {@code glassgtk3} or {@code libgtk-3}), or GTK is too old; without a
 * display it cannot open one. Other failures are
 * not the toolkit's: they keep their stack trace.
 */
public final class ToolkitFailure {

    static final String INSTALL_GTK = "install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0) and start the client again";

    private ToolkitFailure() {
    }

    /** The line to print for {@code failure} (anywhere in its cause chain), or empty if it is not a toolkit start failure. */
    public static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (t instanceof UnsatisfiedLinkError && (lower.contains("gtk") || lower.contains("glass"))) {
                return Optional.of("karyolab client: JavaFX could not load GTK 3 (" + firstLine(m) + "); " + INSTALL_GTK);
            }
            if (lower.contains("glass gtk library")) { // display there, GTK 3 not
                return Optional.of("karyolab client: JavaFX found no GTK 3 (" + firstLine(m) + "); " + INSTALL_GTK);
            }
            if (lower.contains("minimum gtk version")) {
                return Optional.of("karyolab client: GTK 3 is too old or missing (" + firstLine(m) + "); " + INSTALL_GTK);
            }
            if (lower.contains("unable to open display")) {
                return Optional.of("karyolab client: no display to open a window on (" + firstLine(m)
                        + "); run it in a desktop session or set DISPLAY (it also needs GTK 3: apt-get install libgtk-3-0)");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
