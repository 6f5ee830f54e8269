package org.karyolab.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.karyolab.schema.json.SchemaJson;

/**
 * The JSON document columns. Written with {@link SchemaJson#write} (the one codec); read back
 * with its mapper but without re-validating: what was stored must stay readable even if the
 * validation rules become stricter later.
 */
final class Documents {
    private Documents() {}

    static String write(Object value) {
        return SchemaJson.write(value);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return SchemaJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + type.getSimpleName() + " document cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
