package org.karyolab.client.ui.band;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.Ideogram;
import org.karyolab.schema.shape.Point;

/**
 * Band calls against the reference ideogram (plain Java): which end of the axis is pter, a proposal
 * of band calls proportional to ISCN length, and the mismatches the band editor highlights.
 *
 * <p><b>Orientation.</b> Band calls are fractions of the axis measured from its first point. The
 * reference (pter to qter) runs from the axis' first point unless the chromosome's polarity says
 * otherwise: with {@code p up}, pter is the axis end that is higher in the image (smaller y); with
 * {@code p down}, the lower one; with no polarity, the first point.
 *
 * <p><b>Mismatches</b>, each tied to a band call (or to a reference band for a missing one):
 * <ul>
 *   <li>{@code UNKNOWN}: the call names a band the ideogram at this level has no place for;</li>
 *   <li>{@code DUPLICATE}: the same band is called twice;</li>
 *   <li>{@code ORDER}: read along the axis from pter, the call comes before a band that lies above it
 *       in the reference;</li>
 *   <li>{@code LENGTH}: the call's share of the axis differs from the band's share of the chromosome's
 *       ISCN length by more than {@link #LENGTH_TOLERANCE} (50 %) of the reference;</li>
 *   <li>{@code MISSING}: a reference band that no call covers (only when there are calls at all).</li>
 * </ul>
 * A call may name a coarser band than the level (it then stands for the run it covers) or a finer
 * one (it is placed in the band that contains it).
 */
public final class BandRules {

    /** Relative-length difference above which a call is flagged. */
    public static final double LENGTH_TOLERANCE = 0.5;

    public enum Kind { UNKNOWN, DUPLICATE, ORDER, LENGTH, MISSING }

    /**
     * One mismatch. {@code call} is the index into the band calls (-1 for a missing band);
     * {@code band} the band it is about.
     */
    public record Finding(Kind kind, int call, BandName band, String message) {}

    /** Where a called band lies in the reference: indices of its first and last band, and its ISCN span. */
    public record Span(int first, int last, int iscnStart, int iscnStop) {}

    private BandRules() {
    }

    /** True when the reference's pter lies at the axis' first point (see the class comment). */
    public static boolean pterAtStart(List<Point> axis, Polarity polarity) {
        if (polarity == null || axis == null || axis.size() < 2) return true;
        boolean startIsHigher = axis.getFirst().y() <= axis.getLast().y();
        return polarity == Polarity.P_UP ? startIsHigher : !startIsHigher;
    }

    /** Position along the reference (0 = pter, 1 = qter) of an axis fraction. */
    public static double referenceFraction(double axisFraction, boolean pterAtStart) {
        return pterAtStart ? axisFraction : 1 - axisFraction;
    }

    /** The chromosome's ISCN extent: first band start to last band stop. */
    public static int[] extent(List<Band> reference) {
        if (reference.isEmpty()) return new int[] {0, 0};
        return new int[] {reference.getFirst().iscnStart(), reference.getLast().iscnStop()};
    }

    /** Band calls for every reference band, proportional to ISCN length, in axis order. */
    public static List<BandCall> propose(List<Band> reference, boolean pterAtStart) {
        int[] ext = extent(reference);
        double total = ext[1] - ext[0];
        if (total <= 0) return List.of();
        var out = new ArrayList<BandCall>(reference.size());
        double[] cuts = new double[reference.size() + 1];
        for (int i = 0; i < reference.size(); i++) cuts[i] = (reference.get(i).iscnStart() - ext[0]) / total;
        cuts[reference.size()] = 1;
        cuts[0] = 0;
        for (int i = 0; i < reference.size(); i++) {
            double a = cuts[i], b = Math.max(a, cuts[i + 1]);
            if (pterAtStart) out.add(new BandCall(reference.get(i).name(), round(a), round(b)));
            else out.add(new BandCall(reference.get(i).name(), round(1 - b), round(1 - a)));
        }
        if (!pterAtStart) Collections.reverse(out);
        return List.copyOf(out);
    }

