package org.karyolab.learning.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.iscn.Abnormality;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.Breakpoint;
import org.karyolab.schema.iscn.CellLine;
import org.karyolab.schema.iscn.Entry;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Karyotype;
import org.karyolab.schema.iscn.Rearrangements;

/**
 * Reads a cell from its observed chromosomes: aligns each to the reference paths ({@link ReferenceAligner}), names
 * what happened to it, pairs the derivatives of one event (both halves of a reciprocal or three-way translocation,
 * the recipient and donor of an insertion), and counts the normal homologs left for numerical changes. Writes the
 * result as ISCN through the schema's tree, with the evidence per chromosome.
 *
 * <p>Breakpoints are named by the same convention {@link DerivativeAssembler} builds with (the break band goes with
 * the part acted on), so reading what {@link CellBuilder} built gives the karyotype back. Rules for what the bands
 * cannot tell apart are in docs/KARYOTYPE-REASONING.md: a "deletion" that reaches the telomere is terminal; an
 * inverted single band is invisible; a chromosome that cannot be explained is left out and the line marked
 * {@code inc}.
 */
public final class KaryotypeReader {

    private final ReferencePaths ref;
    private final ReferenceAligner aligner;
    private final java.util.function.IntConsumer work;

    private KaryotypeReader(BandLevel level, java.util.function.IntConsumer work) {
        this.ref = ReferencePaths.at(level);
        this.aligner = new ReferenceAligner(ref);
        this.work = work;
    }

    public static Reading read(List<ObservedChromosome> chromosomes, BandLevel level) {
        return read(chromosomes, level, bands -> { });
    }

    /**
     * As {@link #read(List, BandLevel)}, telling {@code work} how many bands it is about to align before each
     * chromosome (the bulk of the work): a caller may stop a read that takes too long by throwing from it.
     */
    public static Reading read(List<ObservedChromosome> chromosomes, BandLevel level, java.util.function.IntConsumer work) {
        return new KaryotypeReader(level, work).readCell(chromosomes);
    }

    /** An entry to write and the normal homologs it stands in for. */
    private record Call(Entry entry, List<ChromosomeClass> replaces) {
    }

    /** A chromosome carrying its own centromere and, beyond one break, the distal part of another. */
    private record TranslocationPart(int chromosome, ChromosomeClass host, int hostBreak, ChromosomeClass donor, int donorBreak) {
    }

    /** A chromosome carrying a run of another inside it. */
    private record InsertionPart(int chromosome, ChromosomeClass host, int recipient, ChromosomeClass donor, int s1, int s2) {
    }

