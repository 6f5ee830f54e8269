package org.karyolab.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.shape.Box;

/** Each wither changes its own field(s) and keeps every other one. */
class AnnotationWithersTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-05-02T11:00:00Z");

    private static Annotation sample() {
        return new Annotation("a1", "img", new Box(1, 2, 3, 4), AnnotationLabels.ofClass(ChromosomeClass.of(7), null),
                Provenance.human("ana"), 3, AnnotationStatus.SUBMITTED, T0, T1);
    }

    @Test
    void eachWitherChangesOnlyItsField() {
        Annotation a = sample();
        var shape = new Box(5, 6, 7, 8);
        var labels = AnnotationLabels.ofClass(ChromosomeClass.of(9), null);
        var provenance = Provenance.suggestion("bob", "m", "1", true);
        Instant later = T1.plusSeconds(60);

        assertThat(a.withId("b2")).isEqualTo(new Annotation("b2", "img", a.shape(), a.labels(), a.provenance(), 3,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withImageId("other")).isEqualTo(new Annotation("a1", "other", a.shape(), a.labels(), a.provenance(), 3,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withShape(shape)).isEqualTo(new Annotation("a1", "img", shape, a.labels(), a.provenance(), 3,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withLabels(labels)).isEqualTo(new Annotation("a1", "img", a.shape(), labels, a.provenance(), 3,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withProvenance(provenance)).isEqualTo(new Annotation("a1", "img", a.shape(), a.labels(), provenance, 3,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withContent(shape, labels, provenance)).isEqualTo(new Annotation("a1", "img", shape, labels, provenance, 3,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withRevision(4)).isEqualTo(new Annotation("a1", "img", a.shape(), a.labels(), a.provenance(), 4,
                AnnotationStatus.SUBMITTED, T0, T1));
        assertThat(a.withStatus(AnnotationStatus.ACCEPTED)).isEqualTo(new Annotation("a1", "img", a.shape(), a.labels(),
                a.provenance(), 3, AnnotationStatus.ACCEPTED, T0, T1));
        assertThat(a.withTimes(T1, later)).isEqualTo(new Annotation("a1", "img", a.shape(), a.labels(), a.provenance(), 3,
                AnnotationStatus.SUBMITTED, T1, later));
        assertThat(a.withUpdatedAt(later)).isEqualTo(new Annotation("a1", "img", a.shape(), a.labels(), a.provenance(), 3,
                AnnotationStatus.SUBMITTED, T0, later));
    }

    @Test
    void nullsAreKeptAsTheConstructorKeepsThem() {
        Annotation a = sample();
        assertThat(a.withStatus(null).status()).isNull();
        assertThat(a.withTimes(null, null).createdAt()).isNull();
        assertThat(a.withLabels(null).labels()).as("null labels read as empty, as in the constructor")
                .isEqualTo(AnnotationLabels.EMPTY);
    }

    @Property(tries = 100)
    void settingAFieldToItsOwnValueChangesNothing(@ForAll("annotations") Annotation a) {
        assertThat(a.withId(a.id()).withImageId(a.imageId()).withShape(a.shape()).withLabels(a.labels())
                .withProvenance(a.provenance()).withRevision(a.revision()).withStatus(a.status())
                .withTimes(a.createdAt(), a.updatedAt())).isEqualTo(a);
    }

    @Provide
    Arbitrary<Annotation> annotations() {
        return Generators.annotations("img", 64, 48);
    }
}
