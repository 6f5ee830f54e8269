package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

import java.util.List;

/** The outcome of an atomic batch: everything saved, or nothing. */
public sealed interface BatchResult {

    /** Every change committed; {@code saved.get(i)} is the result of change {@code i}. */
    record Applied(List<Annotation> saved) implements BatchResult {
        public Applied {
            saved = List.copyOf(saved);
        }
    }

    /**
     * Change {@code index} could not be applied ({@code reason} is a {@link SaveResult.Conflict} or
     * {@link SaveResult.NotFound}); the whole batch was rolled back.
     */
    record Rejected(int index, SaveResult reason) implements BatchResult {}
}
