package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

import java.util.List;
import java.util.Set;

/** The outcome of an atomic batch: everything saved, or nothing. */
public sealed interface BatchResult {

    /**
     * Every change committed; {@code saved.get(i)} is the result of change {@code i}. {@code unchanged} holds
     * the indices of changes that had already been made (retried creates, {@link SaveResult.Unchanged}):
     * nothing was written for them.
     */
    record Applied(List<Annotation> saved, Set<Integer> unchanged) implements BatchResult {
        public Applied {
            saved = List.copyOf(saved);
            unchanged = Set.copyOf(unchanged);
        }

        public Applied(List<Annotation> saved) {
            this(saved, Set.of());
        }

        /** Whether change {@code index} wrote a revision. */
        public boolean written(int index) {
            return !unchanged.contains(index);
        }
    }

    /**
     * Change {@code index} could not be applied ({@code reason} is a {@link SaveResult.Conflict} or
     * {@link SaveResult.NotFound}); the whole batch was rolled back.
     */
    record Rejected(int index, SaveResult reason) implements BatchResult {}
}
