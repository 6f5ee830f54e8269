package org.karyolab.server.bench;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.shape.Box;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditMixTest {

    @Test
    void planHasSavesOfDistinctAscendingPositionsInRange() {
        var mix = new EditMix(4, 5);
        List<int[]> plan = mix.plan(new SplittableRandom(1), 50);
        assertThat(plan).hasSize(4);
        for (int[] save : plan) {
            assertThat(save).hasSize(5);
            assertThat(Arrays.stream(save).distinct().count()).isEqualTo(5);
            assertThat(save).isSorted();
            assertThat(Arrays.stream(save).allMatch(i -> i >= 0 && i < 50)).isTrue();
        }
        assertThat(mix.editsPerOpen()).isEqualTo(20);
    }

    @Test
    void sameSeedSamePlan() {
        var mix = new EditMix(3, 7);
        List<int[]> a = mix.plan(new SplittableRandom(42), 50);
        List<int[]> b = mix.plan(new SplittableRandom(42), 50);
        for (int i = 0; i < a.size(); i++) assertThat(a.get(i)).containsExactly(b.get(i));
    }

    @Test
    void batchLargerThanTheImageTakesEveryAnnotation() {
        List<int[]> plan = new EditMix(1, 10).plan(new SplittableRandom(3), 4);
        assertThat(plan.getFirst()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void everyPositionGetsEdited() {
        Set<Integer> seen = new HashSet<>();
        var random = new SplittableRandom(7);
        for (int open = 0; open < 200; open++) {
            for (int[] save : new EditMix(4, 5).plan(random, 50)) for (int i : save) seen.add(i);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void nudgeMovesLittleAndStaysInsideTheImage() {
        var random = new SplittableRandom(11);
        Box box = new Box(0, 2040, 5, 8); // at the left and bottom edges of a 2048 x 2048 image
        for (int i = 0; i < 10_000; i++) {
            Box next = EditMix.nudge(box, random, 2048, 2048);
            assertThat(Math.abs(next.x() - box.x())).isLessThanOrEqualTo(EditMix.MAX_NUDGE);
            assertThat(Math.abs(next.y() - box.y())).isLessThanOrEqualTo(EditMix.MAX_NUDGE);
            assertThat(next.x()).isGreaterThanOrEqualTo(0);
            assertThat(next.y()).isGreaterThanOrEqualTo(0);
            assertThat(next.width()).isGreaterThanOrEqualTo(1);
            assertThat(next.height()).isGreaterThanOrEqualTo(1);
            assertThat(next.x() + next.width()).isLessThanOrEqualTo(2048);
            assertThat(next.y() + next.height()).isLessThanOrEqualTo(2048);
            assertThat(next.validate(2048, 2048)).isEmpty();
            box = next;
        }
    }

    @Test
    void partitionGivesEachClientDisjointImages() {
        List<List<Integer>> owned = EditMix.partition(48, 32);
        assertThat(owned).hasSize(32);
        List<Integer> all = new ArrayList<>();
        owned.forEach(all::addAll);
        assertThat(all).hasSize(48).doesNotHaveDuplicates();
        assertThat(owned).allSatisfy(images -> assertThat(images.size()).isBetween(1, 2));
        assertThat(owned.get(0)).containsExactly(0, 32);
        assertThat(owned.get(31)).containsExactly(31);
    }

    @Test
    void refusesImpossibleMixes() {
        assertThatThrownBy(() -> EditMix.partition(10, 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 clients");
        assertThatThrownBy(() -> new EditMix(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EditMix(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EditMix(1, 1).plan(new SplittableRandom(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
