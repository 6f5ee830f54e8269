package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a list; {@code next} is the cursor for the following page, null (sent as null) on the last. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean last() {
        return next == null;
    }
}
