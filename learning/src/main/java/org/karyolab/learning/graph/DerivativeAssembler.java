package org.karyolab.learning.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.iscn.Abnormality;
import org.karyolab.schema.iscn.Abnormality.Derivative;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.Breakpoint;
import org.karyolab.schema.iscn.CellLine;
import org.karyolab.schema.iscn.Entry;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Karyotype;
import org.karyolab.schema.iscn.Rearrangements;

/**
 * Assembles the chromosomes an abnormality makes by cutting and rejoining runs of reference bands.
 *
 * <p>Breakpoint convention (docs/KARYOTYPE-REASONING.md): a break "at band B" lies inside B; at band resolution the
 * whole of B goes with the part the event acts on: the part removed (del), moved (t, ins, the donor of add),
 * reversed (inv) or repeated (dup, trp). So {@code del(5)(q13q33)} loses 5q13..5q33, {@code del(5)(q13)} loses
 * 5q13..5qter and {@code t(9;22)(q34;q11.2)} moves 9q34..9qter and 22q11.2..22qter. A coarse name is its covering
 * run at the level; {@code p10}/{@code q10} is the centromere, the named arm being the part kept (i, rob, der(A;B)).
 * Insertions go in at the proximal (centromere-side) edge of the recipient band.
 */
public final class DerivativeAssembler {

    private final ReferencePaths ref;

    public DerivativeAssembler(ReferencePaths ref) {
        this.ref = ref;
    }

    /**
     * One chromosome an abnormality makes, and the normal homologs it takes the place of (ISCN counting: a
     * structurally abnormal autosome replaces its normal homolog; dic, rob and der(A;B) replace both).
     */
    public record Product(AssembledChromosome chromosome, List<ChromosomeClass> replaces) {
    }

    /** The chromosomes one abnormality makes (a translocation makes one derivative per chromosome it names). */
    public List<Product> products(Abnormality abnormality) {
        return switch (abnormality) {
            case Abnormality.WholeChromosome w -> List.of(new Product(plain(ref.normal(w.chromosome())), List.of()));
            case Abnormality.Marker m -> {
                var out = new ArrayList<Product>();
                for (int i = 0; i < m.copies(); i++) {
                    out.add(new Product(finish("mar", null, new ArrayList<>(List.of(Segment.unknown())), false), List.of()));
                }
                yield out;
            }
            case Abnormality.DoubleMinutes d -> List.of(); // acentric extra-chromosomal fragments: not chromosomes
            case Rearrangement r -> rearrangement(r);
            case Derivative d -> List.of(derivative(d));
        };
    }

    private static AssembledChromosome plain(DerivedChromosome d) {
        return new AssembledChromosome(d, List.of());
    }

    // ---- events -------------------------------------------------------------------------------------------------

    private List<Product> rearrangement(Rearrangement r) {
        List<ChromosomeClass> cs = r.chromosomes();
        if (cs.contains(null)) {
            throw new IllegalArgumentException("cannot assemble " + text(r) + ": a chromosome is unknown (?)");
        }
        ChromosomeClass c = cs.getFirst();
        String name = text(r);
        if (r.type() == Rearrangements.T) {
            return translocation(r);
        }
        if (r.type() == Rearrangements.INS && cs.size() == 2) {
            return insertionBetween(r);
        }
        if (r.type() == Rearrangements.DIC || r.type() == Rearrangements.ROB) {
            requireGroups(r, 2);
            var w = fuse(cs.get(0), run(r, 0, 0), cs.get(1), run(r, 1, 0));
            return List.of(new Product(finish(name, c, w, false), List.of(cs.get(0), cs.get(1))));
        }
        if (r.type() == Rearrangements.FRA) {
            return List.of(new Product(new AssembledChromosome(rename(ref.normal(c), name), List.of()), List.of(c)));
        }
        var w = normal(c);
        boolean ring = single(w, c, r);
        return List.of(new Product(finish(name, c, w, ring), List.of(c)));
    }

