package org.karyolab.server.service;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.iscn.IscnIssue;

import java.util.List;

/**
 * What a service call came to. Expected failures are values, not exceptions, so each
 * caller (an HTTP route, the CLI, a test) must say what it does with each of them.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    /**
     * The input broke the rules; every violation, with its JSON pointer. {@code issues}: for a karyotype that is
     * not ISCN, each problem placed in the text (column, fix), which a client shows without reading the message.
     */
    record Invalid<T>(String detail, List<Violation> violations, List<IscnIssue> issues) implements Outcome<T> {
        public Invalid {
            violations = List.copyOf(violations);
            issues = issues == null ? List.of() : List.copyOf(issues);
        }

        public Invalid(String detail, List<Violation> violations) {
            this(detail, violations, List.of());
        }
    }

    /** No {@code what} with this id; {@code change}: the change of a batch that named it (null outside a batch). */
    record NotFound<T>(String what, String id, Integer change) implements Outcome<T> {
        public NotFound(String what, String id) {
            this(what, id, null);
        }
    }

    /**
     * A write based on a stale revision ({@code expectedRevision} 0: a create whose id exists); {@code current} is what
     * the writer did not see; {@code change}: the change of a batch that made it (null outside a batch).
     */
    record Conflict<T>(Annotation current, long expectedRevision, Integer change) implements Outcome<T> {
        public Conflict(Annotation current, long expectedRevision) {
            this(current, expectedRevision, null);
        }
    }

    /**
     * A write based on a stale revision of something that is not an annotation ({@code what}, e.g. "image labels"):
     * {@code current} is the thing as it is now, at {@code currentRevision}.
     */
    record Stale<T>(String what, String id, long expectedRevision, long currentRevision, Object current) implements Outcome<T> {}

    /** Larger than a configured limit (bytes, pixels, points...); {@code violations} name the fields over theirs. */
    record TooLarge<T>(String detail, List<Violation> violations) implements Outcome<T> {
        public TooLarge {
            violations = List.copyOf(violations);
        }

        public TooLarge(String detail) {
            this(detail, List.of());
        }
    }

    /** Content that is not what it says it is, or a format we do not read. */
    record Unsupported<T>(String detail) implements Outcome<T> {}

    /**
     * A workflow rule refuses the action: not the caller's role (the guard checks that) nor the form of
     * the input, but the state of things ({@link Why#WRONG_STATE}: already decided, not submitted), who
     * is asking ({@link Why#NOT_FOR_THIS_CALLER}: one's own work, someone else's lease) or a name someone else
     * has ({@link Why#TAKEN}). {@code problem} is a short name for it ("already-decided", "own-work");
     * {@code current}, if not null, is the thing as it is now.
     */
    record Refused<T>(Why why, String problem, String detail, Object current) implements Outcome<T> {
        public enum Why { WRONG_STATE, NOT_FOR_THIS_CALLER, TAKEN }
    }

    /**
     * An image's new split would split its case: {@code conflicts} are the images of case {@code caseId} in another
     * split than {@code wanted} (all images of a case go to one split, so no patient is both trained and tested on).
     */
    record CaseSplit<T>(String caseId, String wanted, List<Problem.SplitConflict> conflicts) implements Outcome<T> {
        public CaseSplit {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** Someone else holds a live lease of the image ({@link LeaseCheck}): nothing was written. */
    record Leased<T>(LeaseCheck.Verdict.Held lease) implements Outcome<T> {}

    /** The same outcome with its value transformed; failures pass through unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Outcome<R> map(java.util.function.Function<? super T, ? extends R> f) {
        return this instanceof Done<T>(T value) ? new Done<>(f.apply(value)) : (Outcome<R>) this;
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> invalid(String detail, List<Violation> violations) {
        return new Invalid<>(detail, violations);
    }

    static <T> Outcome<T> notFound(String what, String id) {
        return new NotFound<>(what, id);
    }
}
