package org.karyolab.schema.iscn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.iscn.Abnormality.Derivative;
import org.karyolab.schema.iscn.Abnormality.DoubleMinutes;
import org.karyolab.schema.iscn.Abnormality.Marker;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.Abnormality.WholeChromosome;
import org.karyolab.schema.iscn.CellLine.Idem;
import org.karyolab.schema.iscn.CellLine.SexChromosomes;
import org.karyolab.schema.iscn.CellLine.Sideline;
import org.karyolab.schema.iscn.CellLine.Stemline;
import org.karyolab.schema.iscn.Entry.Sign;

/**
 * Checks what the grammar cannot: that each cell line's count agrees with its sex chromosomes and changes, that
 * every breakpoint is a band of the ideogram at some resolution, that each rearrangement has the breakpoints its
 * kind takes, and that the rearrangements inside a derivative involve it. Columns point into the canonical text.
 *
 * <p>Counting follows ISCN: 22 autosomes per chromosome set (the ploidy follows from the count: {@code 69,XXY}) plus
 * the sex chromosomes listed, plus gains, minus losses. A structural
 * change replaces the normal homologs of the autosomes it names; a rearranged X or Y is not listed among the sex
 * chromosomes ({@code 46,X,i(X)(q10)}) so it adds one, though a lab listing it there too ({@code 45,XX,-11,t(X;4)})
 * is read as the same balanced change; a derivative, dicentric or Robertsonian chromosome made of
 * two ({@code 45,XX,rob(13;14)(q10;q10)}) takes the place of both. A lost sex chromosome may be written both as a
 * loss and by its absence from the sex chromosomes ({@code 45,X,-Y}). Lines marked {@code inc} are not counted; a
 * range or composite line must lie within what its gains and losses allow.
 */
public final class KaryotypeChecker {

    private final Map<Object, Integer> columns = new IdentityHashMap<>();
    private final List<IscnIssue> issues = new ArrayList<>();

    private KaryotypeChecker() {
    }

    public static List<IscnIssue> check(Karyotype karyotype) {
        var checker = new KaryotypeChecker();
        IscnWriter.write(karyotype, checker.columns::putIfAbsent);
        checker.karyotype(karyotype);
        return List.copyOf(checker.issues);
    }

    private void karyotype(Karyotype k) {
        List<CellLine> lines = k.cellLines();
        for (int li = 0; li < lines.size(); li++) {
            CellLine line = lines.get(li);
            if (lines.size() > 1 && line.cells() == null) {
                issue(line, "with several cell lines each gives its number of cells, e.g. [20]");
            }
            Integer base = base(lines, li);
            for (Entry e : line.entries()) {
                entry(e);
            }
            if (base != null && !line.incomplete()) {
                count(line, base);
            }
        }
    }

    /** The count a line starts from: 44 + its sex chromosomes, or the count of the line it refers to (null: unknown). */
    private Integer base(List<CellLine> lines, int li) {
        CellLine line = lines.get(li);
        if (line.reference() instanceof SexChromosomes sex) {
            return 22 * ploidy(line.count().low()) + sex.total();
        }
        int referred = switch (line.reference()) {
            case Sideline sdl -> sdl.number() == null ? li - 1 : sdl.number();
            case Idem _, Stemline _, SexChromosomes _ -> 0; // idem and sl: the stemline
        };
        if (referred < 0 || referred >= li) {
            issue(line, li == 0 ? "the first cell line has no stemline to refer to: give its sex chromosomes"
                    : "sideline " + referred + " is not an earlier cell line");
            return null;
        }
        CellLine earlier = lines.get(referred);
        return earlier.count().range() ? null : earlier.count().low();
    }

    /**
     * The ploidy a count implies, by ISCN's ranges: near-haploid up to 34, near-diploid 35-57, near-triploid 58-80,
     * near-tetraploid 81-103, and so on by 23; so {@code 69,XXY} and {@code 92,XXYY} start from 66 and 88 autosomes.
     */
    static int ploidy(int count) {
        return Math.max(1, (count + 11) / 23);
    }

