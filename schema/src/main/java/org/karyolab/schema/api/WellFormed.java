package org.karyolab.schema.api;

import java.util.List;
import org.karyolab.schema.Violation;

/**
 * A request whose form has rules its types cannot say (which fields a kind of operation needs). The codec's
 * structural read checks them with the rest, so a malformed request is one 400 listing every problem.
 */
public interface WellFormed {

    /** Every rule of form this value breaks, with pointers relative to it; empty when well-formed. */
    List<Violation> malformations();
}
