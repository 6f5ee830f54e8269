package org.karyolab.client.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.karyolab.schema.json.SchemaJson;

/**
 * The schema's codec ({@link SchemaJson}) for what the client writes; for what it reads, the same
 * codec tolerant of fields it does not know, so a newer server does not break an older client.
 */
public final class Json {

    private static final ObjectMapper READER = SchemaJson.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // coordinates are most of an image's annotations (10,000 shapes: ~10 MB of decimals): the fast parser, same values
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.USE_FAST_DOUBLE_PARSER);

    private Json() {
    }

    public static String write(Object value) {
        return SchemaJson.write(value);
    }

    public static JsonNode tree(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return READER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return READER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getType() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return READER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(JsonNode node, TypeReference<T> type) {
        return READER.convertValue(node, type);
    }

    public static JsonNode toTree(Object value) {
        return READER.valueToTree(value);
    }
}
