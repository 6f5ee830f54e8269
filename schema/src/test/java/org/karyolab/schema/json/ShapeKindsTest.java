package org.karyolab.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * Every kind of {@link Shape} is whole: named for JSON in {@code @JsonSubTypes} (which {@link Shape#TYPE_NAMES} and
 * {@link Shape#type()} read), a branch of the published JSON Schema (which names no other type), decoded back to
 * itself, and checked against the image it is on. A new kind (a record added to Shape's {@code permits}) fails here
 * until it is all of these (docs/CONTRIBUTING.md).
 */
class ShapeKindsTest {

    static final int WIDTH = 100;
    static final int HEIGHT = 80;

    /** A valid shape of each kind on a {@value #WIDTH} x {@value #HEIGHT} image; a new kind needs one here. */
    static final Map<Class<?>, Shape> SAMPLES = Map.of(
            Box.class, new Box(10, 12, 30, 20),
            RotatedBox.class, new RotatedBox(50, 40, 30, 12, 35),
            Polygon.class, new Polygon(List.of(new Point(10, 10), new Point(40, 12), new Point(25, 50)), List.of()),
            Mask.class, Mask.encode(WIDTH, HEIGHT, stripe()),
            Keypoints.class, new Keypoints(Map.of(Keypoints.P_TER, new Point(20, 10), Keypoints.CENTROMERE, new Point(22, 30))),
            Polyline.class, new Polyline(List.of(new Point(5, 5), new Point(30, 40), new Point(60, 42))));

    static final List<Class<?>> KINDS = Arrays.asList(Shape.class.getPermittedSubclasses());

    @Test
    void typeNamesAreTheJsonNamesInTheOrderShapePermitsThem() {
        assertThat(Shape.TYPE_NAMES).containsExactlyElementsOf(KINDS.stream().map(ShapeKindsTest::jsonName).toList());
        assertThat(SAMPLES.keySet()).as("a sample of each kind, and of no other class").containsExactlyInAnyOrderElementsOf(KINDS);
    }

    @Test
    void theJsonSchemaNamesTheSameTypesInTheSameOrderAndNoOther() {
        JsonNode schema = schemaDocument();
        var enumerated = new ArrayList<String>();
        schema.at("/properties/type/enum").forEach(n -> enumerated.add(n.asText()));
        assertThat(enumerated).as("properties.type.enum").containsExactlyElementsOf(Shape.TYPE_NAMES);
        assertThat(branches(schema)).as("the oneOf branches' type constants").containsExactlyElementsOf(Shape.TYPE_NAMES);
    }

    @TestFactory
    Stream<DynamicTest> everyKindIsInTheJsonSchemaDecodesToItselfAndIsCheckedAgainstItsImage() {
        JsonNode schema = schemaDocument();
        return KINDS.stream().map(kind -> DynamicTest.dynamicTest(kind.getSimpleName(), () -> {
            String name = jsonName(kind);
            assertThat(schema.at("/properties/type/enum")).as("the schema's type names").contains(TextNode.valueOf(name));
            assertThat(branches(schema)).as("a oneOf branch whose type is '%s'", name).contains(name);

            Shape sample = SAMPLES.get(kind);
            assertThat(sample).as("a sample of %s in ShapeKindsTest.SAMPLES", kind.getSimpleName()).isNotNull();
            assertThat(sample.type()).as("Shape.type()").isEqualTo(name);
            String json = SchemaJson.write(sample);
            assertThat(SchemaJson.mapper().readTree(json).get("type").asText()).as("the type the codec writes").isEqualTo(name);
            assertThat(ExamplesTest.schema("shape").validate(SchemaJson.mapper().readTree(json))).as("JSON Schema errors of " + json)
                    .isEmpty();
            assertThat(SchemaJson.readShape(json, WIDTH, HEIGHT).orElseThrow()).isEqualTo(sample);
            assertThat(sample.validate(WIDTH, HEIGHT)).as("the sample on its image").isEmpty();
            assertThat(sample.validate(2, 2)).as("the sample on a 2 x 2 image, which it does not fit").isNotEmpty();
        }));
    }

    private static String jsonName(Class<?> kind) {
        return Arrays.stream(Shape.class.getAnnotation(JsonSubTypes.class).value()).filter(t -> t.value() == kind)
                .map(JsonSubTypes.Type::name).findFirst()
                .orElseThrow(() -> new AssertionError(kind.getSimpleName() + " has no name in Shape's @JsonSubTypes"));
    }

    /** The type constant of each branch of the schema's oneOf. */
    private static List<String> branches(JsonNode schema) {
        var names = new ArrayList<String>();
        for (JsonNode ref : schema.get("oneOf")) {
            names.add(schema.at(ref.get("$ref").asText().substring(1) + "/properties/type/const").asText());
        }
        return names;
    }

    private static JsonNode schemaDocument() {
        try {
            return SchemaJson.mapper().readTree(ExamplesTest.read(ExamplesTest.BASE + "json-schema/shape.schema.json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A band of rows 20..39 set. */
    private static boolean[] stripe() {
        var pixels = new boolean[WIDTH * HEIGHT];
        Arrays.fill(pixels, 20 * WIDTH, 40 * WIDTH, true);
        return pixels;
    }
}
