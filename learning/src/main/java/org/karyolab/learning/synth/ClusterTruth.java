package org.karyolab.learning.synth;

import java.util.List;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.shape.Box;

/**
 * A group of chromosomes whose masks touch or overlap, with its cluster type computed from the masks:
 * {@code overlapping} when every linked pair shares pixels, {@code touching} when every linked pair is only
 * adjacent, {@code touching-overlapping} when both happen.
 *
 * @param members indexes of its chromosomes ({@link ChromosomeTruth#index()}), ascending
 * @param box     the box around the members' masks
 */
public record ClusterTruth(List<Integer> members, ClusterType type, Box box) {

    public ClusterTruth {
        members = List.copyOf(members);
    }
}