    /** Applies a one-chromosome event to {@code w} in place; true when it closes a ring. */
    private boolean single(List<Segment> w, ChromosomeClass c, Rearrangement r) {
        List<Breakpoint> g = r.breakpoints().isEmpty() ? List.of() : r.breakpoints().getFirst();
        switch (r.type()) {
            case DEL -> {
                requireBreaks(r, g, 1);
                if (g.size() == 1) {
                    replace(w, cutDistal(w, c, run(c, g.get(0)))[0]);
                } else {
                    int[] s = span(w, c, run(c, g.get(0)), run(c, g.get(1)));
                    w.subList(s[0], s[1]).clear();
                }
            }
            case DUP, TRP -> {
                requireBreaks(r, g, 1);
                var a = run(c, g.get(0));
                var b = g.size() > 1 ? run(c, g.get(1)) : a;
                int[] s = span(w, c, a, b);
                List<Segment> copy = new ArrayList<>(w.subList(s[0], s[1]));
                if (a.lo() > b.lo()) {
                    copy = flipAll(copy); // written qter-side first: an inverted duplication
                }
                int copies = r.type() == Rearrangements.TRP ? 2 : 1;
                for (int i = 0; i < copies; i++) {
                    w.addAll(s[1] + i * copy.size(), copy);
                }
            }
            case INV -> {
                requireBreaks(r, g, 2);
                int[] s = span(w, c, run(c, g.get(0)), run(c, g.get(1)));
                List<Segment> inverted = flipAll(w.subList(s[0], s[1]));
                w.subList(s[0], s[1]).clear();
                w.addAll(s[0], inverted);
            }
            case I, IDIC -> {
                requireBreaks(r, g, 1);
                replace(w, isochromosome(w, c, run(c, g.get(0))));
            }
            case R -> {
                for (Breakpoint b : g) {
                    replace(w, cutDistal(w, c, run(c, b))[0]);
                }
                return true;
            }
            case ADD -> {
                requireBreaks(r, g, 1);
                var rn = run(c, g.get(0));
                var prox = cutDistal(w, c, rn)[0];
                if (rn.arm() == Arm.Q) {
                    prox.add(Segment.unknown());
                } else {
                    prox.addFirst(Segment.unknown());
                }
                replace(w, prox);
            }
            case HSR -> {
                requireBreaks(r, g, 1);
                w.add(insertionPoint(w, c, run(c, g.get(0))), Segment.unknown());
            }
            case INS -> {
                requireBreaks(r, g, 2);
                var recipient = run(c, g.get(0));
                var s1 = run(c, g.get(1));
                var s2 = g.size() > 2 ? run(c, g.get(2)) : s1;
                int[] s = span(w, c, s1, s2);
                List<Segment> moved = new ArrayList<>(w.subList(s[0], s[1]));
                w.subList(s[0], s[1]).clear();
                w.addAll(insertionPoint(w, c, recipient), orientInsert(moved, s1, s2, recipient.arm()));
            }
            case T, DIC, ROB, FRA -> throw new IllegalStateException("handled by the caller: " + r.type());
        }
        return false;
    }

    /** t(A;B)(a;b), t(A;B;C)(a;b;c): each chromosome keeps its centric part and receives the previous one's distal part. */
    private List<Product> translocation(Rearrangement r) {
        List<ChromosomeClass> cs = r.chromosomes();
        requireGroups(r, cs.size());
        int n = cs.size();
        var prox = new ArrayList<List<Segment>>();
        var dist = new ArrayList<List<Segment>>();
        var runs = new ArrayList<ReferencePaths.Run>();
        for (int i = 0; i < n; i++) {
            var rn = run(r, i, 0);
            var parts = cutDistal(normal(cs.get(i)), cs.get(i), rn);
            prox.add(parts[0]);
            dist.add(parts[1]);
            runs.add(rn);
        }
        var out = new ArrayList<Product>();
        String text = text(r);
        for (int i = 0; i < n; i++) {
            var w = attach(prox.get(i), runs.get(i).arm(), dist.get((i - 1 + n) % n));
            out.add(new Product(finish("der(" + cs.get(i).label() + ")" + text, cs.get(i), w, false), List.of(cs.get(i))));
        }
        return out;
    }

