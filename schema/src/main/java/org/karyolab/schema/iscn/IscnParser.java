package org.karyolab.schema.iscn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.band.BandNameException;
import org.karyolab.schema.iscn.Abnormality.Derivative;
import org.karyolab.schema.iscn.Abnormality.DoubleMinutes;
import org.karyolab.schema.iscn.Abnormality.Marker;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.Abnormality.WholeChromosome;
import org.karyolab.schema.iscn.CellLine.CellCount;
import org.karyolab.schema.iscn.CellLine.ChromosomeCount;
import org.karyolab.schema.iscn.CellLine.Reference;
import org.karyolab.schema.iscn.CellLine.SexChromosomes;
import org.karyolab.schema.iscn.Entry.Origin;
import org.karyolab.schema.iscn.Entry.Sign;

/**
 * Hand-written recursive descent over the characters: one pass, no backtracking, the first error stops it
 * with its column. In lenient mode each liberty taken becomes a warning instead of an error. The cursor and
 * the liberties are {@link IscnScanner}'s.
 *
 * <pre>
 * karyotype  := [("mos" | "chi") " "] cellLine ("/" cellLine)*
 * cellLine   := count "," reference ("," entry)* [",inc"] ["[" ["cp"] digits "]"]
 * count      := digits ["~" digits]
 * reference  := ("X" | "Y")+ ["c"] | "idem" | "sl" | "sdl" [digits]
 * entry      := ["+" | "-"] ["?"] abnormality [origin]
 * abnormality:= chromosome | [digits] "mar" [digits] | [count] "dmin"
 *             | "der" chromosomes [breakpoints] rearrangement* | type chromosomes breakpoints
 * chromosomes:= "(" chromosome (";" chromosome)* ")"        chromosome := 1-22 | X | Y | ?
 * breakpoints:= "(" group (";" group)* ")"                  group := breakpoint+
 * breakpoint := "?" | ["?"] band | band "~" band             band := (p|q)(ter | digit [digit ["." digits]]) | cen
 * origin     := "c" | "mat" | "pat" | "dn"
 * </pre>
 */
final class IscnParser extends IscnScanner {

    /** Lenient: a sign found before its comma ("-18-,18") waits here for the next entry. */
    private Sign pendingSign;

    IscnParser(String text, boolean lenient) {
        super(text, lenient);
    }

    IscnResult parse() {
        try {
            return new IscnResult.Parsed(karyotype(), warnings);
        } catch (Failure f) {
            return new IscnResult.Failed(List.of(f.issue));
        }
    }

    // ---- structure ----

