package org.karyolab.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.schema.shape.Shape;

/** Every published example is valid against its JSON Schema AND decodes with SchemaJson without violations. */
class ExamplesTest {

    static final String BASE = "org/karyolab/schema/";
    /** Example files are named {@code <schema>.<anything>.json}; the prefix picks the schema and the Java type. */
    static final Map<String, Class<?>> TYPES = Map.of(
            "annotation-document", AnnotationDocument.class,
            "annotation", Annotation.class,
            "shape", Shape.class,
            "image-asset", ImageAsset.class,
            "project", Project.class,
            "label-set", LabelSet.class);

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://karyolab.org/schema/", "classpath:" + BASE + "json-schema/")));

    static JsonSchema schema(String name) {
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return FACTORY.getSchema(SchemaLocation.of("https://karyolab.org/schema/" + name + ".schema.json"), config);
    }

    static List<Path> examples() throws URISyntaxException, IOException {
        Path dir = Path.of(ExamplesTest.class.getClassLoader().getResource(BASE + "examples").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static String read(String resource) throws IOException {
        try (InputStream in = ExamplesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thereAreExamplesOfEverySchema() throws Exception {
        var prefixes = examples().stream().map(p -> p.getFileName().toString().split("\\.")[0]).distinct().toList();
        assertThat(prefixes).containsExactlyInAnyOrderElementsOf(TYPES.keySet());
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(12);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsSchemaValidAndDecodes() throws Exception {
        return examples().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String name = path.getFileName().toString();
            String prefix = name.split("\\.")[0];
            String json = Files.readString(path);
            JsonNode node = SchemaJson.mapper().readTree(json);

            assertThat(schema(prefix).validate(node)).as("JSON Schema errors").isEmpty();

            Decoded<?> decoded = SchemaJson.read(json, TYPES.get(prefix));
            assertThat(decoded.violations()).as("decoder violations").isEmpty();
            // Written back, it is the same JSON (no field lost or renamed).
            JsonNode written = SchemaJson.mapper().readTree(SchemaJson.write(decoded.orElseThrow()));
            assertThat(written.equals(SAME_NUMBER, withDefaults(node, prefix))).as("written back: " + written).isTrue();
        }));
    }

    /** The writer always writes empty lists; examples may omit them. */
    private static JsonNode withDefaults(JsonNode node, String prefix) {
        JsonNode copy = node.deepCopy();
        if (prefix.equals("annotation-document")) {
            var doc = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
            if (!doc.has("imageLabels")) {
                doc.putObject("imageLabels");
            }
            var labels = (com.fasterxml.jackson.databind.node.ObjectNode) doc.get("imageLabels");
            if (!labels.has("quality")) {
                labels.putArray("quality");
            }
            doc.get("annotations").forEach(ExamplesTest::annotationDefaults);
        } else if (prefix.equals("annotation")) {
            annotationDefaults(copy);
        } else if (prefix.equals("label-set") && !copy.has("anomalyVocabulary")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).putArray("anomalyVocabulary");
        }
        return copy;
    }

    private static void annotationDefaults(JsonNode annotation) {
        var a = (com.fasterxml.jackson.databind.node.ObjectNode) annotation;
        if (!a.has("labels")) {
            a.putObject("labels");
        }
        var labels = (com.fasterxml.jackson.databind.node.ObjectNode) a.get("labels");
        if (!labels.has("bands")) {
            labels.putArray("bands");
        }
        if (!labels.has("anomalies")) {
            labels.putArray("anomalies");
        }
        if (a.get("shape").get("type").asText().equals("polygon") && !a.get("shape").has("holes")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) a.get("shape")).putArray("holes");
        }
    }

    /** 10 and 10.0 are the same number. */
    private static final java.util.Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.asDouble() == b.asDouble() ? 0 : 1;
}