    private void count(CellLine line, int base) {
        int gains = 0;
        int losses = 0;
        int sexLosses = 0;
        int inPlace = 0;
        int sexRearranged = 0;
        for (Entry e : line.entries()) {
            switch (e.sign()) {
                case GAIN -> gains += e.abnormality() instanceof Marker m ? m.copies() : 1;
                case LOSS -> {
                    if (e.abnormality() instanceof WholeChromosome w && !w.chromosome().autosome()) {
                        sexLosses++;
                    } else {
                        losses++;
                    }
                }
                case NONE -> {
                    inPlace += inPlace(e.abnormality());
                    sexRearranged += sexChromosomesRearranged(e.abnormality());
                }
            }
        }
        int expected = base + inPlace + gains - losses - sexLosses;
        var count = line.count();
        if (count.range() || line.cells() != null && line.cells().composite()) {
            int fewest = base + inPlace - losses - sexLosses;
            int most = base + inPlace + gains;
            if (count.low() < fewest || count.high() > most + sexLosses) {
                issue(line, "the count " + count + " lies outside " + fewest + "~" + most
                        + ", what the listed gains and losses allow");
            }
        } else if (!readings(expected, sexLosses, sexRearranged).contains(count.low())
                && !(diploidBase(line, base) instanceof Integer diploid
                        && readings(expected - base + diploid, sexLosses, sexRearranged).contains(count.low()))) {
            issue(line, "the count says " + count + " but " + describe(line, base) + " give " + expected
                    + " (" + signed(inPlace + gains) + " gained, " + (losses + sexLosses) + " lost)");
        }
    }

    /** The counts a line may give: a lost sex chromosome and a rearranged one each written one way or the other. */
    private static List<Integer> readings(int expected, int sexLosses, int sexRearranged) {
        return List.of(expected, expected + sexLosses, expected - sexRearranged, expected + sexLosses - sexRearranged);
    }

    /**
     * A line whose count falls in another ploidy's range may still be a diploid cell that lost or gained many
     * ({@code 32,XY,-2,...}, 14 lost): the diploid base when it differs from the one the count implies, else null.
     */
    private static Integer diploidBase(CellLine line, int base) {
        if (line.reference() instanceof SexChromosomes sex && 44 + sex.total() != base) {
            return 44 + sex.total();
        }
        return null;
    }

    private static String describe(CellLine line, int base) {
        return line.reference() instanceof SexChromosomes ? "the sex chromosomes and changes listed"
                : "the referred line (" + base + ") and the changes listed";
    }

    private static String signed(int n) {
        return n >= 0 ? Integer.toString(n) : "-" + (-n);
    }

    /** How an unsigned structural change moves the count (see the class comment). */
    private static int inPlace(Abnormality a) {
        return switch (a) {
            case Rearrangement r -> {
                int physical = r.type() == Rearrangements.T || r.type() == Rearrangements.INS ? r.chromosomes().size() : 1;
                yield physical - replacedHomologs(r.chromosomes());
            }
            case Derivative d -> 1 - replacedHomologs(d.chromosomes());
            case WholeChromosome _, Marker _, DoubleMinutes _ -> 0;
        };
    }

    /**
     * X and Y named by an unsigned structural change. ISCN leaves a rearranged sex chromosome out of the sex
     * chromosomes ({@code 46,X,t(X;4)}); labs often list it there too ({@code 46,XX,t(X;4)}, ADIR). Both describe a
     * balanced change, so the count may be read either way.
     */
    private static int sexChromosomesRearranged(Abnormality a) {
        List<ChromosomeClass> named = switch (a) {
            case Rearrangement r -> r.chromosomes();
            case Derivative d -> d.chromosomes();
            case WholeChromosome _, Marker _, DoubleMinutes _ -> List.of();
        };
        int n = 0;
        for (ChromosomeClass c : named) {
            if (c != null && !c.autosome()) {
                n++;
            }
        }
        return n;
    }

    /** Autosomes (and unknown '?') named stand in for a normal homolog; X and Y are not in the sex chromosomes then. */
    private static int replacedHomologs(List<ChromosomeClass> chromosomes) {
        int n = 0;
        for (ChromosomeClass c : chromosomes) {
            if (c == null || c.autosome()) {
                n++;
            }
        }
        return n;
    }

    private void entry(Entry e) {
        switch (e.abnormality()) {
            case WholeChromosome w when e.sign() == Sign.NONE ->
                    issue(e, "a whole chromosome is gained or lost: write +" + w.chromosome().label() + " or -" + w.chromosome().label());
            case Marker _ when e.sign() == Sign.NONE -> issue(e, "a marker chromosome is a gain: write +mar");
            case Rearrangement r -> rearrangement(e, r);
            case Derivative d -> derivative(e, d);
            default -> {
            }
        }
    }

