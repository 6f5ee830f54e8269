package org.karyolab.learning.graph;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.ChromosomeClass;

/**
 * Aligns an observed chromosome to the reference paths: splits its band sequence into maximal runs that are
 * consecutive in one reference chromosome, forward or reversed. Band names are unique in the genome, so the
 * greedy split is the alignment: each run boundary is a junction.
 */
public final class ReferenceAligner {

    private final ReferencePaths ref;

    public ReferenceAligner(ReferencePaths ref) {
        this.ref = ref;
    }

    public List<AlignedSegment> align(ObservedChromosome observed) {
        var out = new ArrayList<AlignedSegment>(4);
        List<ObservedBand> bands = observed.bands();
        int start = -1;
        ChromosomeClass origin = null;
        int first = -1;
        int last = -1;
        int step = 0; // 0 undetermined, +1 forward, -1 reversed
        for (int i = 0; i < bands.size(); i++) {
            ObservedBand b = bands.get(i);
            if (b.isUnknown()) {
                if (start >= 0) {
                    out.add(segment(origin, first, last, step, start, i - 1));
                    start = -1;
                }
                // consecutive unknown bands are one block of unknown material
                if (out.isEmpty() || !out.getLast().isUnknown() || out.getLast().end() != i - 1) {
                    out.add(new AlignedSegment(null, 0, 0, false, i, i));
                } else {
                    var u = out.removeLast();
                    out.add(new AlignedSegment(null, 0, 0, false, u.start(), i));
                }
                continue;
            }
            int idx = ref.indexOf(b.band());
            if (idx < 0) {
                throw new IllegalArgumentException("observed band " + b.band() + " is not a band at " + ref.level().bands());
            }
            if (start >= 0 && b.origin() == origin) {
                int d = idx - last;
                if ((d == 1 || d == -1) && (step == 0 || step == d)) {
                    step = d;
                    last = idx;
                    continue;
                }
            }
            if (start >= 0) {
                out.add(segment(origin, first, last, step, start, i - 1));
            }
            start = i;
            origin = b.origin();
            first = idx;
            last = idx;
            step = 0;
        }
        if (start >= 0) {
            out.add(segment(origin, first, last, step, start, bands.size() - 1));
        }
        return out;
    }

    private static AlignedSegment segment(ChromosomeClass origin, int first, int last, int step, int start, int end) {
        return step < 0
                ? new AlignedSegment(origin, last, first, true, start, end)
                : new AlignedSegment(origin, first, last, false, start, end);
    }
}
