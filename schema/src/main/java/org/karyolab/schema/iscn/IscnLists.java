package org.karyolab.schema.iscn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Chromosome lists keep null for {@code ?}, which List.copyOf refuses. */
final class IscnLists {

    private IscnLists() {
    }

    static <T> List<T> copyAllowingNulls(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
