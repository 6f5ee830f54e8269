package org.karyolab.schema;

import java.util.List;

/** A value that can check itself without outside context; the JSON codec runs this after decoding. */
public interface Validatable {

    /** Every violation at once (never just the first); empty when valid. Pointers are relative to this value. */
    List<Violation> validate();
}
