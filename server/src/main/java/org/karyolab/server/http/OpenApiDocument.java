package org.karyolab.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The API contract as served: the hand-written {@code openapi/openapi.yaml} with the published domain
 * schemas bundled in. The file refers to those by their {@code $id} (https://karyolab.org/schema/...),
 * with a stub for each under {@code components/schemas}; here every stub is replaced by the schema itself
 * and every such reference becomes a local {@code #/components/schemas/...} one, so a client needs
 * nothing but this one document.
 */
public final class OpenApiDocument {

    static final String RESOURCE = "/openapi/openapi.yaml";
    static final String SCHEMA_BASE = "https://karyolab.org/schema/";
    private static final String SCHEMA_RESOURCES = "/org/karyolab/schema/json-schema/";

    private final JsonNode document;
    private final String yaml;
    private final String json;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        try {
            // Jackson's default quoting keeps every string a string ("1", "200", "null"), which minimized quotes would not.
            this.yaml = new YAMLMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
                    .writeValueAsString(document);
            this.json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and bundles the document; fails (at start-up) if it refers to a published schema it has no stub for. */
    public static OpenApiDocument load() {
        ObjectNode root = (ObjectNode) read(new YAMLMapper(), RESOURCE);
        ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
        Map<String, String> names = new HashMap<>(); // published schema URL -> component name
        schemas.properties().forEach(e -> {
            JsonNode ref = e.getValue().get("$ref");
            if (e.getValue().size() == 1 && ref != null && ref.asText().startsWith(SCHEMA_BASE)) {
                names.put(ref.asText(), e.getKey());
            }
        });
        for (var entry : names.entrySet()) {
            String file = entry.getKey().substring(SCHEMA_BASE.length());
            ObjectNode schema = (ObjectNode) read(new ObjectMapper(), SCHEMA_RESOURCES + file);
            schema.remove("$schema");
            schema.remove("$id"); // its relative references are made absolute below, so the base is no longer needed
            absolutize(schema, URI.create(entry.getKey()));
            schemas.set(entry.getValue(), schema);
        }
        localize(root, names);
        return new OpenApiDocument(root);
    }

    /** The bundled document as a tree (for tests). */
    public JsonNode tree() {
        return document.deepCopy();
    }

    public String yaml() {
        return yaml;
    }

    public String json() {
        return json;
    }

    /** Makes every {@code $ref} of a published schema absolute, against the schema's own URL. */
    private static void absolutize(JsonNode node, URI base) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) object.set("$ref", TextNode.valueOf(base.resolve(ref.asText()).toString()));
        }
        node.forEach(child -> absolutize(child, base));
    }

    /** Turns every reference to a published schema into one to its component. */
    private static void localize(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_BASE)) {
                String[] parts = ref.asText().split("#", 2);
                String name = names.get(parts[0]);
                if (name == null) {
                    throw new IllegalStateException(RESOURCE + " refers to " + parts[0] + " but has no stub for it under "
                            + "components/schemas (add one: Name: {$ref: " + parts[0] + "})");
                }
                String fragment = parts.length == 2 ? parts[1] : "";
                object.set("$ref", TextNode.valueOf("#/components/schemas/" + name + fragment));
            }
        }
        node.forEach(child -> localize(child, names));
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
