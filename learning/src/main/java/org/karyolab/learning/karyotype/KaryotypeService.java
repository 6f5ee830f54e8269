package org.karyolab.learning.karyotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.karyolab.learning.graph.KaryotypeReader;
import org.karyolab.learning.graph.LossGainFusion;
import org.karyolab.learning.graph.ObservedBand;
import org.karyolab.learning.graph.ObservedChromosome;
import org.karyolab.learning.graph.Reading;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Violation;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.band.BandNameException;
import org.karyolab.schema.ideogram.Ideogram;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Karyotype;
import org.karyolab.schema.iscn.Mode;
import org.karyolab.learning.karyotype.KaryotypeViews.CellLineLgf;
import org.karyolab.learning.karyotype.KaryotypeViews.CheckView;
import org.karyolab.learning.karyotype.KaryotypeViews.LgfView;
import org.karyolab.learning.karyotype.KaryotypeViews.ParseView;
import org.karyolab.learning.karyotype.KaryotypeViews.ReadView;

/**
 * Karyotype text and band-level reasoning, without storage: parse and check ISCN, compute per-band loss, gain and
 * fusion (CytoGPS's LGF), and read observed band sequences back into ISCN. No project scope; nothing is written.
 * The server's {@code /api/v1/karyotype} routes and the {@code karyolab iscn} command call it.
 */
public final class KaryotypeService {

    /** Longer text is no karyotype a lab writes; the limit keeps one request cheap. */
    public static final int MAX_TEXT = 4096;
    /*
     * What a read may carry: the work (and the answer, whose evidence grows with the bands) is bounded by these.
     * A near-tetraploid cell has ~100 chromosomes; chromosome 1 has 128 bands at 850; the whole genome 850.
     * So 200 chromosomes of up to 400 bands, 10,000 bands in all (12 genomes at 850), is room for any real cell;
     * 500 x 2000 was a million bands, 25 s and a 148 MB answer for one request.
     */
    public static final int MAX_CHROMOSOMES = 200;
    public static final int MAX_BANDS_PER_CHROMOSOME = 400;
    public static final int MAX_BANDS = 10_000;

    /** The body of parse, check and lgf. {@code mode} strict (default) or lenient; {@code level} 300/400/550/850, default 400. */
    public record KaryotypeRequest(String karyotype, String mode, Integer level) {
    }

    /** The body of read: observed chromosomes at one band level. */
    public record ReadRequest(Integer level, List<ObservedChromosomeInput> chromosomes) {
    }

    /** Bands read pter to qter; {@code ring} when the ends are joined. */
    public record ObservedChromosomeInput(Boolean ring, List<ObservedBandInput> bands) {
    }

    /** {@code origin} 1-22, X or Y and {@code band} with or without the chromosome (q34.1, 9q34.1); both absent: unknown material. */
    public record ObservedBandInput(String origin, String band) {
    }

    /** A request's text, mode and level, once checked. */
    private record Asked(String text, Mode mode, BandLevel level) {
    }

    /** Told the bands each read aligns, so a caller can bound the work (the server charges the request's budget). */
    private final IntConsumer readingWork;

    /** A service whose reads report their work to nobody (the command line, tests). */
    public KaryotypeService() {
        this(bands -> { });
    }

    /** @param readingWork told the number of bands each step of a read aligns; may throw to stop the read */
    public KaryotypeService(IntConsumer readingWork) {
        this.readingWork = readingWork;
    }

    public KaryotypeOutcome<ParseView> parse(KaryotypeRequest request) {
        return asked(request).then(a -> parsed(a).map(p -> parseView(a.text(), a.mode(), p)));
    }

    public KaryotypeOutcome<CheckView> check(KaryotypeRequest request) {
        return asked(request).then(a -> parsed(a).map(p -> checkView(a.text(), a.mode(), p)));
    }

    public KaryotypeOutcome<LgfView> lgf(KaryotypeRequest request) {
        return asked(request).then(a -> parsed(a).then(p -> {
            try {
                return KaryotypeOutcome.done(lgfView(a.text(), p, a.level()));
            } catch (IllegalArgumentException e) {
                return KaryotypeOutcome.invalid("the karyotype parses but its band-level effect cannot be computed: " + e.getMessage(),
                        List.of(new Violation("/karyotype", e.getMessage()
                                + "; Loss/Gain/Fusion needs known chromosomes and breakpoints, e.g. t(9;22)(q34;q11.2)")));
            }
        }));
    }

