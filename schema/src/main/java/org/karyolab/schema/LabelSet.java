package org.karyolab.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The labels a project annotates with: which chromosome classes, which cluster-type scheme and which
 * anomaly vocabulary (ISCN abbreviations such as "del", "t", "+21").
 */
public record LabelSet(List<ChromosomeClass> chromosomeClasses, ClusterTypeScheme clusterTypeScheme,
                       List<String> anomalyVocabulary) implements Validatable {

    /** The ISCN structural-abnormality abbreviations listed in the domain notes. */
    public static final List<String> ISCN_ABNORMALITIES =
            List.of("del", "dup", "inv", "t", "der", "i", "r", "ins", "add", "mar");

    public LabelSet {
        chromosomeClasses = Validation.immutableList(chromosomeClasses);
        anomalyVocabulary = Validation.immutableList(anomalyVocabulary);
    }

    /** All 24 classes, Lin 2021 cluster types, ISCN structural abbreviations. */
    public static LabelSet standard() {
        return new LabelSet(Arrays.asList(ChromosomeClass.values()), ClusterTypeScheme.LIN_2021, ISCN_ABNORMALITIES);
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        if (chromosomeClasses.isEmpty()) {
            out.add(new Violation("/chromosomeClasses", "chromosomeClasses must list at least one class"));
        }
        var seenClasses = new HashSet<ChromosomeClass>();
        for (int i = 0; i < chromosomeClasses.size(); i++) {
            ChromosomeClass c = chromosomeClasses.get(i);
            if (c == null) {
                out.add(new Violation("/chromosomeClasses/" + i, "chromosome class must not be null"));
            } else if (!seenClasses.add(c)) {
                out.add(new Violation("/chromosomeClasses/" + i, "duplicate chromosome class " + c.label()));
            }
        }
        Validation.required(out, "/clusterTypeScheme", "clusterTypeScheme", clusterTypeScheme);
        var seenTerms = new HashSet<String>();
        for (int i = 0; i < anomalyVocabulary.size(); i++) {
            String term = anomalyVocabulary.get(i);
            if (term == null || term.isBlank()) {
                out.add(new Violation("/anomalyVocabulary/" + i, "anomaly term must not be blank"));
            } else if (!seenTerms.add(term)) {
                out.add(new Violation("/anomalyVocabulary/" + i, "duplicate anomaly term '" + term + "'"));
            }
        }
        return List.copyOf(out);
    }

    /** Checks labels against this set: a chromosome class must be one the project uses. Pointers relative to the labels. */
    public List<Violation> check(AnnotationLabels labels) {
        var out = new ArrayList<Violation>();
        if (labels.chromosomeClass() != null && !chromosomeClasses.contains(labels.chromosomeClass())) {
            out.add(new Violation("/chromosomeClass", "chromosome class " + labels.chromosomeClass().label()
                    + " is not in the project's label set"));
        }
        return List.copyOf(out);
    }
}
