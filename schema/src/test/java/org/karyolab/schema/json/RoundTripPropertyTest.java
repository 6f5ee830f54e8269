package org.karyolab.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.Generators;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.shape.Shape;

/** Random valid values of every type survive write -> read unchanged, and decode without violations. */
class RoundTripPropertyTest {

    private static <T extends Validatable> void roundTrips(T value, Class<T> type) {
        assertThat(value.validate()).as("generated value must be valid").isEmpty();
        String json = SchemaJson.write(value);
        Decoded<T> decoded = SchemaJson.read(json, type);
        assertThat(decoded.violations()).as(json).isEmpty();
        assertThat(decoded.orElseThrow()).isEqualTo(value);
        assertThat(SchemaJson.write(decoded.orElseThrow())).as("stable output").isEqualTo(json);
    }

    @Property(tries = 300)
    void documents(@ForAll("documents") AnnotationDocument document) {
        roundTrips(document, AnnotationDocument.class);
    }

    @Property(tries = 300)
    void annotationsWithTheirImageSize(@ForAll("annotations") Annotation annotation) {
        assertThat(annotation.validate(640, 480)).isEmpty();
        Decoded<Annotation> decoded = SchemaJson.readAnnotation(SchemaJson.write(annotation), 640, 480);
        assertThat(decoded).isEqualTo(new Decoded.Ok<>(annotation));
    }

    @Property(tries = 500)
    void shapes(@ForAll("shapes") Shape shape) {
        assertThat(shape.validate(40, 30)).isEmpty();
        roundTrips(shape, Shape.class);
    }

    @Property
    void labels(@ForAll("labels") AnnotationLabels labels) {
        roundTrips(labels, AnnotationLabels.class);
    }

    @Property
    void provenances(@ForAll("provenances") Provenance provenance) {
        roundTrips(provenance, Provenance.class);
    }

    @Property
    void images(@ForAll("images") ImageAsset image) {
        roundTrips(image, ImageAsset.class);
    }

    @Property
    void imageLabels(@ForAll("imageLabels") ImageLabels labels) {
        roundTrips(labels, ImageLabels.class);
    }

    @Property
    void labelSets(@ForAll("labelSets") LabelSet labelSet) {
        roundTrips(labelSet, LabelSet.class);
    }

    @Property
    void projects(@ForAll("projects") Project project) {
        roundTrips(project, Project.class);
    }

    /** The decoder never throws, whatever it is given; bad input always yields at least one violation. */
    @Property(tries = 500)
    void decodingArbitraryTextNeverThrows(@ForAll("junk") String junk) {
        Decoded<AnnotationDocument> decoded = SchemaJson.read(junk, AnnotationDocument.class);
        assertThat(decoded.ok() || !decoded.violations().isEmpty()).isTrue();
    }

    /** Breaking one value of a valid document is reported, with a pointer, and never throws. */
    @Property(tries = 300)
    void corruptingOneValueIsReported(@ForAll("documents") AnnotationDocument document,
                                      @ForAll("replacements") String replacement, @ForAll long seed) {
        String json = SchemaJson.write(document);
        List<int[]> spans = valueSpans(json);
        int[] span = spans.get((int) Math.floorMod(seed, (long) spans.size()));
        String broken = json.substring(0, span[0]) + replacement + json.substring(span[1]);
        Decoded<AnnotationDocument> decoded = SchemaJson.read(broken, AnnotationDocument.class);
        assertThat(decoded.violations()).allSatisfy(v -> assertThat(v.pointer()).matches("(/[^/]*)*"));
    }

    /** Start/end of every scalar after a colon: "key":<value>. */
    private static List<int[]> valueSpans(String json) {
        var spans = new java.util.ArrayList<int[]>();
        var m = java.util.regex.Pattern.compile(":(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.eE+]+|true|false)").matcher(json);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        return spans;
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.of("\"25\"", "-1", "0", "1.5", "null", "\"\"", "\"9q3x\"", "[]", "{}", "true", "\"NaN\"", "1e999", "99999999999", "\"x\"");
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("{}[]\":,0123456789abcnulltrue ").ofMaxLength(40),
                Arbitraries.of("{}", "[]", "null", "1", "\"s\"", "{\"version\":1}", "{\"image\":null}", "{\"annotations\":[null]}"));
    }

    @Provide
    Arbitrary<AnnotationDocument> documents() {
        return Generators.documents();
    }

    @Provide
    Arbitrary<Annotation> annotations() {
        return Generators.annotations("img", 640, 480);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Generators.shapes(40, 30);
    }

    @Provide
    Arbitrary<AnnotationLabels> labels() {
        return Generators.labels();
    }

    @Provide
    Arbitrary<Provenance> provenances() {
        return Generators.provenances();
    }

    @Provide
    Arbitrary<ImageAsset> images() {
        return Generators.images();
    }

    @Provide
    Arbitrary<ImageLabels> imageLabels() {
        return Generators.imageLabels();
    }

    @Provide
    Arbitrary<LabelSet> labelSets() {
        return Generators.labelSets();
    }

    @Provide
    Arbitrary<Project> projects() {
        return Generators.projects();
    }
}
