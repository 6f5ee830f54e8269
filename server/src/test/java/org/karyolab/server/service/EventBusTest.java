package org.karyolab.server.service;

import org.karyolab.schema.api.ServerEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process event bus: order, replay, and that a slow subscriber never holds up a writer. */
class EventBusTest {

    static final Duration NOW = Duration.ZERO;

    static ServerEvent saved(int revision) {
        return new ServerEvent.AnnotationSaved("img", "a", revision, "ana", "updated");
    }

    static List<Long> drain(EventBus.Subscription s) throws Exception {
        List<Long> seqs = new ArrayList<>();
        for (Optional<EventBus.Envelope> e = s.next(NOW); e.isPresent(); e = s.next(NOW)) seqs.add(e.get().seq());
        return seqs;
    }

    @Test
    void eventsArriveInOrderWithTypeAndJson() throws Exception {
        EventBus bus = new EventBus();
        try (var s = bus.subscribe("p", null)) {
            var first = bus.publish("p", saved(1));
            bus.publish("q", saved(9)); // another project's
            var second = bus.publish("p", new ServerEvent.ImportProgress("job", 0.25, "reading"));
            var got = s.next(NOW).orElseThrow();
            assertThat(got).isEqualTo(first);
            assertThat(got.type()).isEqualTo("annotation-saved");
            assertThat(got.json()).contains("\"revision\":1", "\"by\":\"ana\"");
            assertThat(s.next(NOW)).contains(second);
            assertThat(second.type()).isEqualTo("import-progress");
            assertThat(second.seq()).isGreaterThan(first.seq());
            assertThat(s.next(NOW)).isEmpty();
        }
    }

    @Test
    void aSlowSubscriberIsDroppedAndNeverBlocksTheWriter() throws Exception {
        EventBus bus = new EventBus(100, 3);
        EventBus.Subscription slow = bus.subscribe("p", null);
        EventBus.Subscription keeping = bus.subscribe("p", null);
        long t0 = System.nanoTime();
        for (int i = 1; i <= 50; i++) {
            bus.publish("p", saved(i));
            if (keeping.next(NOW).isEmpty()) throw new AssertionError("the reading subscriber missed event " + i);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> slow.next(NOW)).isInstanceOf(EventBus.Ended.class).hasMessageContaining("behind");
        assertThat(bus.subscribers("p")).isEqualTo(1);
        keeping.close();
        assertThat(bus.subscribers("p")).isZero();
    }

    @Test
    void lastEventIdReplaysWhatIsKeptAndTellsOfAGap() throws Exception {
        EventBus bus = new EventBus(5, 10);
        List<Long> seqs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) seqs.add(bus.publish("p", saved(i)).seq());
        try (var s = bus.subscribe("p", seqs.get(1))) {
            assertThat(s.gap()).isFalse();
            assertThat(drain(s)).containsExactly(seqs.get(2), seqs.get(3));
        }
        for (int i = 5; i <= 10; i++) seqs.add(bus.publish("p", saved(i)).seq());
        try (var s = bus.subscribe("p", seqs.get(1))) {
            assertThat(s.gap()).isTrue(); // events 3..5 were pushed out of the ring of 5
            assertThat(drain(s)).containsExactlyElementsOf(seqs.subList(5, 10));
        }
    }

    @Test
    void closingTheBusEndsEverySubscription() {
        EventBus bus = new EventBus();
        var s = bus.subscribe("p", null);
        bus.close();
        assertThatThrownBy(() -> s.next(Duration.ofSeconds(5))).isInstanceOf(EventBus.Ended.class);
        assertThatThrownBy(() -> bus.subscribe("p", null).next(NOW)).isInstanceOf(EventBus.Ended.class);
    }
}
