package org.karyolab.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.QualityFlag;
import org.karyolab.schema.Violation;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Shape;

class SchemaJsonTest {

    static final Annotation ANNOTATION = new Annotation("a1", "img", new Box(1, 2, 3, 4),
            AnnotationLabels.ofClass(ChromosomeClass.X, Polarity.P_DOWN), Provenance.human("alice"), 2,
            AnnotationStatus.SUBMITTED, Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:00:00.5Z"));

    @Test
    void writesJsonSpellingsIsoInstantsAndNoNulls() {
        String json = SchemaJson.write(ANNOTATION);
        assertThat(json).contains("\"shape\":{\"type\":\"box\",\"x\":1.0")
                .contains("\"chromosomeClass\":\"X\"", "\"polarity\":\"p-down\"", "\"status\":\"submitted\"",
                        "\"source\":\"human\"", "\"createdAt\":\"2024-05-01T10:00:00Z\"", "\"updatedAt\":\"2024-05-01T10:00:00.500Z\"")
                .doesNotContain("null", "modelId", "clusterType");
        assertThat(SchemaJson.write(BandLevel.B550)).isEqualTo("550");
        assertThat(SchemaJson.write(ClusterType.TOUCHING_OVERLAPPING)).isEqualTo("\"touching-overlapping\"");
        assertThat(SchemaJson.write(new ImageLabels(null, Set.of(QualityFlag.LOW_CONTRAST, QualityFlag.BLURRED))))
                .isEqualTo("{\"quality\":[\"blurred\",\"low-contrast\"]}");
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(SchemaJson.read(SchemaJson.write(ANNOTATION), Annotation.class)).isEqualTo(new Decoded.Ok<>(ANNOTATION));
    }

    @Test
    void readAnnotationChecksTheImageBoundsButReadDoesNot() {
        String json = SchemaJson.write(ANNOTATION);
        assertThat(SchemaJson.read(json, Annotation.class).ok()).isTrue();
        assertThat(SchemaJson.readAnnotation(json, 2, 100).violations())
                .containsExactly(new Violation("/shape/width", "right edge x + width = 4.0 is beyond the image width 2 (1 px tolerance)"));
    }

    @Test
    void shapesArePolymorphicOnType() {
        Shape shape = SchemaJson.read("{\"type\":\"polyline\",\"points\":[{\"x\":1,\"y\":1},{\"x\":2,\"y\":3}]}", Shape.class).orElseThrow();
        assertThat(shape).isInstanceOf(org.karyolab.schema.shape.Polyline.class);
        assertThat(SchemaJson.readShape("{\"type\":\"box\",\"x\":1,\"y\":1,\"width\":2,\"height\":2}", 1, 1).violations())
                .extracting(Violation::pointer).containsExactly("/width", "/height");
    }

    @Test
    void structuralAndSemanticProblemsComeTogether() {
        String json = """
                {"id":"a1","imageId":"img","shape":{"type":"box","x":1,"y":2,"width":-3,"height":4},
                 "labels":{"chromosomeClass":"Z","clusterType":"touching","polarity":"p-up"},
                 "provenance":{"author":"alice","source":"human"},"revision":1,"status":"draft",
                 "createdAt":"2024-05-01T10:00:00Z","updatedAt":"2024-05-01T10:00:00Z","extra":true}""";
        assertThat(SchemaJson.read(json, Annotation.class).violations()).containsExactlyInAnyOrder(
                new Violation("/labels/chromosomeClass", "unknown chromosome class 'Z', expected 1-22, X or Y"),
                new Violation("/extra", "unknown property 'extra', expected one of createdAt, id, imageId, labels, "
                        + "provenance, revision, shape, status, updatedAt"),
                new Violation("/shape/width", "width must be greater than 0 (was -3.0)"),
                new Violation("/labels/polarity", "clusterType 'touching' describes several chromosomes, so it cannot have a polarity"));
    }

    @Test
    void decodedOrElseThrowListsEveryViolation() {
        Decoded<Annotation> invalid = SchemaJson.read("{\"id\":1.5,\"nope\":1}", Annotation.class);
        assertThat(invalid.ok()).isFalse();
        assertThatThrownBy(invalid::orElseThrow).hasMessageContaining("/id: expected a string")
                .hasMessageContaining("/nope: unknown property")
                .hasMessageContaining("/revision: revision is required, expected an integer");
        assertThatThrownBy(() -> new Decoded.Invalid<>(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMapperIsSharedAndStrict() {
        assertThat(SchemaJson.mapper()).isSameAs(SchemaJson.mapper());
        assertThat(SchemaJson.read("{\"chromosomeClasses\":[\"1\"],\"clusterTypeScheme\":\"lin-2021\"} []",
                org.karyolab.schema.LabelSet.class).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("malformed JSON"));
    }
}
