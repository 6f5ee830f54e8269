package org.karyolab.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Box;

/** Self-contradictions within one value, and the provenance rule. */
class ContradictionsTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    static Annotation annotation(AnnotationLabels labels, Provenance provenance) {
        return new Annotation("a1", "img", new Box(1, 1, 5, 5), labels, provenance, 1, AnnotationStatus.DRAFT, T0, T0);
    }

    @Test
    void provenanceRule() {
        assertThat(Provenance.human("alice").validate()).isEmpty();
        assertThat(Provenance.suggestion("alice", "det", "1.0", false).validate()).isEmpty();
        assertThat(Provenance.suggestion("alice", "det", "1.0", true).validate()).isEmpty();
        assertThat(new Provenance("alice", "det", null, AnnotationSource.HUMAN).validate()).extracting(Violation::pointer)
                .containsExactly("/modelId");
        assertThat(new Provenance("alice", null, null, AnnotationSource.SUGGESTION_EDITED).validate()).extracting(Violation::pointer)
                .containsExactly("/modelId", "/modelVersion");
        assertThat(new Provenance(null, "det", "1", AnnotationSource.SUGGESTION_ACCEPTED).validate())
                .containsExactly(new Violation("/author", "author is required"));
        assertThat(new Provenance(" ", null, null, null).validate()).extracting(Violation::pointer)
                .containsExactly("/author", "/source");
    }

    @Test
    void clusterTypeOtherThanInstanceCannotCarrySingleChromosomeLabels() {
        var labels = new AnnotationLabels(ChromosomeClass.C7, Polarity.P_UP, ClusterType.TOUCHING,
                List.of(new BandCall(BandName.parse("7q22"), 0.1, 0.2)), List.of());
        assertThat(labels.validate()).extracting(Violation::pointer)
                .containsExactly("/chromosomeClass", "/polarity", "/bands");
        assertThat(new AnnotationLabels(ChromosomeClass.C7, Polarity.P_UP, ClusterType.INSTANCE, List.of(), List.of()).validate())
                .isEmpty();
    }

    @Test
    void bandCallsMustBeOrderedFractionsOnTheLabelledChromosome() {
        var labels = new AnnotationLabels(ChromosomeClass.C21, null, null, List.of(
                new BandCall(BandName.parse("21q22"), 0.2, 0.4),
                new BandCall(BandName.parse("q21"), 0.6, 0.5),
                new BandCall(BandName.parse("9q34"), 0, Double.NaN),
                new BandCall(null, 0, 1)), List.of("+21", ""));
        assertThat(labels.validate()).containsExactly(
                new Violation("/bands/1/start", "start 0.6 is after end 0.5 (start must be <= end)"),
                new Violation("/bands/2/end", "end must be a finite number (was NaN)"),
                new Violation("/bands/2/band", "band 9q34 is on chromosome 9 but chromosomeClass is 21"),
                new Violation("/bands/3/band", "band is required"),
                new Violation("/anomalies/1", "anomaly must be non-blank ISCN text"));
    }

    @Test
    void annotationChecksTimesRevisionAndNestedValuesTogether() {
        var a = new Annotation(" ", null, null, null, null, 0, null, T0, T0.minusSeconds(1));
        assertThat(a.validate()).extracting(Violation::pointer).containsExactly(
                "/id", "/imageId", "/shape", "/provenance", "/revision", "/status", "/updatedAt");
        assertThat(a.labels()).isEqualTo(AnnotationLabels.EMPTY);
    }

    @Test
    void annotationWithImageSizeAlsoChecksBounds() {
        var a = annotation(AnnotationLabels.ofClass(ChromosomeClass.X, Polarity.P_DOWN), Provenance.human("bob"));
        assertThat(a.validate()).isEmpty();
        assertThat(a.validate(4, 4)).extracting(Violation::pointer).containsExactly("/shape/width", "/shape/height");
    }

    @Test
    void documentCrossChecksItsAnnotations() {
        var image = new ImageAsset("img", "a".repeat(64), 10, 10, 8, ImageKind.CHROMOSOME, Stain.G, null, "case", null, null);
        var good = annotation(AnnotationLabels.EMPTY, Provenance.human("bob"));
        var other = new Annotation("a1", "elsewhere", new Box(1, 1, 50, 5), null, Provenance.human("bob"), 1,
                AnnotationStatus.DRAFT, T0, T0);
        assertThat(AnnotationDocument.of(image, null, List.of(good, other)).validate()).extracting(Violation::pointer)
                .containsExactly("/annotations/1/shape/width", "/annotations/1/imageId", "/annotations/1/id");
    }

    @Test
    void imageAssetChecksEveryField() {
        var image = new ImageAsset("", "ABC", 0, -1, 7, null, null, null, null, "", " ");
        assertThat(image.validate()).extracting(Violation::pointer).containsExactly(
                "/id", "/sha256", "/width", "/height", "/bitDepth", "/kind", "/stain", "/caseId", "/source", "/licence");
    }

    @Test
    void labelSetAndProject() {
        assertThat(LabelSet.standard().validate()).isEmpty();
        assertThat(LabelSet.standard().chromosomeClasses()).hasSize(24);
        var xy = new LabelSet(List.of(ChromosomeClass.X, ChromosomeClass.Y), ClusterTypeScheme.LIN_2021, null);
        assertThat(xy.check(AnnotationLabels.ofClass(ChromosomeClass.C1, null)))
                .containsExactly(new Violation("/chromosomeClass", "chromosome class 1 is not in the project's label set"));
        assertThat(new Project("p", null, null, BandLevel.B550).validate())
                .containsExactly(new Violation("/labelSet", "labelSet is required"));
    }

    @Test
    void enumsParseTheirJsonSpelling() {
        assertThat(ChromosomeClass.parse("22")).isEqualTo(ChromosomeClass.C22);
        assertThat(ChromosomeClass.parse("Y").number()).isEqualTo(24);
        assertThat(ChromosomeClass.C21.group()).isEqualTo('G');
        assertThat(ChromosomeClass.X.autosome()).isFalse();
        assertThatThrownBy(() -> ChromosomeClass.parse("25")).hasMessageContaining("unknown chromosome class '25'");
        assertThatThrownBy(() -> ChromosomeClass.parse("07")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BandLevel.of(850)).isEqualTo(BandLevel.B850);
        assertThatThrownBy(() -> BandLevel.of(500)).hasMessageContaining("unknown band level 500");
        assertThat(ClusterTypeScheme.OVERLAP_COUNT.toClusterType("two-overlaps")).isEqualTo(ClusterType.OVERLAPPING);
        assertThat(ClusterTypeScheme.LIN_2021.toClusterType("touching-overlapping")).isEqualTo(ClusterType.TOUCHING_OVERLAPPING);
        assertThatThrownBy(() -> ClusterTypeScheme.LIN_2021.toClusterType("one-overlap")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validationHelpers() {
        assertThat(Validation.pointer("points", "a/b~c", 2)).isEqualTo("/points/a~1b~0c/2");
        assertThat(Validation.prefix("/shape", List.of(new Violation("/x", "m")))).containsExactly(new Violation("/shape/x", "m"));
        assertThat(new Violation("", "m")).hasToString("(root): m");
    }
}