    /** ins(A;B)(r;s1s2): B's segment s1..s2 goes into A at r, s1 toward A's centromere (a direct insertion). */
    private List<Product> insertionBetween(Rearrangement r) {
        requireGroups(r, 2);
        ChromosomeClass a = r.chromosomes().get(0);
        ChromosomeClass b = r.chromosomes().get(1);
        var recipient = run(r, 0, 0);
        List<Breakpoint> donorBreaks = r.breakpoints().get(1);
        var s1 = run(b, donorBreaks.get(0));
        var s2 = donorBreaks.size() > 1 ? run(b, donorBreaks.get(1)) : s1;
        var wb = normal(b);
        int[] s = span(wb, b, s1, s2);
        List<Segment> moved = new ArrayList<>(wb.subList(s[0], s[1]));
        wb.subList(s[0], s[1]).clear();
        var wa = normal(a);
        wa.addAll(insertionPoint(wa, a, recipient), orientInsert(moved, s1, s2, recipient.arm()));
        String text = text(r);
        return List.of(new Product(finish("der(" + a.label() + ")" + text, a, wa, false), List.of(a)),
                new Product(finish("der(" + b.label() + ")" + text, b, wb, false), List.of(b)));
    }

    /** der(X) with its chain of events applied in order; der(A;B)(a;b) fuses first. */
    private Product derivative(Derivative d) {
        List<ChromosomeClass> cs = d.chromosomes();
        if (cs.contains(null)) {
            throw new IllegalArgumentException("cannot assemble der(?): its chromosome is unknown");
        }
        String name = textOf(d);
        ChromosomeClass x = cs.getFirst();
        List<Segment> w;
        List<ChromosomeClass> replaces;
        if (cs.size() >= 2) {
            if (d.breakpoints().size() < 2) {
                throw new IllegalArgumentException("cannot assemble " + name + ": it needs a breakpoint per chromosome");
            }
            w = fuse(cs.get(0), run(cs.get(0), d.breakpoints().get(0).getFirst()),
                    cs.get(1), run(cs.get(1), d.breakpoints().get(1).getFirst()));
            replaces = List.of(cs.get(0), cs.get(1));
        } else {
            w = normal(x);
            replaces = List.of(x);
        }
        boolean ring = false;
        for (Rearrangement e : d.events()) {
            ring |= inDerivative(w, e);
        }
        return new Product(finish(name, x, w, ring), replaces);
    }

    /** One event of a derivative's chain, applied to the derivative being built. */
    private boolean inDerivative(List<Segment> w, Rearrangement e) {
        List<ChromosomeClass> cs = e.chromosomes();
        if (cs.contains(null)) {
            throw new IllegalArgumentException("cannot assemble " + text(e) + ": a chromosome is unknown (?)");
        }
        if (e.type() == Rearrangements.T) {
            requireGroups(e, cs.size());
            int n = cs.size();
            for (int h = 0; h < n; h++) {
                var rn = run(e, h, 0);
                if (has(w, cs.get(h), rn.lo()) || has(w, cs.get(h), rn.hi())) {
                    int donor = (h - 1 + n) % n;
                    var incoming = cutDistal(normal(cs.get(donor)), cs.get(donor), run(e, donor, 0))[1];
                    replace(w, attach(cutDistal(w, cs.get(h), rn)[0], rn.arm(), incoming));
                    return false;
                }
            }
            throw new IllegalArgumentException(text(e) + " does not involve the derivative's chromosome");
        }
        if (e.type() == Rearrangements.INS && cs.size() == 2) {
            requireGroups(e, 2);
            var recipient = run(e, 0, 0);
            var donorBreaks = e.breakpoints().get(1);
            ChromosomeClass b = cs.get(1);
            var s1 = run(b, donorBreaks.get(0));
            var s2 = donorBreaks.size() > 1 ? run(b, donorBreaks.get(1)) : s1;
            if (has(w, cs.get(0), recipient.lo())) {
                var wb = normal(b);
                int[] s = span(wb, b, s1, s2);
                List<Segment> moved = new ArrayList<>(wb.subList(s[0], s[1]));
                w.addAll(insertionPoint(w, cs.get(0), recipient), orientInsert(moved, s1, s2, recipient.arm()));
            } else {
                int[] s = span(w, b, s1, s2);
                w.subList(s[0], s[1]).clear();
            }
            return false;
        }
        if (e.type() == Rearrangements.DIC || e.type() == Rearrangements.ROB || e.type() == Rearrangements.FRA) {
            return false; // a dicentric inside a der chain is not modelled; a fragile site changes nothing
        }
        return single(w, cs.getFirst(), e);
    }

