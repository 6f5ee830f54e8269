package org.karyolab.learning.karyotype;

import java.util.List;
import java.util.function.Function;
import org.karyolab.schema.Violation;
import org.karyolab.schema.iscn.IscnIssue;

/**
 * What a karyotype request came to: the answer, or the violations that keep it from being one. The server turns it
 * into its own outcome (an HTTP answer), the command line into its exit status; learning knows nothing of either.
 */
public sealed interface KaryotypeOutcome<T> {

    record Done<T>(T value) implements KaryotypeOutcome<T> {}

    /**
     * The request broke the rules; {@code detail} says what in one line, {@code violations} where (JSON pointers);
     * {@code issues}, for a text that is not ISCN, each error placed in it (column, fix).
     */
    record Invalid<T>(String detail, List<Violation> violations, List<IscnIssue> issues) implements KaryotypeOutcome<T> {
        public Invalid {
            violations = List.copyOf(violations);
            issues = issues == null ? List.of() : List.copyOf(issues);
        }

        public Invalid(String detail, List<Violation> violations) {
            this(detail, violations, List.of());
        }
    }

    /** The same outcome with its answer transformed; an invalid one passes through. */
    default <R> KaryotypeOutcome<R> map(Function<? super T, ? extends R> f) {
        return then(value -> done(f.apply(value)));
    }

    /** The next step on the answer; an invalid one passes through. */
    default <R> KaryotypeOutcome<R> then(Function<? super T, KaryotypeOutcome<R>> next) {
        return switch (this) {
            case Done<T>(T value) -> next.apply(value);
            case Invalid<T>(String detail, List<Violation> violations, List<IscnIssue> issues) -> new Invalid<>(detail, violations, issues);
        };
    }

    static <T> KaryotypeOutcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> KaryotypeOutcome<T> invalid(String detail, List<Violation> violations) {
        return new Invalid<>(detail, violations);
    }
}
