package org.karyolab.client.net;

import java.util.List;

/** One page of a list; {@code next} is the cursor for the following page, null on the last. */
public record Page<T>(List<T> items, String next) {

    public boolean last() {
        return next == null;
    }
}
