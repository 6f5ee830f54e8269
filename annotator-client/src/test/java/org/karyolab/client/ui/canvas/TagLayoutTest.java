package org.karyolab.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag placement on its own: first come keep their place, the rest go where they cover nobody, or are not shown. */
class TagLayoutTest {

    @Test
    void tagsGoWhereTheyCoverNoOtherOrAreNotShown() {
        var requests = new ArrayList<TagLayout.Request>();
        // 300 shapes of 12 x 30 px in tight rows (tags 40 x 15 px: wider than the shapes' spacing), then 40 on one spot.
        for (int i = 0; i < 300; i++) {
            double x = 100 + (i % 30) * 14, y = 100 + (i / 30) * 32;
            requests.add(new TagLayout.Request("r" + i, x, y, x + 12, y + 30, 40, 15));
        }
        for (int i = 0; i < 40; i++) requests.add(new TagLayout.Request("same" + i, 300, 600, 320, 640, 40, 15));
        var placed = TagLayout.place(requests);
        assertThat(placed).hasSize(340);
        assertThat(placed.get("r0")).isEqualTo(TagLayout.preferred(40, 15)); // the first keeps the preferred place
        var shown = new ArrayList<double[]>();
        for (var r : requests) {
            var p = placed.get(r.key());
            if (p.shown()) shown.add(new double[] {r.minX() + p.dx(), r.minY() + p.dy(), p.width(), p.height()});
        }
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                double[] a = shown.get(i), b = shown.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("tags %d and %d overlap", i, j).isFalse();
            }
        }
        // The lone spot's 40 tags all find room in the rings (with leader lines).
        assertThat(requests.subList(300, 340).stream().filter(r -> placed.get(r.key()).shown()).count()).isEqualTo(40);
        assertThat(placed.get("same39").leader()).isTrue();
        assertThat(shown.size()).isGreaterThan(200);
    }

    @Test
    void thousandsOnOneSpotShowWhatFitsAndHideTheRest() {
        List<TagLayout.Request> requests = new ArrayList<>();
        for (int i = 0; i < 5000; i++) requests.add(new TagLayout.Request("r" + i, 50 + i % 7, 50 + i % 5, 60, 60, 40, 15));
        var placed = TagLayout.place(requests);
        assertThat(placed.values().stream().filter(TagLayout.Placement::shown).count()).isGreaterThanOrEqualTo(7L);
        assertThat(placed.values().stream().filter(p -> !p.shown()).count()).isGreaterThan(4000);
    }
}
