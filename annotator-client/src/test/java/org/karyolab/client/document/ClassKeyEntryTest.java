package org.karyolab.client.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.ChromosomeClass;

class ClassKeyEntryTest {

    private final List<ChromosomeClass> committed = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    private final ClassKeyEntry entry = new ClassKeyEntry(Duration.ofMillis(800), new ClassKeyEntry.Listener() {
        public void committed(ChromosomeClass c) {
            committed.add(c);
        }

        public void typing(String typed) {
            hints.add(typed);
        }

        public void rejected(String typed) {
            rejected.add(typed);
        }
    });

    @Test
    void twoDigitsGiveTheClassAtOnce() {
        entry.key('2', 0);
        assertThat(entry.typed()).isEqualTo("2");
        assertThat(committed).isEmpty();
        entry.key('1', 100);
        assertThat(committed).containsExactly(ChromosomeClass.C21);
        assertThat(entry.pending()).isFalse();
        assertThat(hints).containsExactly("2", "");
    }

    @Test
    void aLoneOneWaitsForEnterOrTheTimeout() {
        entry.key('1', 0);
        assertThat(entry.enter()).isTrue();
        assertThat(committed).containsExactly(ChromosomeClass.C1);
        entry.key('1', 1000);
        entry.tick(1500);
        assertThat(committed).hasSize(1);
        entry.tick(1800);
        assertThat(committed).containsExactly(ChromosomeClass.C1, ChromosomeClass.C1);
    }

    @Test
    void aTimedOutDigitCommitsBeforeTheNextKeyStartsAnew() {
        entry.key('2', 0);
        entry.key('1', 5000); // no timer tick came: the 2 was done long ago
        assertThat(committed).containsExactly(ChromosomeClass.C2);
        assertThat(entry.typed()).isEqualTo("1");
    }

    @Test
    void digitsThreeToNineCommitImmediatelyAndSexChromosomesByLetter() {
        entry.key('7', 0);
        entry.key('x', 10);
        entry.key('Y', 20);
        assertThat(committed).containsExactly(ChromosomeClass.C7, ChromosomeClass.X, ChromosomeClass.Y);
    }

    @Test
    void escapeCancelsAndImpossibleClassesAreRejected() {
        entry.key('1', 0);
        assertThat(entry.escape()).isTrue();
        entry.tick(10_000);
        assertThat(committed).isEmpty();
        entry.key('2', 0);
        entry.key('3', 10);
        entry.key('0', 20);
        assertThat(rejected).containsExactly("23", "0");
        assertThat(committed).isEmpty();
        assertThat(entry.key('a', 30)).as("not ours: the UI may use it").isFalse();
        assertThat(entry.enter()).isFalse();
    }
}
