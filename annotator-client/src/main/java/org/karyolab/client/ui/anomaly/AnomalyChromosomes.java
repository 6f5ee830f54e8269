package org.karyolab.client.ui.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.iscn.Abnormality;
import org.karyolab.schema.iscn.CellLine;
import org.karyolab.schema.iscn.Entry;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnResult;

/**
 * Whether a chromosome's anomalies are about that chromosome: {@code del(5)(q13q33)} on an annotation of class 7
 * names chromosome 5 only, which is almost always a slip (the wrong chromosome selected, or the wrong number
 * typed). Read locally with the schema's ISCN parser; an anomaly that does not parse, or names no chromosome
 * ({@code mar}, {@code dmin}), is not judged here (the live check speaks about it).
 */
final class AnomalyChromosomes {

    private AnomalyChromosomes() {
    }

    /**
     * One warning per anomaly of {@code text} (comma separated) that names chromosomes of which none is {@code on};
     * empty when {@code on} is null (no class yet) or every anomaly names it.
     */
    static List<String> mismatches(String text, ChromosomeClass on) {
        var out = new ArrayList<String>();
        if (on == null || text == null || text.isBlank()) return out;
        for (String anomaly : IscnCheck.splitAnomalies(text)) {
            Set<ChromosomeClass> named = named(anomaly);
            if (named.isEmpty() || named.contains(on)) continue;
            String names = named.stream().map(ChromosomeClass::label).collect(Collectors.joining(" and "));
            out.add(anomaly + " names chromosome" + (named.size() == 1 ? " " : "s ") + names + ", but this annotation is chromosome "
                    + on.label() + ": is the right chromosome selected, or its class right?");
        }
        return out;
    }

    /** The chromosomes one anomaly names (its rearrangement's, a derivative's and its events'); empty if it does not parse. */
    static Set<ChromosomeClass> named(String anomaly) {
        var out = new LinkedHashSet<ChromosomeClass>();
        if (!(Iscn.parse(IscnCheck.WRAPPER + anomaly) instanceof IscnResult.Parsed p)) return out;
        for (CellLine line : p.karyotype().cellLines()) {
            for (Entry e : line.entries()) add(e.abnormality(), out);
        }
        return out;
    }

    private static void add(Abnormality a, Set<ChromosomeClass> out) {
        switch (a) {
            case Abnormality.WholeChromosome w -> out.add(w.chromosome());
            case Abnormality.Rearrangement r -> addAll(r.chromosomes(), out);
            case Abnormality.Derivative d -> {
                addAll(d.chromosomes(), out);
                for (Abnormality.Rearrangement r : d.events()) addAll(r.chromosomes(), out);
            }
            case Abnormality.Marker m -> { }
            case Abnormality.DoubleMinutes m -> { }
        }
    }

    private static void addAll(List<ChromosomeClass> chromosomes, Set<ChromosomeClass> out) {
        for (ChromosomeClass c : chromosomes) if (c != null) out.add(c); // null: "?" (unknown)
    }
}
