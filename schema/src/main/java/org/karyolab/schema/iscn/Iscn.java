package org.karyolab.schema.iscn;

import java.util.List;

/**
 * ISCN karyotypes: parse text into a {@link Karyotype}, write it back canonically, check it against the
 * counting rules and the ideograms.
 *
 * <pre>{@code
 * switch (Iscn.parse("46,XY,t(9;22)(q34;q11.2)", Mode.STRICT)) {
 *     case IscnResult.Parsed p -> Iscn.write(p.karyotype());   // "46,XY,t(9;22)(q34;q11.2)"
 *     case IscnResult.Failed f -> f.errors();                   // [column 12: expected ...]
 * }
 * }</pre>
 */
public final class Iscn {

    private Iscn() {
    }

    /** Strict parse: canonical ISCN only. */
    public static IscnResult parse(String text) {
        return parse(text, Mode.STRICT);
    }

    public static IscnResult parse(String text, Mode mode) {
        return new IscnParser(text == null ? "" : text, mode == Mode.LENIENT).parse();
    }

    /** Canonical ISCN text; {@code parse(write(k))} gives {@code k} back. */
    public static String write(Karyotype karyotype) {
        return IscnWriter.write(karyotype, null);
    }

    /** Findings beyond the grammar; columns point into {@link #write}'s text. */
    public static List<IscnIssue> check(Karyotype karyotype) {
        return KaryotypeChecker.check(karyotype);
    }
}
