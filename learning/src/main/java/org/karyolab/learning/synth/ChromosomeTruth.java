package org.karyolab.learning.synth;

import java.util.List;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Polyline;

/**
 * The ground truth of one drawn chromosome, in image pixel coordinates.
 *
 * @param index           its number in the image (0-based, in drawing order)
 * @param name            ISCN name: "5", "del(5)(p15.2)", "der(22)t(9;22)(q34;q11.2)"
 * @param chromosomeClass the class (the origin of its centromere)
 * @param anomalies       the ISCN text of its abnormality, empty for a normal chromosome
 * @param polarity        p arm up (p_ter above q_ter in the image) or down; null for a ring
 * @param mask            its pixels; overlap pixels belong to every chromosome that covers them
 * @param axis            the medial axis, p_ter to q_ter
 * @param keypoints       centromere, p_ter, q_ter (a ring has only its centromere)
 * @param bands           where its own bands lie along the axis, fractions of the axis length in [0, 1], pter to qter;
 *                        bands that came from another chromosome (a translocated segment) are not listed, a band call
 *                        names the labelled class
 * @param iscnLength      its length in ISCN units
 */
public record ChromosomeTruth(int index, String name, ChromosomeClass chromosomeClass, List<String> anomalies,
                              Polarity polarity, PixelMask mask, Polyline axis, Keypoints keypoints,
                              List<BandCall> bands, double iscnLength) {

    public ChromosomeTruth {
        anomalies = List.copyOf(anomalies);
        bands = List.copyOf(bands);
    }
}