    private Karyotype karyotype() {
        spaces("before the karyotype");
        if (i == n) {
            throw fail(i, "expected a karyotype such as 46,XX", null);
        }
        Karyotype.Mosaicism mosaicism = Karyotype.Mosaicism.NONE;
        String word = peekWord();
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("mos") || lower.equals("chi")) {
            keywordCase(i, word, lower);
            mosaicism = lower.equals("mos") ? Karyotype.Mosaicism.MOS : Karyotype.Mosaicism.CHI;
            i += word.length();
            if (!space(peek())) {
                throw fail(i, "expected a space after '" + lower + "'", insert(i, " "));
            }
            i++;
            spaces("after '" + lower + " '");
        }
        var lines = new ArrayList<CellLine>();
        while (true) {
            lines.add(cellLine());
            Next next = next();
            if (next == Next.SLASH) {
                i++;
                spaces("after '/'");
            } else if (next == Next.END) {
                return new Karyotype(mosaicism, lines);
            } else {
                throw fail(i, "expected '/' or the end after the cell count", null);
            }
        }
    }

    private CellLine cellLine() {
        ChromosomeCount count = count("expected the chromosome count, e.g. 46");
        if (peek() != ',') {
            if (lenient && (peek() == 'X' || peek() == 'Y')) {
                warn(i, "missing ',' after the chromosome count", insert(i, ","));
            } else {
                throw fail(i, "expected ',' after the chromosome count",
                        peek() == ';' || peek() == '.' ? replace(i, 1, ",") : null);
            }
        } else {
            i++;
            spaces("after ','");
        }
        Reference reference = reference();
        var entries = new ArrayList<Entry>();
        boolean incomplete = false;
        Next next;
        while ((next = next()) == Next.COMMA) {
            int comma = i++;
            spaces("after ','");
            if (incomplete) {
                throw fail(comma, "'inc' goes last, after every abnormality", null);
            }
            String word = peekWord();
            if (word.equalsIgnoreCase("inc")) {
                keywordCase(i, word, "inc");
                i += 3;
                incomplete = true;
            } else {
                entries.add(entry());
            }
        }
        CellCount cells = null;
        if (next == Next.BRACKET) {
            cells = cellCount();
        }
        return new CellLine(count, reference, entries, incomplete, cells);
    }

    private ChromosomeCount count(String expected) {
        int start = i;
        int low = number(expected);
        if (peek() == '~') {
            i++;
            int high = number("expected a number after '~', e.g. 45~48");
            if (high <= low) {
                throw fail(start, "a range goes from low to high, e.g. 45~48", null);
            }
            return new ChromosomeCount(low, high);
        }
        return ChromosomeCount.of(low);
    }

    private Reference reference() {
        int start = i;
        String word = peekWord();
        String lower = word.toLowerCase(Locale.ROOT);
        switch (lower.startsWith("sdl") ? "sdl" : lower) {
            case "idem" -> {
                keywordCase(start, word, lower);
                i += word.length();
                return new CellLine.Idem();
            }
            case "sl" -> {
                keywordCase(start, word, lower);
                i += word.length();
                return new CellLine.Stemline();
            }
            case "sdl" -> {
                if (word.length() == 3) {
                    keywordCase(start, word, lower);
                    i += 3;
                    Integer number = digit() ? number("") : null;
                    if (number != null && number < 1) {
                        throw fail(start + 3, "sidelines are numbered from 1", null);
                    }
                    return new CellLine.Sideline(number);
                }
            }
            default -> {
            }
        }
        int x = 0;
        int y = 0;
        int end = i;
        while (end < n && "XYxy".indexOf(s[end]) >= 0) {
            end++;
        }
        String sex = text.substring(i, end);
        keywordCase(i, sex, sex.toUpperCase(Locale.ROOT));
        while (i < end) {
            char c = s[i];
            if (Character.toUpperCase(c) == 'X') {
                if (y > 0) {
                    throw fail(i, "write X before Y in the sex chromosomes", null);
                }
                x++;
            } else {
                y++;
            }
            i++;
        }
        if (x + y == 0) {
            throw fail(start, "expected the sex chromosomes (e.g. XX, XY, X) or idem, sl, sdl", null);
        }
        boolean constitutional = peek() == 'c' && !letter(i + 1);
        if (constitutional) {
            i++;
        }
        return new SexChromosomes(x, y, constitutional);
    }

    private CellCount cellCount() {
        i++; // '['
        boolean composite = false;
        String word = peekWord();
        if (word.equalsIgnoreCase("cp")) {
            keywordCase(i, word, "cp");
            i += 2;
            composite = true;
        }
        int cells = number("expected the number of cells, e.g. [20] or [cp10]");
        expect(']', "expected ']' after the number of cells");
        return new CellCount(cells, composite);
    }

    // ---- entries ----

    private Entry entry() {
        int start = i;
        Sign sign = switch (peek()) {
            case '+' -> Sign.GAIN;
            case '-' -> Sign.LOSS;
            default -> Sign.NONE;
        };
        if (sign != Sign.NONE) {
            i++;
        }
        if (pendingSign != null) {
            if (sign != Sign.NONE) {
                throw fail(start, "two signs for one entry", null);
            }
            sign = pendingSign;
            pendingSign = null;
        }
        boolean questioned = peek() == '?';
        if (questioned) {
            i++;
        }
        Abnormality abnormality = abnormality();
        Origin origin = null;
        String word = peekWord();
        Origin o = Origin.bySymbol(word.toLowerCase(Locale.ROOT));
        if (o != null) {
            keywordCase(i, word, o.symbol());
            i += word.length();
            origin = o;
        }
        return new Entry(sign, questioned, abnormality, origin);
    }

    private Abnormality abnormality() {
        int start = i;
        if (digit()) {
            ChromosomeCount count = count("");
            String word = keyword(peekWord(), "dmin", "mar");
            if (word.equals("dmin")) {
                i += 4;
                return new DoubleMinutes(count);
            }
            if (count.range()) {
                throw fail(i, "expected 'dmin' after a range such as 2~30", null);
            }
            if (word.equals("mar")) {
                i += 3;
                if (digit()) {
                    throw fail(i, "write either copies (2mar) or a number (mar1), not both", null);
                }
                return new Marker(count.low(), null);
            }
            if (count.low() < 1 || count.low() > 22) {
                throw fail(start, "expected a chromosome 1-22, X or Y", null);
            }
            return new WholeChromosome(ChromosomeClass.of(count.low()));
        }
        char c = peek();
        if (c == 'X' || c == 'Y' || (c == 'x' || c == 'y') && !letter(i + 1)) {
            if (c == 'x' || c == 'y') {
                keywordCase(i, String.valueOf(c), String.valueOf(Character.toUpperCase(c)));
            }
            i++;
            return new WholeChromosome(Character.toUpperCase(c) == 'X' ? ChromosomeClass.X : ChromosomeClass.Y);
        }
        String word = keyword(peekWord(), "dmin", "mar");
        if (word.isEmpty()) {
            throw fail(i, "expected an abnormality, e.g. +21, -7, del(5)(q13q33), t(9;22)(q34;q11.2), +mar", null);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "mar" -> {
                keywordCase(start, word, lower);
                i += 3;
                return new Marker(1, digit() ? number("") : null);
            }
            case "dmin" -> {
                keywordCase(start, word, lower);
                i += 4;
                return new DoubleMinutes(null);
            }
            case "der" -> {
                keywordCase(start, word, lower);
                i += 3;
                return derivative();
            }
            default -> {
                Rearrangements type = Rearrangements.bySymbol(lower);
                if (type == null) {
                    throw fail(start, "unknown abnormality '" + word + "': expected a chromosome, mar, dmin, der or one of "
                            + "del, dup, inv, t, i, r, ins, add, dic, idic, rob, trp, hsr, fra", null);
                }
                keywordCase(start, word, lower);
                i += word.length();
                return rearrangement(type, word);
            }
        }
    }

    private Rearrangement rearrangement(Rearrangements type, String written) {
        int start = i - written.length();
        List<ChromosomeClass> chromosomes = chromosomes(type.symbol());
        if (peek() != '(') {
            String shown = text.substring(start, i);
            if (!lenient) {
                throw fail(i, "expected '(' with the breakpoints after " + shown + ", e.g. t(9;22)(q34;q11.2)", null);
            }
            warn(i, "no breakpoints after " + shown + " (as M-FISH reports write it); ISCN gives them in a second pair of parentheses", null);
            return new Rearrangement(type, chromosomes, List.of());
        }
        return new Rearrangement(type, chromosomes, breakpoints());
    }

    private Derivative derivative() {
        List<ChromosomeClass> chromosomes = chromosomes("der");
        List<List<Breakpoint>> own = peek() == '(' ? breakpoints() : List.of();
        var events = new ArrayList<Rearrangement>();
        while (true) {
            String word = peekWord();
            String lower = word.toLowerCase(Locale.ROOT);
            Rearrangements type = Rearrangements.bySymbol(lower);
            if (type == null || peek(i + word.length()) != '(') {
                return new Derivative(chromosomes, own, events);
            }
            keywordCase(i, word, lower);
            i += word.length();
            events.add(rearrangement(type, word));
        }
    }

    private List<ChromosomeClass> chromosomes(String symbol) {
        expect('(', "expected '(' and the chromosome after '" + symbol + "'");
        var list = new ArrayList<ChromosomeClass>();
        while (true) {
            list.add(chromosome());
            char c = peek();
            if (c == ')') {
                i++;
                return list;
            }
            if (c == ';' || c == ',' && lenient) {
                if (c == ',') {
                    warn(i, "',' between chromosomes read as ';'", replace(i, 1, ";"));
                }
                i++;
                spaces("after ';'");
                continue;
            }
            throw fail(i, "expected ';' or ')' after the chromosome", c == ',' ? replace(i, 1, ";") : null);
        }
    }

    private ChromosomeClass chromosome() {
        int start = i;
        char c = peek();
        if (c == '?') {
            i++;
            return null;
        }
        if (c == 'X' || c == 'Y' || c == 'x' || c == 'y') {
            if (c == 'x' || c == 'y') {
                keywordCase(i, String.valueOf(c), String.valueOf(Character.toUpperCase(c)));
            }
            i++;
            return Character.toUpperCase(c) == 'X' ? ChromosomeClass.X : ChromosomeClass.Y;
        }
        if (digit() && s[i] != '0') {
            int number = number("");
            if (number <= 22) {
                return ChromosomeClass.of(number);
            }
        }
        throw fail(start, "expected a chromosome 1-22, X, Y or ?", null);
    }

    private List<List<Breakpoint>> breakpoints() {
        i++; // '('
        var groups = new ArrayList<List<Breakpoint>>();
        var group = new ArrayList<Breakpoint>();
        while (true) {
            group.add(breakpoint());
            char c = peek();
            if (c == ';' || c == ')') {
                groups.add(List.copyOf(group));
                group.clear();
                i++;
                if (c == ')') {
                    return groups;
                }
                spaces("after ';'");
            } else if (c != 'p' && c != 'q' && c != 'c' && c != '?') {
                throw fail(i, "expected another band, ';' or ')' in the breakpoints", null);
            }
        }
    }

    private Breakpoint breakpoint() {
        int start = i;
        boolean questioned = false;
        if (peek() == '?') {
            i++;
            if (peek() == ';' || peek() == ')') {
                return new Breakpoint.Unknown();
            }
            questioned = true;
        }
        BandName band = band();
        if (peek() == '~') {
            if (questioned) {
                throw fail(start, "a range of bands is uncertain already: drop the '?'", null);
            }
            i++;
            return new Breakpoint.Between(band, band());
        }
        return new Breakpoint.At(band, questioned);
    }

    /** A band inside the breakpoints: its end is where the next band, ';', ')' or '~' starts. */
    private BandName band() {
        int start = i;
        if (text.startsWith("cen", i)) {
            i += 3;
        } else if (peek() == 'p' || peek() == 'q') {
            i++;
            if (text.startsWith("ter", i)) {
                i += 3;
            } else if (digit()) {
                i++;
                if (digit()) {
                    i++;
                    if (peek() == '.') {
                        i++;
                        while (digit()) {
                            i++;
                        }
                    }
                }
            }
        } else {
            throw fail(i, "expected a band (e.g. q34, p13.1), pter, qter, cen or ?", null);
        }
        try {
            return BandName.parse(text.substring(start, i));
        } catch (BandNameException e) {
            throw fail(start + e.column(), "bad band: " + e.expected(), null);
        }
    }

    // ---- what may follow an item ----

    private enum Next { COMMA, SLASH, BRACKET, END }

    /**
     * After an item: ',' (another entry), '/' (another cell line), '[' (the cell count) or the end. Lenient mode
     * skips spaces around them, reads a sign before its comma as belonging after it, and drops trailing free text.
     */
    private Next next() {
        int start = i;
        while (i < n && space(s[i])) {
            i++;
        }
        if (i == n) {
            if (i > start) {
                liberty(start, "trailing space", remove(start, i));
            }
            return Next.END;
        }
        char c = s[i];
        if (c == ',' || c == '/' || c == '[') {
            if (i > start) {
                liberty(start, "unexpected space before '" + c + "'", remove(start, i));
            }
            return c == ',' ? Next.COMMA : c == '/' ? Next.SLASH : Next.BRACKET;
        }
        if ((c == '+' || c == '-') && peek(i + 1) == ',' && i == start) {
            String fix = replace(i, 2, "," + c);
            if (!lenient) {
                throw fail(i, "expected ',': the sign goes after the comma", fix);
            }
            warn(i, "sign before its comma read as ',' + '" + c + "'", fix);
            pendingSign = c == '+' ? Sign.GAIN : Sign.LOSS;
            i++;
            return Next.COMMA;
        }
        if (!lenient) {
            throw fail(start, "expected ',', '/', '[' or the end of the karyotype", null);
        }
        warn(i, "ignored trailing text '" + printable(text.substring(i)) + "'", remove(start, n));
        i = n;
        return Next.END;
    }
}
