package org.karyolab.schema.json;

import java.util.List;
import java.util.stream.Collectors;
import org.karyolab.schema.Violation;

/** Result of decoding a JSON document: the value, or every violation found in it. */
public sealed interface Decoded<T> permits Decoded.Ok, Decoded.Invalid {

    /** Decoded and valid. */
    record Ok<T>(T value) implements Decoded<T> {
        @Override
        public List<Violation> violations() {
            return List.of();
        }
    }

    /** Not decodable or not valid; {@code violations} is never empty. */
    record Invalid<T>(List<Violation> violations) implements Decoded<T> {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one violation");
            }
        }
    }

    /** Empty for {@link Ok}. */
    List<Violation> violations();

    default boolean ok() {
        return this instanceof Ok<T>;
    }

    /** The value, or an IllegalArgumentException listing every violation. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T>(T value) -> value;
            case Invalid<T>(List<Violation> violations) -> throw new IllegalArgumentException("invalid document: "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        };
    }
}
