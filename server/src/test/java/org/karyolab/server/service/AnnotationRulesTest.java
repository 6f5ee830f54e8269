package org.karyolab.server.service;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ClusterTypeScheme;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Violation;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind every annotation save without a server: the document limit, and what a label set lets through. */
class AnnotationRulesTest {

    private static Polygon circle(int points) {
        List<Point> ring = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            ring.add(new Point(100 + 40 * Math.cos(t), 50 + 40 * Math.sin(t)));
        }
        return new Polygon(ring);
    }

    private static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    @Test
    void aDocumentOverItsByteLimitIsRefusedAsAWholeWhenEveryFieldIsWithinItsOwn() {
        // a tiny document limit: 2,000 points are within the ring limit but not within 64 KB of JSON
        var limits = new AnnotationRules.Limits(10_000, 100, 20_000, 100_000, 512, 50, 1_000, 200, 64 * 1024);
        var rules = new AnnotationRules(null, limits);
        List<Violation> big = rules.tooLarge(circle(2_000), AnnotationLabels.EMPTY, Provenance.human("ann"));
        assertThat(pointers(big)).containsExactly("");
        assertThat(big.getFirst().message()).contains("at most 65536 bytes");
        assertThat(rules.tooLarge(circle(200), AnnotationLabels.EMPTY, Provenance.human("ann"))).isEmpty();
        // the default limit holds the largest polygon the field limits allow
        assertThat(new AnnotationRules(null).tooLarge(circle(10_000), AnnotationLabels.EMPTY, Provenance.human("ann"))).isEmpty();
    }

    @Test
    void theFieldLimitsAreCheckedBeforeTheDocumentAndEachIsNamed() {
        var rules = new AnnotationRules(null);
        var holes = new ArrayList<List<Point>>();
        for (int i = 0; i < 101; i++) holes.add(List.of(new Point(1, 1), new Point(2, 1), new Point(2, 2)));
        assertThat(pointers(rules.tooLarge(new Polygon(circle(10).exterior(), holes), null, null))).containsExactly("/shape/holes");
        var manyHoles = new ArrayList<List<Point>>();
        for (int i = 0; i < 3; i++) manyHoles.add(circle(8_000).exterior());
        assertThat(pointers(rules.tooLarge(new Polygon(circle(10).exterior(), manyHoles), null, null)))
                .as("each ring within its limit, all of them over the polygon's").containsExactly("/shape");
        assertThat(pointers(rules.tooLarge(circle(10), null, new Provenance("a".repeat(201), null, null, null))))
                .containsExactly("/provenance/author");
    }

    private static AnnotationLabels anomalies(String... anomalies) {
        return new AnnotationLabels(null, null, null, List.of(), List.of(anomalies));
    }

    @Test
    void theVocabularyCoversDerivativesAndTheirEventsAndWholeChromosomeChangesBySignOrTerm() {
        var set = new LabelSet(List.of(ChromosomeClass.values()), ClusterTypeScheme.LIN_2021, List.of("der", "+21", "-"));
        var v = new AnnotationRules.Vocabulary(set, BandLevel.B400);
        assertThat(v.check(anomalies("+21", "-7"))).isEmpty();
        assertThat(pointers(v.check(anomalies("+8")))).containsExactly("/labels/anomalies/0");
        List<Violation> der = v.check(anomalies("der(22)t(9;22)(q34;q11.2)"));
        assertThat(der).hasSize(1);
        assertThat(der.getFirst().message()).contains("'t'");
        assertThat(v.check(anomalies("der(5)"))).isEmpty();
        assertThat(pointers(v.check(anomalies("mar", "2~30dmin")))).containsExactly("/labels/anomalies/0", "/labels/anomalies/1");
        assertThat(v.check(anomalies("+21[10]")).getFirst().message()).contains("not a karyotype");
    }

    @Test
    void bandsAreCheckedAtTheLevelOrAtAnyWhenNeitherImageNorProjectSaysOne() {
        var set = LabelSet.standard();
        var calls = new AnnotationLabels(ChromosomeClass.C9, null, null,
                List.of(new BandCall(BandName.parse("9q34.11"), 0, 0.5), new BandCall(BandName.parse("cen"), 0.5, 0.6)), List.of());
        assertThat(pointers(new AnnotationRules.Vocabulary(set, BandLevel.B400).check(calls))).containsExactly("/labels/bands/0/band");
        assertThat(new AnnotationRules.Vocabulary(set, BandLevel.B850).check(calls)).isEmpty();
        assertThat(new AnnotationRules.Vocabulary(set, null).check(calls)).isEmpty();
        var terminal = new AnnotationLabels(ChromosomeClass.C9, null, null, List.of(new BandCall(BandName.parse("9qter"), 0.9, 1)), List.of());
        assertThat(pointers(new AnnotationRules.Vocabulary(set, null).check(terminal))).containsExactly("/labels/bands/0/band");
    }

    @Test
    void theOverlapCountSchemeStoresOnlyTouchingAndOverlapping() {
        var set = new LabelSet(List.of(ChromosomeClass.C1), ClusterTypeScheme.OVERLAP_COUNT, List.of());
        var v = new AnnotationRules.Vocabulary(set, null);
        assertThat(v.check(AnnotationLabels.ofCluster(ClusterType.TOUCHING))).isEmpty();
        assertThat(v.check(AnnotationLabels.ofCluster(ClusterType.OVERLAPPING))).isEmpty();
        assertThat(pointers(v.check(AnnotationLabels.ofCluster(ClusterType.INSTANCE)))).containsExactly("/labels/clusterType");
        assertThat(pointers(v.check(AnnotationLabels.ofCluster(ClusterType.TOUCHING_OVERLAPPING)))).containsExactly("/labels/clusterType");
    }
}
