package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Which cluster-type vocabulary a project labels with. Annotations always store the Lin 2021
 * {@link ClusterType}; datasets in the older overlap-count scheme are mapped with {@link #toClusterType}.
 */
public enum ClusterTypeScheme {
    /** instance, touching, overlapping, touching-overlapping (Lin 2021). */
    @JsonProperty("lin-2021") LIN_2021(List.of("instance", "touching", "overlapping", "touching-overlapping")),
    /** touching, one-overlap, two-overlaps, multiple-overlaps (counts overlaps). */
    @JsonProperty("overlap-count") OVERLAP_COUNT(List.of("touching", "one-overlap", "two-overlaps", "multiple-overlaps"));

    private final List<String> labels;

    ClusterTypeScheme(List<String> labels) {
        this.labels = labels;
    }

    /** The label strings of this scheme, as datasets spell them. */
    public List<String> labels() {
        return labels;
    }

    /**
     * Maps a label of this scheme to a Lin 2021 cluster type. The overlap-count scheme does not say
     * whether overlapping chromosomes also touch, so every overlap count maps to OVERLAPPING (lossy).
     */
    public ClusterType toClusterType(String label) {
        if (!labels.contains(label)) {
            throw new IllegalArgumentException("unknown cluster type '" + label + "' in scheme " + name()
                    + ", expected one of " + String.join(", ", labels));
        }
        return switch (label) {
            case "instance" -> ClusterType.INSTANCE;
            case "touching" -> ClusterType.TOUCHING;
            case "touching-overlapping" -> ClusterType.TOUCHING_OVERLAPPING;
            default -> ClusterType.OVERLAPPING;
        };
    }
}
