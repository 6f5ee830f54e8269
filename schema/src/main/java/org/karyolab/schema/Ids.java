package org.karyolab.schema;

import java.time.Clock;
import java.util.UUID;

/**
 * New ids for annotations and the other records a client or the server names: time-ordered UUIDs
 * (version 7, RFC 9562: 48 bits of Unix milliseconds, then 74 random bits).
 *
 * <p>Why time-ordered: the annotations of one image are mostly drawn in one sitting, so their ids
 * sort next to each other, and every index keyed on the id (history, current view) keeps them in one
 * page. A save of five boxes then rewrites one index page instead of five random ones. The random
 * bits keep ids unguessable and unique across clients without coordination; they come from
 * {@link UUID#randomUUID()} (a cryptographically strong generator) so that the schema needs nothing
 * beyond java.util.
 */
public final class Ids {

    private Ids() {}

    /** A new time-ordered id, as its canonical 36-character text. */
    public static String newId() {
        return next(Clock.systemUTC().millis()).toString();
    }

    /** The version-7 UUID of {@code epochMillis} with fresh random bits. */
    static UUID next(long epochMillis) {
        UUID random = UUID.randomUUID(); // version 4: 122 random bits, of which 74 are kept
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL); // version 7, rand_a
        long low = random.getLeastSignificantBits(); // already variant 10 with 62 random bits: rand_b
        return new UUID(high, low);
    }
}
