package org.karyolab.schema.iscn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karyolab.schema.iscn.Entry.Origin;

/**
 * The characters under {@link IscnParser}: a cursor over the text, what it may peek at and consume, and how a
 * liberty is taken (an error in strict mode, a warning with its fix in lenient mode).
 */
abstract sealed class IscnScanner permits IscnParser {

    final String text;
    final char[] s;
    final int n;
    final boolean lenient;
    final List<IscnIssue> warnings = new ArrayList<>();
    /** The cursor. */
    int i;

    IscnScanner(String text, boolean lenient) {
        this.text = text;
        this.s = text.toCharArray();
        this.n = s.length;
        this.lenient = lenient;
    }

    /** Thrown at the first error; no stack trace, it is control flow. */
    static final class Failure extends RuntimeException {
        final IscnIssue issue;

        Failure(IscnIssue issue) {
            super(issue.message(), null, false, false);
            this.issue = issue;
        }
    }

    // ---- lenient liberties ----

    final void spaces(String where) {
        int start = i;
        while (i < n && space(s[i])) {
            i++;
        }
        if (i > start) {
            liberty(start, "unexpected space " + where, remove(start, i));
        }
    }

    final void keywordCase(int column, String written, String wanted) {
        if (!written.equals(wanted)) {
            String caseName = wanted.equals(wanted.toLowerCase(Locale.ROOT)) ? "lower" : "upper";
            liberty(column, "write '" + wanted + "' in " + caseName + " case", replace(column, written.length(), wanted));
        }
    }

    final void liberty(int column, String message, String fix) {
        if (!lenient) {
            throw fail(column, message, fix);
        }
        warn(column, message, fix);
    }

    final void warn(int column, String message, String fix) {
        warnings.add(new IscnIssue(column, message, fix));
    }

    final Failure fail(int column, String message, String fix) {
        return new Failure(new IscnIssue(column, i >= n && column >= n ? message + " but the text ended" : message, fix));
    }

    // ---- characters ----

    final int number(String expected) {
        int start = i;
        int value = 0;
        while (digit()) {
            if (i - start == 3) {
                throw fail(start, "number too long", null);
            }
            value = value * 10 + s[i++] - '0';
        }
        if (i == start) {
            throw fail(i, expected, null);
        }
        return value;
    }

    final void expect(char c, String message) {
        if (peek() != c) {
            throw fail(i, message, null);
        }
        i++;
    }

    /** "marmat" is "mar" followed by its origin: cut a keyword glued to an origin symbol off the letter run. */
    static String keyword(String word, String... keywords) {
        for (String k : keywords) {
            if (word.length() > k.length() && word.regionMatches(true, 0, k, 0, k.length())
                    && Origin.bySymbol(word.substring(k.length()).toLowerCase(Locale.ROOT)) != null) {
                return word.substring(0, k.length());
            }
        }
        return word;
    }

    /** The run of ASCII letters at the cursor, without consuming it. */
    final String peekWord() {
        int end = i;
        while (letter(end)) {
            end++;
        }
        return text.substring(i, end);
    }

    final char peek() {
        return peek(i);
    }

    final char peek(int at) {
        return at < n ? s[at] : '\0';
    }

    final boolean digit() {
        return i < n && s[i] >= '0' && s[i] <= '9';
    }

    final boolean letter(int at) {
        return at < n && (s[at] >= 'a' && s[at] <= 'z' || s[at] >= 'A' && s[at] <= 'Z');
    }

    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0';
    }

    static String printable(String junk) {
        String shown = junk.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }

    final String remove(int from, int to) {
        return text.substring(0, from) + text.substring(to);
    }

    final String replace(int at, int length, String with) {
        return text.substring(0, at) + with + text.substring(at + length);
    }

    final String insert(int at, String what) {
        return text.substring(0, at) + what + text.substring(at);
    }
}
