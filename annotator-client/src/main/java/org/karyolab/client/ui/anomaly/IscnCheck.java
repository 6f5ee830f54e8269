package org.karyolab.client.ui.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.anomaly.KaryotypeApi.Issue;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.Ideograms;

/**
 * One round of live validation of an ISCN text field (plain Java, blocking: run it off the JavaFX
 * thread). A whole karyotype ({@code 46,XY,t(9;22)(q34;q11.2)}) is checked as it is; a chromosome's
 * anomaly list ({@code t(9;22)(q34;q11.2),+8}) is checked inside {@value #WRAPPER}, with the columns and
 * fixes mapped back onto the text typed and the counting findings the wrapper itself causes left out.
 *
 * <p>When the server places an error but has no fix, a local repair (close unclosed parentheses, drop
 * an unmatched ')' or a trailing comma) is offered only if the server then accepts the repaired text.
 * When the text parses, the band-graph reading (CytoGPS loss/gain/fusion) comes from {@code /lgf}.
 */
public final class IscnCheck {

    public enum Kind { KARYOTYPE, ANOMALIES }

    /** What a chromosome's anomaly list is checked in. */
    public static final String WRAPPER = "46,XY,";

    /**
     * @param parsed       the text is ISCN
     * @param errors       parse errors or checker findings, columns into {@link Issue#text} (the typed text, or
     *                     for findings the canonical text)
     * @param canonical    canonical form of what was typed (without the wrapper), or null
     * @param reading      the band-level reading, one line each, or empty
     * @param readingError why there is no reading, or null
     */
    public record Outcome(String text, boolean parsed, List<Issue> errors, List<Issue> warnings, String canonical,
                          List<String> reading, String readingError) {

        public boolean valid() {
            return parsed && errors.isEmpty();
        }

        public Issue firstError() {
            return errors.isEmpty() ? null : errors.getFirst();
        }
    }

    private IscnCheck() {
    }

    public static Outcome run(KaryotypeApi api, Kind kind, String text, BandLevel level) {
        if (text == null || text.isBlank()) return new Outcome(text == null ? "" : text, true, List.of(), List.of(), "", List.of(), null);
        String prefix = kind == Kind.ANOMALIES ? WRAPPER : "";
        KaryotypeApi.Verdict v = api.check(prefix + text);
        var errors = new ArrayList<Issue>();
        String canonical = v.parsed() ? strip(v.canonical(), prefix) : null;
        for (Issue i : v.errors()) {
            if (!v.parsed()) {
                errors.add(new Issue(i.column() < 0 ? -1 : Math.max(0, i.column() - prefix.length()), i.message(),
                        i.fix() == null ? null : strip(i.fix(), prefix), text));
            } else if (prefix.isEmpty()) {
                errors.add(i);
            } else if (v.canonical() != null && v.canonical().startsWith(prefix) && i.column() >= prefix.length()) {
                errors.add(new Issue(i.column() - prefix.length(), i.message(), i.fix() == null ? null : strip(i.fix(), prefix), canonical));
            } // else: a finding about the wrapper's count or sex chromosomes, not about what was typed
        }
        var warnings = new ArrayList<Issue>();
        for (Issue w : v.warnings()) {
            warnings.add(new Issue(Math.max(-1, w.column() - prefix.length()), w.message(), w.fix() == null ? null : strip(w.fix(), prefix), text));
        }
        if (!v.parsed() && !errors.isEmpty() && errors.getFirst().fix() == null) {
            String repaired = localFix(text);
            if (repaired != null && !repaired.isBlank() && api.check(prefix + repaired).parsed()) {
                Issue first = errors.getFirst();
                errors.set(0, new Issue(first.column(), first.message(), repaired, first.text()));
            }
        }
        List<String> reading = List.of();
        String readingError = null;
        if (v.parsed()) {
            try {
                reading = summarize(api.lgf(prefix + text, level), level);
            } catch (ApiException e) {
                readingError = Errors.message(e);
            }
        }
        return new Outcome(text, v.parsed(), List.copyOf(errors), List.copyOf(warnings), canonical, reading, readingError);
    }

