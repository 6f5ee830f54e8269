package org.karyolab.client.ui;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.ServerUnreachableException;
import org.karyolab.schema.Violation;

/**
 * One sentence for the user from any failure: the server's problem detail (and its violations), a
 * plain "the server does not answer", never a stack trace.
 */
public final class Errors {

    private Errors() {
    }

    public static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return switch (t) {
            case ServerUnreachableException u -> "The server does not answer. Check the address and that it is running.";
            case ApiException a -> {
                String head = a.detail() != null && !a.detail().isBlank() ? a.detail()
                        : a.title() != null ? a.title() : "The server refused the request (" + a.status() + ")";
                if (a.status() == 401 && (a.detail() == null || a.detail().isBlank())) head = "Sign-in failed: wrong user name or password.";
                if (a.violations().isEmpty()) yield sentence(head);
                yield sentence(head) + " " + a.violations().stream().limit(3).map(Errors::violation).collect(Collectors.joining("; "))
                        + (a.violations().size() > 3 ? " (and " + (a.violations().size() - 3) + " more)" : "");
            }
            case UncheckedIOException io -> sentence(io.getMessage());
            case IllegalArgumentException i when i.getMessage() != null -> sentence(i.getMessage());
            default -> "Something went wrong: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        };
    }

    private static String violation(Violation v) {
        return v.pointer() == null || v.pointer().isEmpty() ? v.message() : v.pointer() + ": " + v.message();
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "";
        String t = s.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