    public KaryotypeOutcome<ReadView> read(ReadRequest request) {
        var violations = new ArrayList<Violation>();
        BandLevel level = level(request.level(), "/level", violations);
        List<ObservedChromosomeInput> input = request.chromosomes();
        if (input == null || input.isEmpty()) {
            violations.add(new Violation("/chromosomes", "give the observed chromosomes, each with its bands pter to qter"));
        } else if (input.size() > MAX_CHROMOSOMES) {
            violations.add(new Violation("/chromosomes", "at most " + MAX_CHROMOSOMES + " chromosomes, got " + input.size()));
        }
        if (violations.isEmpty()) {
            long bands = input.stream().mapToLong(c -> c == null || c.bands() == null ? 0 : c.bands().size()).sum();
            if (bands > MAX_BANDS) {
                violations.add(new Violation("/chromosomes", "at most " + MAX_BANDS + " bands in all, got " + bands));
            }
        }
        if (!violations.isEmpty()) {
            return KaryotypeOutcome.invalid("not a cell the reader can take", violations);
        }
        Ideogram ideogram = Ideograms.at(level);
        var observed = new ArrayList<ObservedChromosome>(input.size());
        for (int i = 0; i < input.size(); i++) {
            String at = "/chromosomes/" + i;
            ObservedChromosomeInput c = input.get(i);
            if (c == null || c.bands() == null || c.bands().isEmpty()) {
                violations.add(new Violation(at + "/bands", "give the chromosome's bands, pter to qter"));
                continue;
            }
            if (c.bands().size() > MAX_BANDS_PER_CHROMOSOME) {
                violations.add(new Violation(at + "/bands", "at most " + MAX_BANDS_PER_CHROMOSOME + " bands per chromosome"));
                continue;
            }
            var bands = new ArrayList<ObservedBand>(c.bands().size());
            for (int j = 0; j < c.bands().size(); j++) {
                ObservedBand b = band(c.bands().get(j), ideogram, at + "/bands/" + j, violations);
                if (b != null) bands.add(b);
            }
            observed.add(new ObservedChromosome(bands, Boolean.TRUE.equals(c.ring())));
        }
        if (!violations.isEmpty()) {
            return KaryotypeOutcome.invalid("some observed bands are not bands of the " + level.bands() + "-band ideogram", violations);
        }
        try {
            Reading reading = KaryotypeReader.read(observed, level, readingWork);
            return KaryotypeOutcome.done(new ReadView(reading.iscn(), level.bands(), KaryotypeViews.of(reading.karyotype()), reading.evidence()));
        } catch (IllegalArgumentException e) {
            return KaryotypeOutcome.invalid("the reader cannot take this cell: " + e.getMessage(), List.of(new Violation("/chromosomes", e.getMessage())));
        }
    }

    // ---- what the command line shares ----

    /** The parse view of a karyotype that parsed. */
    public static ParseView parseView(String text, Mode mode, IscnResult.Parsed p) {
        return new ParseView(text, modeName(mode), Iscn.write(p.karyotype()), p.warnings(), KaryotypeViews.of(p.karyotype()));
    }

    /** Parse warnings plus the checker's findings (columns into the canonical text). */
    public static CheckView checkView(String text, Mode mode, IscnResult.Parsed p) {
        List<IscnIssue> issues = Iscn.check(p.karyotype());
        return new CheckView(text, modeName(mode), Iscn.write(p.karyotype()), issues.isEmpty(), p.warnings(), issues);
    }

    /**
     * Loss, gain and fusion per cell line.
     *
     * @throws IllegalArgumentException when a rearrangement cannot be placed (no breakpoints, an unknown chromosome)
     */
    public static LgfView lgfView(String text, IscnResult.Parsed p, BandLevel level) {
        Karyotype k = p.karyotype();
        List<LossGainFusion> perLine = LossGainFusion.perCellLine(k, level);
        var lines = new ArrayList<CellLineLgf>(perLine.size());
        for (int i = 0; i < perLine.size(); i++) {
            LossGainFusion lgf = perLine.get(i);
            lines.add(new CellLineLgf(Iscn.write(Karyotype.of(k.cellLines().get(i))), lgf.lost().size(), lgf.gained().size(),
                    lgf.changes(), lgf.fusions().stream().map(LossGainFusion.Fusion::toString).toList()));
        }
        return new LgfView(text, Iscn.write(k), level.bands(), p.warnings(), lines);
    }

