package org.karyolab.schema.api;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Violation;

/** The body of a batch save: {@code {"changes": [{"op": "create"|"update"|"delete", ...}]}}, all or nothing. */
public record BatchRequest(List<BatchOperation> changes) implements WellFormed {

    @Override
    public List<Violation> malformations() {
        if (changes == null) return List.of(new Violation("/changes", "changes is required (a list, may be empty)"));
        var out = new ArrayList<Violation>();
        for (int i = 0; i < changes.size(); i++) {
            BatchOperation change = changes.get(i);
            String at = "/changes/" + i;
            if (change == null) out.add(new Violation(at, "a change must be an object"));
            else change.malformations().forEach(v -> out.add(v.prefixed(at)));
        }
        return out;
    }
}