    private void rearrangement(Object at, Rearrangement r) {
        if (r.breakpoints().isEmpty()) {
            return; // lenient M-FISH style: nothing to check
        }
        if (r.breakpoints().size() != r.chromosomes().size()) {
            issue(at, r.type().symbol() + " names " + r.chromosomes().size() + " chromosome(s) but gives "
                    + r.breakpoints().size() + " breakpoint group(s): one per chromosome, separated by ';'");
            return;
        }
        if (r.type() == Rearrangements.T && r.chromosomes().size() < 2) {
            issue(at, "a translocation involves at least two chromosomes, e.g. t(9;22)(q34;q11.2)");
        }
        for (int g = 0; g < r.breakpoints().size(); g++) {
            List<Breakpoint> group = r.breakpoints().get(g);
            String arity = arity(r, g, group.size());
            if (arity != null) {
                issue(at, r.type().symbol() + " takes " + arity + ", not " + group.size());
            }
            bands(r.chromosomes().get(g), group);
        }
    }

    /** What a breakpoint group of this kind may hold, or null when its size is fine. */
    private static String arity(Rearrangement r, int group, int size) {
        int chromosomes = r.chromosomes().size();
        return switch (r.type()) {
            case DEL, DUP -> size <= 2 ? null : "1 breakpoint (terminal) or 2 (interstitial)";
            case INV, TRP -> size == 2 ? null : "2 breakpoints";
            case R -> size == 2 || chromosomes > 1 ? null : "2 breakpoints, one per arm";
            case INS -> {
                int wanted = chromosomes == 1 ? 3 : group == 0 ? 1 : 2;
                yield size == wanted ? null : wanted + " breakpoint(s) here (ins(2)(p13q21q31), ins(5;2)(p14;q22q32))";
            }
            case T, I, ADD, DIC, IDIC, ROB, HSR, FRA -> size == 1 ? null : "1 breakpoint per chromosome";
        };
    }

    private void derivative(Entry e, Derivative d) {
        if (!d.breakpoints().isEmpty()) {
            if (d.breakpoints().size() != d.chromosomes().size()) {
                issue(e, "der names " + d.chromosomes().size() + " chromosome(s) but gives " + d.breakpoints().size()
                        + " breakpoint group(s)");
            } else {
                for (int g = 0; g < d.breakpoints().size(); g++) {
                    bands(d.chromosomes().get(g), d.breakpoints().get(g));
                }
            }
        }
        // Each rearrangement builds on the derivative's own chromosome or on material an earlier one brought in.
        Set<ChromosomeClass> involved = new HashSet<>();
        d.chromosomes().forEach(c -> involved.add(c));
        for (Rearrangement event : d.events()) {
            boolean touches = event.chromosomes().stream().anyMatch(c -> c == null || involved.contains(c))
                    || involved.contains(null);
            if (!touches) {
                issue(event, "der(" + labels(d.chromosomes()) + "): " + event.type().symbol() + "(" + labels(event.chromosomes())
                        + ") does not involve chromosome " + labels(d.chromosomes()) + " nor one that an earlier change brought in");
            }
            involved.addAll(event.chromosomes());
            rearrangement(event, event);
        }
    }

    private static String labels(List<ChromosomeClass> chromosomes) {
        var sb = new StringBuilder();
        for (ChromosomeClass c : chromosomes) {
            sb.append(sb.isEmpty() ? "" : ";").append(c == null ? "?" : c.label());
        }
        return sb.toString();
    }

    private void bands(ChromosomeClass chromosome, List<Breakpoint> group) {
        if (chromosome == null) {
            return;
        }
        for (Breakpoint b : group) {
            switch (b) {
                case Breakpoint.At at -> band(b, chromosome, at.band());
                case Breakpoint.Between between -> {
                    band(b, chromosome, between.from());
                    band(b, chromosome, between.to());
                }
                case Breakpoint.Unknown _ -> {
                }
            }
        }
    }

    /** A breakpoint is an end, the centromere (cen, p10, q10) or a band named at some resolution. */
    private void band(Breakpoint at, ChromosomeClass chromosome, BandName band) {
        if (band.terminal() || band.centromere()) {
            return;
        }
        if (band.region() == null) {
            issue(at, "give a band on " + chromosome.label() + band + ", not just the arm");
            return;
        }
        if (band.region() == 1 && band.band() != null && band.band() == 0 && band.subBand() == null) {
            return; // p10, q10: the centromere seen from one arm
        }
        BandName named = band.withChromosome(chromosome);
        if (Ideograms.finestLevelNaming(named) == null) {
            issue(at, named + " is not a band of chromosome " + chromosome.label() + " at any resolution ("
                    + levels() + " bands)");
        }
    }

    private static String levels() {
        var sb = new StringBuilder();
        for (BandLevel level : BandLevel.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(level.bands());
        }
        return sb.toString();
    }

    private void issue(Object at, String message) {
        issues.add(new IscnIssue(columns.getOrDefault(at, 0), message, null));
    }
}