    public static String modeName(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** A parse error as a violation of {@code /karyotype}: the column, what was expected, and the fix if clear. */
    public static Violation violation(IscnIssue error) {
        return new Violation("/karyotype", error.toString());
    }

    // ---- checking a request ----

    private KaryotypeOutcome<Asked> asked(KaryotypeRequest r) {
        var violations = new ArrayList<Violation>();
        if (r.karyotype() == null || r.karyotype().isBlank()) {
            violations.add(new Violation("/karyotype", "give the karyotype in ISCN, e.g. 46,XY,t(9;22)(q34;q11.2)"));
        } else if (r.karyotype().length() > MAX_TEXT) {
            violations.add(new Violation("/karyotype", "longer than " + MAX_TEXT + " characters; no karyotype is that long"));
        }
        Mode mode = Mode.STRICT;
        if (r.mode() != null) {
            switch (r.mode()) {
                case "strict" -> mode = Mode.STRICT;
                case "lenient" -> mode = Mode.LENIENT;
                default -> violations.add(new Violation("/mode", "expected strict or lenient, got '" + r.mode() + "'"));
            }
        }
        BandLevel level = level(r.level(), "/level", violations);
        return violations.isEmpty() ? KaryotypeOutcome.done(new Asked(r.karyotype(), mode, level))
                : KaryotypeOutcome.invalid("not a karyotype request", violations);
    }

    private static KaryotypeOutcome<IscnResult.Parsed> parsed(Asked a) {
        return switch (Iscn.parse(a.text(), a.mode())) {
            case IscnResult.Parsed p -> KaryotypeOutcome.done(p);
            case IscnResult.Failed f -> new KaryotypeOutcome.Invalid<>("not a valid ISCN karyotype in " + modeName(a.mode()) + " mode: "
                    + f.errors().getFirst() + (a.mode() == Mode.STRICT ? "; lenient mode takes lab-style text" : ""),
                    f.errors().stream().map(KaryotypeService::violation).toList(), f.errors());
        };
    }

    private static BandLevel level(Integer bands, String pointer, List<Violation> violations) {
        if (bands == null) return BandLevel.B400;
        try {
            return BandLevel.of(bands);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(pointer, e.getMessage()));
            return BandLevel.B400;
        }
    }

    /** One observed band, or null with a violation. */
    private static ObservedBand band(ObservedBandInput in, Ideogram ideogram, String at, List<Violation> violations) {
        if (in == null || in.origin() == null && (in.band() == null || in.band().equals("?"))) {
            return ObservedBand.unknown();
        }
        if (in.origin() == null) {
            violations.add(new Violation(at + "/origin", "give the chromosome the band comes from (1-22, X, Y), "
                    + "or leave out both origin and band for material of unknown origin"));
            return null;
        }
        ChromosomeClass origin;
        try {
            origin = ChromosomeClass.parse(in.origin());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(at + "/origin", e.getMessage()));
            return null;
        }
        if (in.band() == null) {
            violations.add(new Violation(at + "/band", "give the band, e.g. q34.1"));
            return null;
        }
        BandName name;
        try {
            name = BandName.parse(in.band());
        } catch (BandNameException e) {
            violations.add(new Violation(at + "/band", "'" + in.band() + "' is not a band name: " + e.getMessage()));
            return null;
        }
        if (name.chromosome() != null && name.chromosome() != origin) {
            violations.add(new Violation(at + "/band", "band " + name + " is not on chromosome " + origin.label()
                    + " (origin); give the band without the chromosome, e.g. " + name.withChromosome(null)));
            return null;
        }
        BandName full = name.withChromosome(origin);
        if (ideogram.band(full).isEmpty()) {
            String hint = ideogram.containing(full).map(b -> "; at this level it lies in " + b.name())
                    .orElse(ideogram.covering(full).isEmpty() ? "" : "; name the bands of this level it covers, "
                            + ideogram.covering(full).getFirst().name() + " to " + ideogram.covering(full).getLast().name());
            violations.add(new Violation(at + "/band", full + " is not a band at " + ideogram.level().bands() + " bands" + hint));
            return null;
        }
        return new ObservedBand(origin, full);
    }
}
