package org.karyolab.server.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget alone, on a clock the test moves: units and time, the clock starting at the first checkpoint. */
class RequestBudgetTest {

    @Test
    void unitsAddUpAndTheOneOverTheLimitStopsTheWork() {
        var budget = new RequestBudget(new RequestBudget.Limits(Duration.ofHours(1), 10), () -> 0);
        budget.spend("a", 4);
        budget.spend("b", 6);
        assertThat(budget.spent()).isEqualTo(10);
        assertThatThrownBy(() -> budget.spend("c", 1)).isInstanceOfSatisfying(RequestBudget.Exceeded.class, e -> {
            assertThat(e.what()).isEqualTo("c");
            assertThat(e.getMessage()).contains("11 units").contains("request-work-units");
        });
    }

    @Test
    void timeCountsFromTheFirstCheckpointNotFromWhenTheRequestArrived() {
        AtomicLong now = new AtomicLong(5_000_000_000L); // the body took 5 s to arrive: not the route's work
        var budget = new RequestBudget(new RequestBudget.Limits(Duration.ofSeconds(2), Long.MAX_VALUE), now::get);
        budget.spend("decoding", 0);
        now.addAndGet(1_999_999_999L);
        budget.spend("checking", 0);
        now.addAndGet(1L);
        assertThatThrownBy(() -> budget.spend("checking", 0)).isInstanceOf(RequestBudget.Exceeded.class)
                .hasMessageContaining("request-seconds");
    }

    @Test
    void aBudgetOfZeroSecondsStopsTheFirstCheckpointAndNoBudgetBoundChargesNothing() {
        var zero = new RequestBudget(new RequestBudget.Limits(Duration.ZERO, Long.MAX_VALUE), () -> 42);
        assertThatThrownBy(() -> zero.spend("anything", 0)).isInstanceOf(RequestBudget.Exceeded.class);
        RequestBudget.charge("outside a request", Long.MAX_VALUE); // nothing bound: nothing happens
        assertThatThrownBy(() -> ScopedValue.where(RequestBudget.CURRENT, zero).run(() -> RequestBudget.charge("inside", 0)))
                .isInstanceOf(RequestBudget.Exceeded.class);
    }
}