    private Reading readCell(List<ObservedChromosome> observed) {
        int n = observed.size();
        var segs = new ArrayList<List<AlignedSegment>>(n);
        var calls = new String[n];
        var done = new boolean[n];
        int[] normal = new int[ChromosomeClass.values().length];
        for (int i = 0; i < n; i++) {
            work.accept(observed.get(i).bands().size());
            List<AlignedSegment> s = orient(observed.get(i));
            segs.add(s);
            ChromosomeClass c = normalClass(s, observed.get(i).ring());
            if (c != null) {
                normal[c.ordinal()]++;
                calls[i] = "normal " + c.label();
                done[i] = true;
            }
        }
        var out = new ArrayList<Call>();
        var tparts = new ArrayList<TranslocationPart>();
        var iparts = new ArrayList<InsertionPart>();
        int markers = 0;
        // 1. chromosomes with foreign or unknown material, or two centromeres
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            List<AlignedSegment> s = segs.get(i);
            long origins = s.stream().filter(a -> !a.isUnknown()).map(AlignedSegment::origin).distinct().count();
            boolean unknown = s.stream().anyMatch(AlignedSegment::isUnknown);
            if (origins == 0) {
                markers++;
                calls[i] = "marker: no band of known origin";
                done[i] = true;
                continue;
            }
            if (origins == 1 && !unknown) {
                continue; // one chromosome rearranged in itself: step 3
            }
            done[i] = true;
            calls[i] = foreign(i, s, out, tparts, iparts);
        }
        // 2. pair the derivatives of one event
        pairTranslocations(tparts, out, calls);
        for (InsertionPart p : iparts) {
            int donor = findDonor(segs, done, observed, p);
            var r = new Rearrangement(Rearrangements.INS, List.of(p.host(), p.donor()),
                    List.of(List.of(at(p.host(), p.recipient())), List.of(at(p.donor(), p.s1()), at(p.donor(), p.s2()))));
            if (donor >= 0) {
                done[donor] = true;
                out.add(new Call(Entry.of(Entry.Sign.NONE, r), List.of(p.host(), p.donor())));
                calls[p.chromosome()] = "insertion, recipient: " + text(r);
                calls[donor] = "insertion, donor (run missing): " + text(r);
            } else {
                var d = new Abnormality.Derivative(List.of(p.host()), List.of(), List.of(r));
                out.add(new Call(Entry.of(Entry.Sign.NONE, d), List.of(p.host())));
                calls[p.chromosome()] = "unbalanced insertion (no donor with the run missing): " + text(d);
            }
        }
        // 3. one chromosome rearranged in itself
        for (int i = 0; i < n; i++) {
            if (!done[i]) {
                Call c = single(segs.get(i), observed.get(i).ring());
                done[i] = true;
                if (c == null) {
                    calls[i] = "unexplained: " + segs.get(i).size() + " runs do not fit one supported event";
                } else {
                    out.add(c);
                    calls[i] = kind(c.entry().abnormality(), segs.get(i)) + ": " + text(c.entry().abnormality());
                }
            }
        }
        if (markers > 0) {
            out.add(new Call(Entry.of(Entry.Sign.GAIN, new Abnormality.Marker(markers, null)), List.of()));
        }
        // 4. numerical changes: normal homologs against two per autosome, less those a structural change replaced
        int[] replaced = new int[normal.length];
        for (Call c : out) {
            if (c.entry().sign() == Entry.Sign.NONE) {
                c.replaces().forEach(x -> replaced[x.ordinal()]++);
            }
        }
        var entries = new ArrayList<Call>(out);
        for (ChromosomeClass c : ChromosomeClass.values()) {
            if (!c.autosome()) {
                continue;
            }
            int diff = normal[c.ordinal()] - (2 - replaced[c.ordinal()]);
            for (int k = 0; k < Math.abs(diff); k++) {
                entries.add(new Call(Entry.of(diff > 0 ? Entry.Sign.GAIN : Entry.Sign.LOSS, new Abnormality.WholeChromosome(c)), List.of()));
            }
        }
        int x = normal[ChromosomeClass.X.ordinal()];
        int y = normal[ChromosomeClass.Y.ordinal()];
        if (x + y == 0) {
            // ISCN lists at least one sex chromosome: write X and its loss
            x = 1;
            entries.add(new Call(Entry.of(Entry.Sign.LOSS, new Abnormality.WholeChromosome(ChromosomeClass.X)), List.of()));
        }
        entries.sort(Comparator.comparingInt((Call c) -> sortRank(c.entry().abnormality()))
                .thenComparingInt(c -> c.entry().abnormality() instanceof Abnormality.WholeChromosome ? 0 : 1));
        boolean incomplete = false;
        var evidence = new ArrayList<Evidence>(n);
        for (int i = 0; i < n; i++) {
            incomplete |= calls[i].startsWith("unexplained");
            evidence.add(new Evidence(i, calls[i], matches(segs.get(i))));
        }
        var line = new CellLine(CellLine.ChromosomeCount.of(n), new CellLine.SexChromosomes(x, y, false),
                entries.stream().map(Call::entry).toList(), incomplete, null);
        Karyotype k = Karyotype.of(line);
        return new Reading(Iscn.write(k), k, evidence);
    }

    // ---- alignment -----------------------------------------------------------------------------------------------

    /**
     * Aligns, turning a chromosome seen upside down the right way: one reversed run (a normal or terminally deleted
     * chromosome read qter first), a one-chromosome rearrangement that only makes sense the other way, or a
     * derivative whose only centric run is reversed. A pericentric inversion of the whole chromosome therefore reads
     * as a normal chromosome (documented ambiguity).
     */
    private List<AlignedSegment> orient(ObservedChromosome o) {
        List<AlignedSegment> s = aligner.align(o);
        if (s.isEmpty()) {
            return s;
        }
        var flipped = new ObservedChromosome(o.bands().reversed(), o.ring());
        boolean unknown = s.stream().anyMatch(AlignedSegment::isUnknown);
        long origins = s.stream().filter(a -> !a.isUnknown()).map(AlignedSegment::origin).distinct().count();
        if (origins == 1 && !unknown) {
            if (s.size() == 1) {
                return s.getFirst().reversed() ? aligner.align(flipped) : s;
            }
            if (single(s, o.ring()) != null) {
                return s;
            }
            var f = aligner.align(flipped);
            return single(f, o.ring()) != null ? f : s;
        }
        var centric = s.stream().filter(a -> !a.isUnknown() && hasAcen(a)).toList();
        if (centric.size() == 1 && centric.getFirst().reversed()) {
            var f = aligner.align(flipped);
            var fc = f.stream().filter(a -> !a.isUnknown() && hasAcen(a)).toList();
            if (fc.size() == 1 && !fc.getFirst().reversed()) {
                return f;
            }
        }
        return s;
    }

    private ChromosomeClass normalClass(List<AlignedSegment> s, boolean ring) {
        if (ring || s.size() != 1 || s.getFirst().isUnknown()) {
            return null;
        }
        AlignedSegment a = s.getFirst();
        return a.from() == 0 && a.to() == last(a.origin()) ? a.origin() : null;
    }

    private List<Evidence.Match> matches(List<AlignedSegment> s) {
        var out = new ArrayList<Evidence.Match>(s.size());
        for (AlignedSegment a : s) {
            out.add(a.isUnknown()
                    ? new Evidence.Match(a.start(), a.end(), null, null, null, false)
                    : new Evidence.Match(a.start(), a.end(), a.origin(), name(a.origin(), a.firstRead()),
                            name(a.origin(), a.lastRead()), a.reversed()));
        }
        return out;
    }

    // ---- chromosomes with material of another or unknown origin --------------------------------------------------

    private String foreign(int i, List<AlignedSegment> s, List<Call> out, List<TranslocationPart> tparts,
                           List<InsertionPart> iparts) {
        var centric = s.stream().filter(a -> !a.isUnknown() && hasAcen(a)).toList();
        long centricOrigins = centric.stream().map(AlignedSegment::origin).distinct().count();
        if (centricOrigins >= 2) {
            return s.size() == 2 && centric.size() == 2 ? fused(s.get(0), s.get(1), out) : "unexplained: several centromeres";
        }
        if (centricOrigins == 0) {
            return "unexplained: no centromere";
        }
        ChromosomeClass h = centric.getFirst().origin();
        if (s.size() == 2) {
            boolean hostLeft = s.get(0).origin() == h;
            AlignedSegment host = hostLeft ? s.get(0) : s.get(1);
            AlignedSegment other = hostLeft ? s.get(1) : s.get(0);
            if (host.reversed() || (hostLeft ? host.from() != 0 : host.to() != last(h))) {
                return "unexplained: the centric part does not run from a telomere to a break";
            }
            int hostBreak = hostLeft ? host.to() + 1 : host.from() - 1;
            if (other.isUnknown()) {
                var r = rearrangement(Rearrangements.ADD, h, hostBreak);
                out.add(new Call(Entry.of(Entry.Sign.NONE, r), List.of(h)));
                return "additional material of unknown origin: " + text(r);
            }
            ChromosomeClass d = other.origin();
            int telomereEnd = hostLeft ? other.lastRead() : other.firstRead();
            int donorBreak = hostLeft ? other.firstRead() : other.lastRead();
            boolean reachesTelomere = telomereEnd == 0 && ref.arm(d, donorBreak) == Arm.P
                    || telomereEnd == last(d) && ref.arm(d, donorBreak) == Arm.Q;
            if (!reachesTelomere || d == h) {
                return "unexplained: the attached part does not run from a break to a telomere";
            }
            tparts.add(new TranslocationPart(i, h, hostBreak, d, donorBreak));
            return "translocation part"; // named when paired
        }
        if (s.size() == 3 && s.get(0).origin() == h && s.get(2).origin() == h && !s.get(0).reversed() && !s.get(2).reversed()
                && s.get(0).from() == 0 && s.get(2).to() == last(h) && s.get(0).to() + 1 == s.get(2).from()) {
            int x = s.get(0).to();
            int recipient = ref.arm(h, x + 1) == Arm.Q ? x + 1 : x;
            AlignedSegment mid = s.get(1);
            if (mid.isUnknown()) {
                var r = rearrangement(Rearrangements.HSR, h, recipient);
                out.add(new Call(Entry.of(Entry.Sign.NONE, r), List.of(h)));
                return "material of unknown origin inserted (hsr): " + text(r);
            }
            boolean p = ref.arm(h, recipient) == Arm.P;
            int s1 = p ? mid.lastRead() : mid.firstRead();
            int s2 = p ? mid.firstRead() : mid.lastRead();
            iparts.add(new InsertionPart(i, h, recipient, mid.origin(), s1, s2));
            return "insertion part";
        }
        return "unexplained: " + s.size() + " runs from several chromosomes";
    }

    /** Two centric parts joined at their breaks: rob for two acrocentric long arms, der(A;B) for other whole arms, else dic. */
    private String fused(AlignedSegment a, AlignedSegment b, List<Call> out) {
        var pa = centricBreak(a);
        var pb = centricBreak(b);
        if (pa == null || pb == null) {
            return "unexplained: two centromeres, but not two centric parts joined at their breaks";
        }
        boolean swap = rank(a.origin()) > rank(b.origin());
        ChromosomeClass ca = swap ? b.origin() : a.origin();
        ChromosomeClass cb = swap ? a.origin() : b.origin();
        Breakpoint ba = swap ? pb : pa;
        Breakpoint bb = swap ? pa : pb;
        boolean wholeArms = isArm(pa) && isArm(pb);
        Abnormality abn;
        if (wholeArms && isQ10(pa) && isQ10(pb) && acrocentric(ca) && acrocentric(cb)) {
            abn = new Rearrangement(Rearrangements.ROB, List.of(ca, cb), List.of(List.of(ba), List.of(bb)));
        } else if (wholeArms) {
            abn = new Abnormality.Derivative(List.of(ca, cb), List.of(List.of(ba), List.of(bb)), List.of());
        } else {
            abn = new Rearrangement(Rearrangements.DIC, List.of(ca, cb), List.of(List.of(ba), List.of(bb)));
        }
        out.add(new Call(Entry.of(Entry.Sign.NONE, abn), List.of(ca, cb)));
        return "two chromosomes joined at their breaks: " + text(abn);
    }

    /** The break of a centric part: p10/q10 for a whole arm, else the band lost next to it. */
    private Breakpoint centricBreak(AlignedSegment s) {
        ChromosomeClass c = s.origin();
        int fq = ref.firstQ(c);
        if (s.from() == fq && s.to() == last(c)) {
            return arm10(Arm.Q);
        }
        if (s.from() == 0 && s.to() == fq - 1) {
            return arm10(Arm.P);
        }
        if (s.to() == last(c) && s.from() > 0) {
            return at(c, s.from() - 1);
        }
        if (s.from() == 0 && s.to() < last(c)) {
            return at(c, s.to() + 1);
        }
        return null;
    }

    private void pairTranslocations(List<TranslocationPart> parts, List<Call> out, String[] calls) {
        var used = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            if (used[i]) {
                continue;
            }
            // follow donors: the part whose host gave this part its distal piece, until the cycle closes
            var cycle = new ArrayList<Integer>(List.of(i));
            int cur = i;
            boolean closed = false;
            while (cycle.size() <= 3) {
                TranslocationPart p = parts.get(cur);
                int next = -1;
                for (int j = 0; j < parts.size(); j++) {
                    TranslocationPart q = parts.get(j);
                    if (!used[j] && !cycle.contains(j) && q.host() == p.donor() && q.hostBreak() == p.donorBreak()) {
                        next = j;
                        break;
                    }
                }
                if (next < 0) {
                    TranslocationPart first = parts.get(i);
                    closed = cycle.size() >= 2 && p.donor() == first.host() && p.donorBreak() == first.hostBreak();
                    break;
                }
                cycle.add(next);
                cur = next;
            }
            if (closed) {
                cycle.forEach(j -> used[j] = true);
                // ISCN order: the lowest chromosome first, then the one that received its distal part, and so on
                var members = new ArrayList<TranslocationPart>();
                cycle.forEach(j -> members.add(parts.get(j)));
                TranslocationPart start = members.stream().min(Comparator.comparingInt(p -> rank(p.host()))).orElseThrow();
                var order = new ArrayList<TranslocationPart>();
                TranslocationPart at = start;
                do {
                    order.add(at);
                    TranslocationPart giver = at;
                    at = members.stream().filter(p -> p.donor() == giver.host()).findFirst().orElseThrow();
                } while (at != start);
                var r = new Rearrangement(Rearrangements.T, order.stream().map(TranslocationPart::host).toList(),
                        order.stream().map(p -> List.of(at(p.host(), p.hostBreak()))).toList());
                out.add(new Call(Entry.of(Entry.Sign.NONE, r), order.stream().map(TranslocationPart::host).toList()));
                String kind = order.size() == 2 ? "balanced reciprocal translocation" : "balanced " + order.size() + "-way translocation";
                for (TranslocationPart p : order) {
                    calls[p.chromosome()] = kind + ", der(" + p.host().label() + "): " + text(r);
                }
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!used[i]) {
                TranslocationPart p = parts.get(i);
                boolean hostFirst = rank(p.host()) < rank(p.donor());
                var t = new Rearrangement(Rearrangements.T,
                        hostFirst ? List.of(p.host(), p.donor()) : List.of(p.donor(), p.host()),
                        hostFirst ? List.of(List.of(at(p.host(), p.hostBreak())), List.of(at(p.donor(), p.donorBreak())))
                                : List.of(List.of(at(p.donor(), p.donorBreak())), List.of(at(p.host(), p.hostBreak()))));
                var d = new Abnormality.Derivative(List.of(p.host()), List.of(), List.of(t));
                out.add(new Call(Entry.of(Entry.Sign.NONE, d), List.of(p.host())));
                calls[p.chromosome()] = "unbalanced translocation (derivative without its partner): " + text(d);
            }
        }
    }

    /** The donor of an insertion: a chromosome of the donor class missing exactly the inserted run. */
    private int findDonor(List<List<AlignedSegment>> segs, boolean[] done, List<ObservedChromosome> observed, InsertionPart p) {
        int lo = Math.min(p.s1(), p.s2());
        int hi = Math.max(p.s1(), p.s2());
        ChromosomeClass d = p.donor();
        for (int i = 0; i < segs.size(); i++) {
            if (done[i] || observed.get(i).ring()) {
                continue;
            }
            List<AlignedSegment> s = segs.get(i);
            if (s.stream().anyMatch(a -> a.isUnknown() || a.origin() != d || a.reversed())) {
                continue;
            }
            boolean interstitial = s.size() == 2 && s.get(0).from() == 0 && s.get(0).to() == lo - 1
                    && s.get(1).from() == hi + 1 && s.get(1).to() == last(d);
            boolean terminal = s.size() == 1 && (lo == 0 && s.get(0).from() == hi + 1 && s.get(0).to() == last(d)
                    || hi == last(d) && s.get(0).from() == 0 && s.get(0).to() == lo - 1);
            if (interstitial || terminal) {
                return i;
            }
        }
        return -1;
    }

    // ---- one chromosome rearranged in itself ---------------------------------------------------------------------

    private Call single(List<AlignedSegment> s, boolean ring) {
        ChromosomeClass c = s.getFirst().origin();
        int last = last(c);
        List<ChromosomeClass> self = List.of(c);
        if (ring) {
            if (s.size() != 1 || s.getFirst().reversed()) {
                return null;
            }
            var breaks = new ArrayList<Breakpoint>();
            if (s.getFirst().from() > 0) {
                breaks.add(at(c, s.getFirst().from() - 1));
            }
            if (s.getFirst().to() < last) {
                breaks.add(at(c, s.getFirst().to() + 1));
            }
            var r = new Rearrangement(Rearrangements.R, self, breaks.isEmpty() ? List.of() : List.of(breaks));
            return new Call(Entry.of(Entry.Sign.NONE, r), self);
        }
        if (s.size() == 1) {
            AlignedSegment a = s.getFirst();
            if (a.from() == 0 && a.to() < last) {
                return call(rearrangement(Rearrangements.DEL, c, a.to() + 1), c);
            }
            if (a.to() == last && a.from() > 0) {
                return call(rearrangement(Rearrangements.DEL, c, a.from() - 1), c);
            }
            return null;
        }
        AlignedSegment a = s.get(0);
        AlignedSegment b = s.get(1);
        if (s.size() == 2) {
            if (!a.reversed() && !b.reversed() && a.from() == 0 && b.to() == last) {
                return b.from() > a.to() + 1
                        ? call(rearrangement(Rearrangements.DEL, c, a.to() + 1, b.from() - 1), c)
                        : call(rearrangement(Rearrangements.DUP, c, b.from(), a.to()), c);
            }
            if (a.reversed() && !b.reversed() && a.from() == b.from() && a.to() == last && b.to() == last) {
                return a.from() == ref.firstQ(c) ? call(iso(c, Arm.Q), c)
                        : call(rearrangement(Rearrangements.IDIC, c, a.from() - 1), c);
            }
            if (!a.reversed() && b.reversed() && a.from() == 0 && b.from() == 0 && a.to() == b.to()) {
                return a.to() == ref.firstQ(c) - 1 ? call(iso(c, Arm.P), c)
                        : call(rearrangement(Rearrangements.IDIC, c, a.to() + 1), c);
            }
            if (a.reversed() && !b.reversed() && a.from() == 0 && b.from() == a.to() + 1 && b.to() == last) {
                return call(rearrangement(Rearrangements.INV, c, 0, a.to()), c);
            }
            if (!a.reversed() && b.reversed() && a.from() == 0 && b.from() == a.to() + 1 && b.to() == last) {
                return call(rearrangement(Rearrangements.INV, c, b.from(), last), c);
            }
            return null;
        }
        if (s.size() == 3) {
            AlignedSegment z = s.get(2);
            if (!a.reversed() && b.reversed() && !z.reversed() && a.from() == 0 && b.from() == a.to() + 1
                    && z.from() == b.to() + 1 && z.to() == last) {
                return call(rearrangement(Rearrangements.INV, c, b.from(), b.to()), c);
            }
            if (!a.reversed() && !b.reversed() && !z.reversed() && a.from() == 0 && z.to() == last
                    && b.from() == z.from() && b.to() == a.to() && b.from() <= a.to()) {
                return call(rearrangement(Rearrangements.TRP, c, b.from(), a.to()), c);
            }
        }
        return null;
    }

    private static Call call(Abnormality a, ChromosomeClass c) {
        return new Call(Entry.of(Entry.Sign.NONE, a), List.of(c));
    }

    /** A description in the field's words, for the evidence. */
    private String kind(Abnormality a, List<AlignedSegment> s) {
        if (!(a instanceof Rearrangement r)) {
            return "derivative";
        }
        return switch (r.type()) {
            case DEL -> r.breakpoints().getFirst().size() == 1 ? "terminal deletion" : "interstitial deletion";
            case DUP -> "direct duplication";
            case TRP -> "triplication";
            case INV -> {
                AlignedSegment inv = s.stream().filter(AlignedSegment::reversed).findFirst().orElseThrow();
                yield hasAcen(inv) ? "pericentric inversion" : "paracentric inversion";
            }
            case I -> "isochromosome";
            case IDIC -> "isodicentric chromosome";
            case R -> "ring chromosome";
            default -> r.type().meaning();
        };
    }

    // ---- names and helpers ---------------------------------------------------------------------------------------

    private Rearrangement rearrangement(Rearrangements type, ChromosomeClass c, int... bands) {
        var g = new ArrayList<Breakpoint>(bands.length);
        for (int b : bands) {
            g.add(at(c, b));
        }
        return new Rearrangement(type, List.of(c), List.of(g));
    }

    private static Rearrangement iso(ChromosomeClass c, Arm arm) {
        return new Rearrangement(Rearrangements.I, List.of(c), List.of(List.of(arm10(arm))));
    }

    private static Breakpoint arm10(Arm arm) {
        return new Breakpoint.At(BandName.of(null, arm, 1, 0, null), false);
    }

    private static boolean isArm(Breakpoint b) {
        return b instanceof Breakpoint.At at && Integer.valueOf(1).equals(at.band().region())
                && Integer.valueOf(0).equals(at.band().band()) && at.band().subBand() == null;
    }

    private static boolean isQ10(Breakpoint b) {
        return isArm(b) && ((Breakpoint.At) b).band().arm() == Arm.Q;
    }

    private static boolean acrocentric(ChromosomeClass c) {
        return switch (c) {
            case C13, C14, C15, C21, C22 -> true;
            default -> false;
        };
    }

    private Breakpoint at(ChromosomeClass c, int band) {
        BandName n = ref.band(c, band).name();
        return new Breakpoint.At(new BandName(null, n.arm(), n.region(), n.band(), n.subBand(), n.terminal()), false);
    }

    private BandName name(ChromosomeClass c, int band) {
        return ref.band(c, band).name();
    }

    private int last(ChromosomeClass c) {
        return ref.size(c) - 1;
    }

    private boolean hasAcen(AlignedSegment a) {
        for (int i = a.from(); i <= a.to(); i++) {
            if (ref.acen(a.origin(), i)) {
                return true;
            }
        }
        return false;
    }

    /** ISCN order: X, Y, then 1 to 22. */
    static int rank(ChromosomeClass c) {
        return c == ChromosomeClass.X ? 0 : c == ChromosomeClass.Y ? 1 : c.number() + 1;
    }

    /** ISCN order of entries: by chromosome (X, Y, 1..22), markers and double minutes last. */
    private static int sortRank(Abnormality a) {
        return switch (a) {
            case Abnormality.WholeChromosome w -> rank(w.chromosome());
            case Rearrangement r -> rank(r.chromosomes().getFirst());
            case Abnormality.Derivative d -> rank(d.chromosomes().getFirst());
            case Abnormality.Marker m -> 100;
            case Abnormality.DoubleMinutes d -> 101;
        };
    }

    private static String text(Abnormality a) {
        return DerivativeAssembler.text(a);
    }
}
