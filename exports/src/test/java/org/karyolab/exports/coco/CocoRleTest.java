package org.karyolab.exports.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CocoRleTest {

    /** Masks encoded by pycocotools 2 ({@code maskUtils.encode} of Fortran-ordered uint8 arrays), with their runs. */
    @Test
    void readsAndWritesWhatPycocotoolsWrites() {
        List<Integer> seven = List.of(6, 1, 1, 3, 4, 3, 15, 1, 1); // 7 rows x 5 columns, three blobs
        assertThat(CocoRle.compress(seven)).isEqualTo("611230;NB");
        assertThat(CocoRle.decompress("611230;NB")).isEqualTo(seven);

        List<Integer> full = List.of(0, 12); // 4 x 3, all foreground: an empty background run first
        assertThat(CocoRle.compress(full)).isEqualTo("0<");
        assertThat(CocoRle.decompress("0<")).isEqualTo(full);

        // 40 x 30: a pixel in the corner, a box with a two-row gap across it (runs 2 apart repeat: deltas of 0)
        List<Integer> box = new ArrayList<>(List.of(0, 1, 202));
        for (int column = 0; column < 20; column++) box.addAll(List.of(7, 2, 23, 8));
        box.set(box.size() - 1, 205);
        String written = "01Z66hI`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J`06@J"
                + "`06@J`06@J`06@J`0[6";
        assertThat(CocoRle.compress(box)).isEqualTo(written);
        assertThat(CocoRle.decompress(written)).isEqualTo(box);
    }

    @Test
    void anyRunsComeBackAsTheyWere() {
        Random random = new Random(20240601);
        for (int trial = 0; trial < 2000; trial++) {
            List<Integer> runs = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                runs.add(switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(32);
                    case 2 -> random.nextInt(5_000_000);
                    default -> random.nextInt(Integer.MAX_VALUE);
                });
            }
            String counts = CocoRle.compress(runs);
            assertThat(counts).matches("[0-o]*");
            assertThat(CocoRle.decompress(counts)).as("runs %s", runs).isEqualTo(runs);
        }
    }

    @Test
    void refusesWhatPycocotoolsCouldNotHaveWritten() {
        assertThatThrownBy(() -> CocoRle.decompress("61 1")).hasMessageContaining("character 2 (' ')");
        assertThatThrownBy(() -> CocoRle.decompress("6h")).hasMessageContaining("end inside the value that starts at character 1");
        assertThatThrownBy(() -> CocoRle.decompress("11O")).hasMessageContaining("run 2").hasMessageContaining("out of range");
        assertThatThrownBy(() -> CocoRle.compress(List.of(3, -1))).hasMessageContaining("run 1 is negative");
    }
}