    private static double round(double v) {
        return Math.clamp(Math.round(v * 1e6) / 1e6, 0, 1);
    }

    /** Where {@code name} lies in the reference, or null if it has no place at this level. */
    public static Span span(Ideogram ideogram, ChromosomeClass chromosome, BandName name) {
        if (name == null) return null;
        BandName full = name.chromosome() == null ? name.withChromosome(chromosome) : name;
        if (full.chromosome() != chromosome) return null;
        List<Band> reference = ideogram.bands(chromosome);
        List<Band> run;
        try {
            run = ideogram.covering(full);
            if (run.isEmpty()) run = ideogram.containing(full).map(List::of).orElse(List.of());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (run.isEmpty()) return null;
        int first = reference.indexOf(run.getFirst()), last = reference.indexOf(run.getLast());
        if (first < 0 || last < 0) return null;
        return new Span(first, last, run.getFirst().iscnStart(), run.getLast().iscnStop());
    }

    /** Every mismatch between the calls and the reference (see the class comment). */
    public static List<Finding> check(List<BandCall> calls, Ideogram ideogram, ChromosomeClass chromosome, boolean pterAtStart) {
        var out = new ArrayList<Finding>();
        if (chromosome == null || calls.isEmpty()) return out;
        List<Band> reference = ideogram.bands(chromosome);
        int[] ext = extent(reference);
        double total = ext[1] - ext[0];
        Span[] spans = new Span[calls.size()];
        Map<BandName, Integer> seen = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            BandCall c = calls.get(i);
            spans[i] = span(ideogram, chromosome, c.band());
            if (spans[i] == null) {
                out.add(new Finding(Kind.UNKNOWN, i, c.band(), c.band() + " is not a band of chromosome " + chromosome.label()
                        + " at " + ideogram.level().bands() + " bands"));
                continue;
            }
            BandName key = c.band().chromosome() == null ? c.band().withChromosome(chromosome) : c.band();
            Integer before = seen.putIfAbsent(key, i);
            if (before != null) out.add(new Finding(Kind.DUPLICATE, i, c.band(), c.band() + " is called twice"));
        }
        // Order: calls sorted along the reference direction must have non-decreasing reference indices.
        Integer[] order = new Integer[calls.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> {
            BandCall c = calls.get(i);
            double mid = (c.start() + c.end()) / 2;
            return referenceFraction(mid, pterAtStart);
        }));
        int highest = -1;
        BandName highestName = null;
        for (int i : order) {
            Span s = spans[i];
            if (s == null) continue;
            if (s.first() < highest) {
                out.add(new Finding(Kind.ORDER, i, calls.get(i).band(), calls.get(i).band() + " is out of order: it lies above "
                        + highestName + " in the reference but below it on the chromosome"));
            } else {
                highest = s.last();
                highestName = calls.get(i).band();
            }
        }
        // Relative length.
        for (int i = 0; i < calls.size(); i++) {
            Span s = spans[i];
            if (s == null || total <= 0) continue;
            BandCall c = calls.get(i);
            double called = c.end() - c.start();
            double expected = (s.iscnStop() - s.iscnStart()) / total;
            if (expected <= 0) continue;
            double diff = Math.abs(called - expected) / expected;
            if (diff > LENGTH_TOLERANCE) {
                out.add(new Finding(Kind.LENGTH, i, c.band(), String.format(Locale.ROOT,
                        "%s is %.1f %% of the axis; the reference gives %.1f %% (%s by %.0f %%)", c.band(), called * 100, expected * 100,
                        called > expected ? "longer" : "shorter", diff * 100)));
            }
        }
        // Missing reference bands.
        boolean[] covered = new boolean[reference.size()];
        for (Span s : spans) {
            if (s == null) continue;
            for (int k = s.first(); k <= s.last(); k++) covered[k] = true;
        }
        for (int k = 0; k < reference.size(); k++) {
            if (!covered[k]) {
                out.add(new Finding(Kind.MISSING, -1, reference.get(k).name(), reference.get(k).name() + " (reference) has no band call"));
            }
        }
        return out;
    }
}
