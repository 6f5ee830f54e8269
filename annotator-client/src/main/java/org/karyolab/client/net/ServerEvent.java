package org.karyolab.client.net;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One live event of a project (docs/API.md, Events): {@code type} such as {@code annotation-saved},
 * {@code suggestion-ready}, {@code resync}; {@code data} its JSON; {@code id} to resume after.
 */
public record ServerEvent(String id, String type, JsonNode data) {

    /** A text field of {@code data}, or null. */
    public String field(String name) {
        JsonNode v = data == null ? null : data.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
