package org.karyolab.learning.karyotype;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.learning.graph.Evidence;
import org.karyolab.learning.graph.LossGainFusion;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.iscn.Abnormality;
import org.karyolab.schema.iscn.Breakpoint;
import org.karyolab.schema.iscn.CellLine;
import org.karyolab.schema.iscn.Entry;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.iscn.Karyotype;

/**
 * The JSON shapes of karyotypes, shared by the HTTP routes and the {@code karyolab iscn} command. The schema's tree is
 * made of sealed interfaces whose records carry no type names, so it is mapped here to plain records with a
 * {@code kind} and the canonical text of each line and entry; breakpoints are written as ISCN text ({@code q34},
 * {@code ?q34}, {@code q21~q24}, {@code ?}).
 */
public final class KaryotypeViews {

    private KaryotypeViews() {
    }

    /** {@code karyolab iscn parse} and {@code POST /karyotype/parse}. */
    public record ParseView(String input, String mode, String canonical, List<IscnIssue> warnings, KaryotypeView karyotype) {
    }

    /**
     * {@code check}: {@code issues} are the findings of {@link Iscn#check}, their columns index {@code canonical};
     * {@code warnings} are lenient mode's liberties, their columns index the input.
     */
    public record CheckView(String input, String mode, String canonical, boolean valid, List<IscnIssue> warnings,
                            List<IscnIssue> issues) {
    }

    /** {@code lgf}: per cell line, the bands lost or gained and the fusions. */
    public record LgfView(String input, String canonical, int level, List<IscnIssue> warnings, List<CellLineLgf> cellLines) {
    }

    public record CellLineLgf(String cellLine, int lostBands, int gainedBands, List<LossGainFusion.BandChange> changes,
                              List<String> fusions) {
    }

    /** {@code read}: the ISCN the reader wrote for observed chromosomes, its tree, and the evidence per chromosome. */
    public record ReadView(String iscn, int level, KaryotypeView karyotype, List<Evidence> evidence) {
    }

    /** A parse that failed: the first error, with its 0-based column into {@code input}. */
    public record ErrorView(String input, String mode, boolean valid, List<IscnIssue> errors) {
    }

    public record KaryotypeView(String mosaicism, List<CellLineView> cellLines) {
    }

    public record CellLineView(String text, Count count, Reference reference, List<EntryView> entries, boolean incomplete,
                               Cells cells) {
    }

    /** The modal number, or a range ({@code 45~48}: low 45, high 48). */
    public record Count(int low, int high) {
    }

    /** {@code kind}: sex (with x, y, constitutional), idem, sl or sdl (with its number when written). */
    public record Reference(String kind, Integer x, Integer y, Boolean constitutional, Integer number) {
    }

    /** {@code [20]}: 20 cells; {@code [cp10]}: a composite over 10 cells. */
    public record Cells(int count, boolean composite) {
    }

    /** One comma-separated item; {@code sign} gain, loss or none; {@code origin} c, mat, pat or dn when written. */
    public record EntryView(String text, String sign, boolean questioned, AbnormalityView abnormality, String origin) {
    }

    /**
     * {@code kind}: whole-chromosome (chromosome), marker (copies, number), double-minutes (count), rearrangement
     * (type, meaning, chromosomes, breakpoints) or derivative (chromosomes, breakpoints, events). An unknown
     * chromosome is {@code "?"}; empty breakpoints mean none were written.
     */
    public record AbnormalityView(String kind, String chromosome, Integer copies, Integer number, Count count, String type,
                                  String meaning, List<String> chromosomes, List<List<String>> breakpoints,
                                  List<AbnormalityView> events) {
    }

    public static KaryotypeView of(Karyotype k) {
        var lines = new ArrayList<CellLineView>(k.cellLines().size());
        for (CellLine line : k.cellLines()) {
            lines.add(of(line));
        }
        return new KaryotypeView(k.mosaicism() == Karyotype.Mosaicism.NONE ? null : k.mosaicism().symbol(), lines);
    }

    static CellLineView of(CellLine line) {
        Reference reference = switch (line.reference()) {
            case CellLine.SexChromosomes sex -> new Reference("sex", sex.x(), sex.y(), sex.constitutional(), null);
            case CellLine.Idem _ -> new Reference("idem", null, null, null, null);
            case CellLine.Stemline _ -> new Reference("sl", null, null, null, null);
            case CellLine.Sideline sdl -> new Reference("sdl", null, null, null, sdl.number());
        };
        return new CellLineView(Iscn.write(Karyotype.of(line)), new Count(line.count().low(), line.count().high()),
                reference, line.entries().stream().map(KaryotypeViews::of).toList(), line.incomplete(),
                line.cells() == null ? null : new Cells(line.cells().cells(), line.cells().composite()));
    }

    /** A line "46,XY," followed by the entry, written canonically: what follows the prefix is the entry's text. */
    private static final String PREFIX = "46,XY,";

    static EntryView of(Entry e) {
        var carrier = new CellLine(CellLine.ChromosomeCount.of(46), CellLine.SexChromosomes.of("XY"), List.of(e), false, null);
        String text = Iscn.write(Karyotype.of(carrier)).substring(PREFIX.length());
        return new EntryView(text, e.sign().name().toLowerCase(java.util.Locale.ROOT), e.questioned(), of(e.abnormality()),
                e.origin() == null ? null : e.origin().symbol());
    }

    static AbnormalityView of(Abnormality a) {
        return switch (a) {
            case Abnormality.WholeChromosome w ->
                    new AbnormalityView("whole-chromosome", w.chromosome().label(), null, null, null, null, null, null, null, null);
            case Abnormality.Marker m ->
                    new AbnormalityView("marker", null, m.copies(), m.number(), null, null, null, null, null, null);
            case Abnormality.DoubleMinutes d -> new AbnormalityView("double-minutes", null, null, null,
                    d.count() == null ? null : new Count(d.count().low(), d.count().high()), null, null, null, null, null);
            case Abnormality.Rearrangement r -> new AbnormalityView("rearrangement", null, null, null, null, r.type().symbol(),
                    r.type().meaning(), labels(r.chromosomes()), breakpoints(r.breakpoints()), null);
            case Abnormality.Derivative d -> new AbnormalityView("derivative", null, null, null, null, "der",
                    "derivative chromosome", labels(d.chromosomes()), breakpoints(d.breakpoints()),
                    d.events().stream().map(KaryotypeViews::of).toList());
        };
    }

    private static List<String> labels(List<ChromosomeClass> chromosomes) {
        return chromosomes.stream().map(c -> c == null ? "?" : c.label()).toList();
    }

    private static List<List<String>> breakpoints(List<List<Breakpoint>> groups) {
        return groups.stream().map(g -> g.stream().map(KaryotypeViews::text).toList()).toList();
    }

    static String text(Breakpoint b) {
        return switch (b) {
            case Breakpoint.At at -> (at.questioned() ? "?" : "") + at.band();
            case Breakpoint.Between between -> between.from() + "~" + between.to();
            case Breakpoint.Unknown _ -> "?";
        };
    }
}
