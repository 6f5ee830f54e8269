package org.karyolab.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small helpers shared by every {@code validate} method: pointer building and common checks. */
public final class Validation {

    private Validation() {
    }

    /** Re-roots violations found in a child value under {@code prefix} (a JSON pointer such as "/shape"). */
    public static List<Violation> prefix(String prefix, Collection<Violation> violations) {
        return violations.stream().map(v -> v.prefixed(prefix)).toList();
    }

    /** Builds a pointer from raw tokens, escaping '~' and '/' as RFC 6901 requires: pointer("points", "a/b") = "/points/a~1b". */
    public static String pointer(Object... tokens) {
        var sb = new StringBuilder();
        for (Object token : tokens) {
            sb.append('/').append(escape(String.valueOf(token)));
        }
        return sb.toString();
    }

    /** RFC 6901 escaping of a single reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Adds "'field' is required" when value is null. Returns true when the value is present. */
    public static boolean required(List<Violation> out, String pointer, String field, Object value) {
        if (value == null) {
            out.add(new Violation(pointer, field + " is required"));
            return false;
        }
        return true;
    }

    /** A required, non-blank text. */
    public static void requiredText(List<Violation> out, String pointer, String field, String value) {
        if (value == null) {
            out.add(new Violation(pointer, field + " is required"));
        } else if (value.isBlank()) {
            out.add(new Violation(pointer, field + " must not be blank"));
        }
    }

    /** An optional text: absent is fine, but present-and-blank is a mistake. */
    public static void optionalText(List<Violation> out, String pointer, String field, String value) {
        if (value != null && value.isBlank()) {
            out.add(new Violation(pointer, field + " must not be blank when present (omit it instead)"));
        }
    }

    /**
     * Immutable copy that, unlike {@link List#copyOf}, keeps null elements (so validation can point at
     * them instead of the constructor throwing) and turns a null list into an empty one.
     */
    public static <T> List<T> immutableList(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