    // ---- cutting and joining ------------------------------------------------------------------------------------

    private List<Segment> normal(ChromosomeClass c) {
        var w = new ArrayList<Segment>(8);
        w.add(new Segment(c, 0, ref.size(c) - 1, false, -1, -1));
        return w;
    }

    /** Cuts every segment of {@code c} that holds both band k-1 and band k between them; the new ends carry {@code label}. */
    static void split(List<Segment> w, ChromosomeClass c, int k, int label) {
        for (int i = 0; i < w.size(); i++) {
            Segment s = w.get(i);
            if (s.origin() == c && s.from() < k && k <= s.to()) {
                if (!s.reversed()) {
                    w.set(i, new Segment(c, s.from(), k - 1, false, s.labelIn(), label));
                    w.add(i + 1, new Segment(c, k, s.to(), false, label, s.labelOut()));
                } else {
                    w.set(i, new Segment(c, k, s.to(), true, s.labelIn(), label));
                    w.add(i + 1, new Segment(c, s.from(), k - 1, true, label, s.labelOut()));
                }
                i++;
            }
        }
    }

    private static int pos(List<Segment> w, ChromosomeClass c, int band) {
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).contains(c, band)) {
                return i;
            }
        }
        throw new IllegalArgumentException("band index " + band + " of chromosome " + c.label() + " is not on this chromosome");
    }

    private static boolean has(List<Segment> w, ChromosomeClass c, int band) {
        for (Segment s : w) {
            if (s.contains(c, band)) {
                return true;
            }
        }
        return false;
    }

    /** Cuts around the run from {@code a} to {@code b} (both break bands included) and gives its [start, end) in w. */
    private static int[] span(List<Segment> w, ChromosomeClass c, ReferencePaths.Run a, ReferencePaths.Run b) {
        int lo = Math.min(a.lo(), b.lo());
        int hi = Math.max(a.hi(), b.hi());
        split(w, c, lo, lo);
        split(w, c, hi + 1, hi);
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int i = 0; i < w.size(); i++) {
            Segment s = w.get(i);
            if (s.origin() == c && s.from() >= lo && s.to() <= hi) {
                start = Math.min(start, i);
                end = Math.max(end, i + 1);
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("the run is not on this chromosome");
        }
        return new int[] {start, end};
    }

    /**
     * Splits off the part distal to a break: [0] the centric part kept, [1] the distal part read from the break
     * toward the telomere. A q-arm break band goes with the distal part, and so does a p-arm one.
     */
    @SuppressWarnings("unchecked")
    private List<Segment>[] cutDistal(List<Segment> w, ChromosomeClass c, ReferencePaths.Run r) {
        if (r.arm() == Arm.Q) {
            int k = r.lo();
            split(w, c, k, r.wholeArm() ? k : r.lo());
            int p = pos(w, c, k);
            return new List[] {new ArrayList<>(w.subList(0, p)), new ArrayList<>(w.subList(p, w.size()))};
        }
        int k = r.hi();
        split(w, c, k + 1, r.hi());
        int p = pos(w, c, k);
        return new List[] {new ArrayList<>(w.subList(p + 1, w.size())), flipAll(w.subList(0, p + 1))};
    }

    /** A received distal part (read break to telomere) goes on the side of the break: after a q break, before a p break. */
    private static List<Segment> attach(List<Segment> proximal, Arm arm, List<Segment> distal) {
        var out = new ArrayList<Segment>(proximal.size() + distal.size());
        if (arm == Arm.Q) {
            out.addAll(proximal);
            out.addAll(distal);
        } else {
            out.addAll(flipAll(distal));
            out.addAll(proximal);
        }
        return out;
    }

    /** Where an insertion goes: at the proximal edge of the recipient band (between it and its centromere-side neighbour). */
    private static int insertionPoint(List<Segment> w, ChromosomeClass c, ReferencePaths.Run r) {
        if (r.arm() == Arm.P) {
            split(w, c, r.hi() + 1, r.hi());
            return pos(w, c, r.hi()) + 1;
        }
        split(w, c, r.lo(), r.lo());
        return pos(w, c, r.lo());
    }

    /** Direct insertion: the first-named donor band ends up nearer the recipient's centromere. */
    private static List<Segment> orientInsert(List<Segment> moved, ReferencePaths.Run s1, ReferencePaths.Run s2, Arm recipientArm) {
        boolean s1Left = s1.lo() <= s2.lo();
        boolean wantLeft = recipientArm == Arm.Q;
        return s1Left == wantLeft ? moved : flipAll(moved);
    }

    /** i(X)(q10): two copies of the arm mirrored at the centromere; with a band, an isodicentric at that band. */
    private List<Segment> isochromosome(List<Segment> w, ChromosomeClass c, ReferencePaths.Run r) {
        List<Segment> part = centricFromBreak(w, c, r);
        var out = new ArrayList<Segment>(flipAll(part));
        out.addAll(part); // telomere, centromere, telomere: symmetric, so pter-first either way
        return out;
    }

    /**
     * The part of c that keeps a centromere, read from the break outward: for p10/q10 the named arm, for a band
     * break the part on the centromere side of it.
     */
    private static List<Segment> centricFromBreak(List<Segment> w, ChromosomeClass c, ReferencePaths.Run r) {
        if (r.wholeArm()) {
            if (r.arm() == Arm.Q) {
                split(w, c, r.lo(), r.lo());
                return new ArrayList<>(w.subList(pos(w, c, r.lo()), w.size()));
            }
            split(w, c, r.hi() + 1, r.hi());
            return flipAll(w.subList(0, pos(w, c, r.hi()) + 1));
        }
        if (r.arm() == Arm.P) {
            split(w, c, r.hi() + 1, r.hi());
            return new ArrayList<>(w.subList(pos(w, c, r.hi()) + 1, w.size()));
        }
        split(w, c, r.lo(), r.lo());
        return flipAll(w.subList(0, pos(w, c, r.lo())));
    }

    /** dic(A;B)(a;b), rob(A;B)(q10;q10), der(A;B)(a;b): A's centric part up to its break, joined to B's from its break. */
    private List<Segment> fuse(ChromosomeClass a, ReferencePaths.Run ra, ChromosomeClass b, ReferencePaths.Run rb) {
        var out = new ArrayList<Segment>(flipAll(centricFromBreak(normal(a), a, ra)));
        out.addAll(centricFromBreak(normal(b), b, rb));
        return out;
    }

    static List<Segment> flipAll(List<Segment> segments) {
        var out = new ArrayList<Segment>(segments.size());
        for (Segment s : segments) {
            out.add(s.flip());
        }
        Collections.reverse(out);
        return out;
    }

    private static void replace(List<Segment> w, List<Segment> with) {
        w.clear();
        w.addAll(with);
    }

    // ---- breakpoints ---------------------------------------------------------------------------------------------

    private ReferencePaths.Run run(Rearrangement r, int group, int index) {
        return run(r.chromosomes().get(group), r.breakpoints().get(group).get(index));
    }

    private ReferencePaths.Run run(ChromosomeClass c, Breakpoint b) {
        return switch (b) {
            case Breakpoint.At at -> ref.resolve(c, at.band());
            case Breakpoint.Between between -> ref.resolve(c, between.from()); // documented: the first band of the range
            case Breakpoint.Unknown _ -> throw new IllegalArgumentException("cannot place an unknown breakpoint (?) on " + c.label());
        };
    }

    private static void requireGroups(Rearrangement r, int groups) {
        if (r.breakpoints().size() < groups || r.breakpoints().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("cannot assemble " + text(r) + ": breakpoints missing");
        }
    }

    private static void requireBreaks(Rearrangement r, List<Breakpoint> g, int atLeast) {
        if (g.size() < atLeast) {
            throw new IllegalArgumentException("cannot assemble " + text(r) + ": it needs " + atLeast + " breakpoint(s)");
        }
    }

    // ---- finishing -----------------------------------------------------------------------------------------------

    /** Merges segments that are neighbours in the reference again, expands to pieces and records the junctions. */
    AssembledChromosome finish(String name, ChromosomeClass named, List<Segment> w, boolean ring) {
        var merged = new ArrayList<Segment>(w.size());
        for (Segment s : w) {
            if (!merged.isEmpty() && contiguous(merged.getLast(), s)) {
                Segment a = merged.removeLast();
                merged.add(a.reversed()
                        ? new Segment(a.origin(), s.from(), a.to(), true, a.labelIn(), s.labelOut())
                        : new Segment(a.origin(), a.from(), s.to(), false, a.labelIn(), s.labelOut()));
            } else {
                merged.add(s);
            }
        }
        var pieces = new ArrayList<BandPiece>();
        var junctions = new ArrayList<Junction>();
        int centromere = -1;
        int anyCentromere = -1;
        for (int si = 0; si < merged.size(); si++) {
            Segment s = merged.get(si);
            if (si > 0) {
                junctions.add(new Junction(pieces.size(), endLabel(merged.get(si - 1), false), endLabel(s, true)));
            }
            if (s.isUnknown()) {
                pieces.add(BandPiece.unknown());
                continue;
            }
            for (int k = 0; k < s.length(); k++) {
                int band = s.reversed() ? s.to() - k : s.from() + k;
                if (ref.acen(s.origin(), band)) {
                    if (anyCentromere < 0) {
                        anyCentromere = pieces.size();
                    }
                    if (centromere < 0 && s.origin() == named) {
                        centromere = pieces.size();
                    }
                }
                pieces.add(ref.piece(s.origin(), band, s.reversed()));
            }
        }
        if (ring && !merged.isEmpty()) {
            junctions.add(new Junction(0, endLabel(merged.getLast(), false), endLabel(merged.getFirst(), true)));
        }
        return new AssembledChromosome(new DerivedChromosome(name, pieces, ring, centromere >= 0 ? centromere : anyCentromere),
                junctions);
    }

    private static boolean contiguous(Segment a, Segment b) {
        if (a.isUnknown() || b.isUnknown() || a.origin() != b.origin() || a.reversed() != b.reversed()) {
            return false;
        }
        return a.reversed() ? b.to() + 1 == a.from() : a.to() + 1 == b.from();
    }

    /** The break band at one end of a segment: its label, or the end band itself when the end was never cut. */
    private BandName endLabel(Segment s, boolean start) {
        if (s.isUnknown()) {
            return null;
        }
        int label = start ? s.labelIn() : s.labelOut();
        int band = label >= 0 ? label : start ? s.firstRead() : s.lastRead();
        return ref.band(s.origin(), band).name();
    }

    private static DerivedChromosome rename(DerivedChromosome d, String name) {
        return new DerivedChromosome(name, d.pieces(), d.ring(), d.centromereIndex());
    }

    // ---- names ---------------------------------------------------------------------------------------------------

    /** The ISCN text of one abnormality, as the schema's writer spells it. */
    static String text(Abnormality a) {
        String line = Iscn.write(Karyotype.of(new CellLine(CellLine.ChromosomeCount.of(46),
                CellLine.SexChromosomes.of("XX"), List.of(Entry.of(Entry.Sign.NONE, a)), false, null)));
        return line.substring("46,XX,".length());
    }

    private static String textOf(Derivative d) {
        return text(d);
    }
}
