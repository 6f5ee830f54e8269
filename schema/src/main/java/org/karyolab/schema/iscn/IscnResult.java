package org.karyolab.schema.iscn;

import java.util.List;

/** What {@link Iscn#parse} gives: the karyotype with the liberties taken, or the errors. */
public sealed interface IscnResult {

    /** Parsed; {@code warnings} lists each liberty lenient mode took (empty in strict mode). */
    record Parsed(Karyotype karyotype, List<IscnIssue> warnings) implements IscnResult {
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /** Not a karyotype; the first error stops the parser, so there is one. */
    record Failed(List<IscnIssue> errors) implements IscnResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }

    /** The karyotype, or an exception listing the errors. */
    default Karyotype orThrow() {
        return switch (this) {
            case Parsed p -> p.karyotype();
            case Failed f -> throw new IllegalArgumentException("not an ISCN karyotype: " + f.errors());
        };
    }
}
