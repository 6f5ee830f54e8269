package org.karyolab.schema;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_796_000_000_123L;
        UUID id = Ids.next(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertTrue(Ids.newId().matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAsText() {
        // What keeps an image's annotations together in the id-keyed indexes: text order is time order.
        String earlier = Ids.next(1_796_000_000_000L).toString(), later = Ids.next(1_796_000_000_001L).toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
    }

    @Test
    void idsOfOneMillisecondDoNotCollide() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) assertTrue(seen.add(Ids.next(1_796_000_000_000L)));
    }
}
