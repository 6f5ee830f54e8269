package org.karyolab.schema;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * New ids for annotations and the other records a client or the server names: time-ordered UUIDs
 * (version 7, RFC 9562: 48 bits of Unix milliseconds, then 74 random bits).
 *
 * <p>Why time-ordered: the annotations of one image are mostly drawn in one sitting, so their ids
 * sort next to each other, and every index keyed on the id (history, current view) keeps them in one
 * page. A save of five boxes then rewrites one index page instead of five random ones. The random
 * bits keep ids unguessable and unique across clients without coordination.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new time-ordered id, as its canonical 36-character text. */
    public static String newId() {
        return next(Clock.systemUTC().millis()).toString();
    }

    /** The version-7 UUID of {@code epochMillis} with fresh random bits. */
    static UUID next(long epochMillis) {
        long random = RANDOM.nextLong();
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random >>> 52); // version 7, 12 bits rand_a
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;   // variant 10, 62 bits rand_b
        return new UUID(high, low);
    }
}
