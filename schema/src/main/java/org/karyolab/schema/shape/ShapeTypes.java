package org.karyolab.schema.shape;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON type names of the shapes, read once from {@link Shape}'s {@code @JsonSubTypes} (the codec's own list). */
final class ShapeTypes {

    private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();

    static {
        for (JsonSubTypes.Type t : Shape.class.getAnnotation(JsonSubTypes.class).value()) NAMES.put(t.value(), t.name());
    }

    private ShapeTypes() {
    }

    static List<String> names() {
        return List.copyOf(NAMES.values());
    }

    static String nameOf(Class<?> type) {
        String name = NAMES.get(type);
        if (name == null) throw new IllegalStateException(type + " is not in Shape's @JsonSubTypes");
        return name;
    }
}
