package org.karyolab.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * What an annotated object is. Everything is optional: a counting box has no labels, a classified
 * chromosome has a class and polarity, a cluster crop has a cluster type.
 *
 * <p>Rule: {@code clusterType} other than {@code instance} describes several chromosomes, so it must not
 * come with a single {@code chromosomeClass}, a {@code polarity} or {@code bands}. Band calls that name a
 * chromosome must name the labelled class.
 *
 * @param anomalies ISCN abnormality text such as "del(5)(q13q33)"; only checked for being non-blank (for now)
 */
public record AnnotationLabels(ChromosomeClass chromosomeClass, Polarity polarity, ClusterType clusterType,
                               List<BandCall> bands, List<String> anomalies) implements Validatable {

    public static final AnnotationLabels EMPTY = new AnnotationLabels(null, null, null, List.of(), List.of());

    public AnnotationLabels {
        bands = Validation.immutableList(bands);
        anomalies = Validation.immutableList(anomalies);
    }

    public static AnnotationLabels ofClass(ChromosomeClass chromosomeClass, Polarity polarity) {
        return new AnnotationLabels(chromosomeClass, polarity, null, List.of(), List.of());
    }

    public static AnnotationLabels ofCluster(ClusterType clusterType) {
        return new AnnotationLabels(null, null, clusterType, List.of(), List.of());
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        boolean cluster = clusterType != null && clusterType != ClusterType.INSTANCE;
        String clusterName = cluster ? clusterType.name().toLowerCase().replace('_', '-') : null;
        if (cluster && chromosomeClass != null) {
            out.add(new Violation("/chromosomeClass", "clusterType '" + clusterName
                    + "' describes several chromosomes, so it cannot have a single chromosomeClass"));
        }
        if (cluster && polarity != null) {
            out.add(new Violation("/polarity", "clusterType '" + clusterName + "' describes several chromosomes, so it cannot have a polarity"));
        }
        if (cluster && !bands.isEmpty()) {
            out.add(new Violation("/bands", "clusterType '" + clusterName + "' describes several chromosomes, so it cannot have band calls"));
        }
        for (int i = 0; i < bands.size(); i++) {
            BandCall call = bands.get(i);
            if (!Validation.required(out, "/bands/" + i, "band call", call)) {
                continue;
            }
            out.addAll(Validation.prefix("/bands/" + i, call.validate()));
            if (call.band() != null && call.band().chromosome() != null && chromosomeClass != null
                    && call.band().chromosome() != chromosomeClass) {
                out.add(new Violation("/bands/" + i + "/band", "band " + call.band() + " is on chromosome "
                        + call.band().chromosome().label() + " but chromosomeClass is " + chromosomeClass.label()));
            }
        }
        for (int i = 0; i < anomalies.size(); i++) {
            String anomaly = anomalies.get(i);
            if (anomaly == null || anomaly.isBlank()) {
                out.add(new Violation("/anomalies/" + i, "anomaly must be non-blank ISCN text"));
            }
        }
        return List.copyOf(out);
    }
}