    private static String strip(String s, String prefix) {
        return s != null && s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    /** A mechanical repair: balance parentheses, drop trailing commas and spaces. Null when there is nothing to repair. */
    public static String localFix(String text) {
        if (text == null) return null;
        String s = text.strip();
        while (s.endsWith(",")) s = s.substring(0, s.length() - 1).strip();
        var sb = new StringBuilder();
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') {
                if (depth == 0) continue; // unmatched: drop it
                depth--;
            }
            sb.append(c);
        }
        sb.append(")".repeat(depth));
        String fixed = sb.toString();
        return fixed.equals(text) ? null : fixed;
    }

    /** A chromosome's anomaly list split at the commas outside parentheses: "t(9;22)(q34;q11.2),+8" gives two. */
    public static List<String> splitAnomalies(String text) {
        var out = new ArrayList<String>();
        if (text == null) return out;
        int depth = 0;
        var cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') depth = Math.max(0, depth - 1);
            if (c == ',' && depth == 0) {
                if (!cur.toString().isBlank()) out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    /**
     * The reading in a few lines: gains and losses as runs of adjacent bands (a whole chromosome when
     * the run covers it), with the copy change when it is not one, then the fusions; per cell line
     * when there are several.
     */
    public static List<String> summarize(KaryotypeApi.Reading reading, BandLevel level) {
        var out = new ArrayList<String>();
        BandLevel at = level != null ? level : BandLevel.of(reading.level());
        for (KaryotypeApi.CellLineReading line : reading.cellLines()) {
            String head = reading.cellLines().size() > 1 ? line.cellLine() + ":  " : "";
            List<String> gains = runs(line.changes(), at, true), losses = runs(line.changes(), at, false);
            if (gains.isEmpty() && losses.isEmpty() && line.fusions().isEmpty()) {
                out.add(head + "No gain, loss or fusion");
                continue;
            }
            if (!gains.isEmpty()) out.add(head + "Gain    " + String.join(", ", gains));
            if (!losses.isEmpty()) out.add(head + "Loss    " + String.join(", ", losses));
            if (!line.fusions().isEmpty()) out.add(head + "Fusion  " + String.join(", ", line.fusions()));
        }
        return out;
    }

    private static List<String> runs(List<KaryotypeApi.BandChange> changes, BandLevel level, boolean gain) {
        var out = new ArrayList<String>();
        ChromosomeClass runChromosome = null;
        int runFirst = -1, runLast = -1, runCopies = 0;
        String firstName = null, lastName = null;
        for (KaryotypeApi.BandChange c : changes) {
            int copies = gain ? c.gain() : c.loss();
            if (copies <= 0) continue;
            BandName name;
            try {
                name = BandName.parse(c.band());
            } catch (RuntimeException e) {
                out.add(c.band());
                continue;
            }
            List<Band> bands = name.chromosome() == null ? List.of() : Ideograms.at(level).bands(name.chromosome());
            int index = indexOf(bands, name);
            boolean extends_ = runChromosome == name.chromosome() && index >= 0 && index == runLast + 1 && copies == runCopies;
            if (extends_) {
                runLast = index;
                lastName = c.band();
                continue;
            }
            if (firstName != null) out.add(run(runChromosome, firstName, lastName, runFirst, runLast, runCopies, level));
            runChromosome = name.chromosome();
            runFirst = index;
            runLast = index;
            runCopies = copies;
            firstName = c.band();
            lastName = c.band();
        }
        if (firstName != null) out.add(run(runChromosome, firstName, lastName, runFirst, runLast, runCopies, level));
        return out;
    }

    private static int indexOf(List<Band> bands, BandName name) {
        for (int i = 0; i < bands.size(); i++) if (bands.get(i).name().equals(name)) return i;
        return -1;
    }

    private static String run(ChromosomeClass c, String first, String last, int from, int to, int copies, BandLevel level) {
        int total = c == null ? -1 : Ideograms.at(level).bands(c).size();
        String what = from == 0 && to == total - 1 && total > 0 ? "chromosome " + c.label() + " (whole)"
                : first.equals(last) ? first : first + "\u2013" + last;
        return copies > 1 ? what + String.format(Locale.ROOT, " \u00d7%d", copies) : what;
    }
}
