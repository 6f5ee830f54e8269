package org.karyolab.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.Generators;
import org.karyolab.schema.json.SchemaJson;

/** One list of shape type names ({@code @JsonSubTypes} on {@link Shape}); everything else is held to it. */
class ShapeTypesTest {

    @Test
    void theSubtypesAreExactlyTheSealedPermitsInOrder() {
        List<Class<?>> listed = Arrays.stream(Shape.class.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value).toList();
        assertThat(listed).containsExactly(Shape.class.getPermittedSubclasses());
        assertThat(Shape.TYPE_NAMES).containsExactly("box", "rotated-box", "polygon", "mask", "keypoints", "polyline");
    }

    @Test
    void thePublishedJsonSchemaListsTheSameTypes() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/org/karyolab/schema/json-schema/shape.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        var enumerated = new ArrayList<String>();
        schema.path("properties").path("type").path("enum").forEach(n -> enumerated.add(n.asText()));
        assertThat(enumerated).as("properties.type.enum").containsExactlyElementsOf(Shape.TYPE_NAMES);

        // Each oneOf branch's definition fixes one type, in the same order.
        var branches = new ArrayList<String>();
        for (JsonNode ref : schema.path("oneOf")) {
            String name = ref.path("$ref").asText().substring("#/$defs/".length());
            branches.add(schema.path("$defs").path(name).path("properties").path("type").path("const").asText());
        }
        assertThat(branches).as("oneOf consts").containsExactlyElementsOf(Shape.TYPE_NAMES);
    }

    @Property(tries = 100)
    void typeIsWhatTheCodecWrites(@ForAll("shapes") Shape s) throws IOException {
        Map<String, Object> json = new ObjectMapper().readValue(SchemaJson.write(s), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(json.get("type")).isEqualTo(s.type());
        assertThat(json.keySet()).as("no geometry leaks into the JSON").doesNotContain("bounds", "area");
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Generators.shapes(20, 10);
    }
}
