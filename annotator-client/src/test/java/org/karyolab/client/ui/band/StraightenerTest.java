package org.karyolab.client.ui.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.shape.Point;

/** The straightening maths on synthetic images whose bands are known along the axis. */
class StraightenerTest {

    static final int BACKGROUND = 230;

    /** Dark/light bands every 10 px of arc length: dark (40) on [0,10), light (200) on [10,20), ... */
    static int stripe(double arc) {
        return ((int) Math.floor(arc / 10)) % 2 == 0 ? 40 : 200;
    }

    /**
     * Renders a chromosome of half-width {@code hw} along {@code axis}: each pixel within hw of the axis
     * takes the stripe grey of the nearest axis point's arc length; the rest is background.
     */
    static int[] render(int w, int h, List<Point> axis, double hw) {
        var arc = new Straightener.Arc(axis);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double cx = x + 0.5, cy = y + 0.5, best = Double.MAX_VALUE, bestArc = 0;
                for (int i = 0; i + 1 < axis.size(); i++) {
                    Point a = axis.get(i), b = axis.get(i + 1);
                    double dx = b.x() - a.x(), dy = b.y() - a.y(), len2 = dx * dx + dy * dy;
                    double t = Math.clamp(((cx - a.x()) * dx + (cy - a.y()) * dy) / len2, 0, 1);
                    double d = Math.hypot(cx - (a.x() + t * dx), cy - (a.y() + t * dy));
                    if (d < best) {
                        best = d;
                        bestArc = arc.cum[i] + t * Math.sqrt(len2);
                    }
                }
                px[y * w + x] = best <= hw ? stripe(bestArc) : BACKGROUND;
            }
        }
        return px;
    }

    @Test
    void aStraightVerticalBarComesOutAsItIs() {
        var axis = List.of(new Point(50, 20), new Point(50, 120));
        int[] img = render(100, 140, axis, 6);
        var r = Straightener.straighten(axis, 10, Straightener.bilinear(100, 140, img, BACKGROUND));

        assertThat(r.width()).isEqualTo(21); // 2 * 10 + 1
        assertThat(r.length()).isEqualTo(101); // 100 px of axis, one row per pixel, both ends included
        assertThat(r.axisLength()).isEqualTo(100.0);
        // the centre column follows the bands; far columns are background
        for (int row = 2; row < 99; row++) {
            if (Math.abs(row % 10 - 0) <= 1 || Math.abs(row % 10 - 10) <= 1) continue; // band edges blur
            assertThat(r.value(10, row)).as("row %d", row).isCloseTo(stripe(row), offset(1f));
            assertThat(r.value(0, row)).isCloseTo(BACKGROUND, offset(1f));
            assertThat(r.value(20, row)).isCloseTo(BACKGROUND, offset(1f));
        }
        // axis drawn downwards: column 0 is the image's left side
        var left = Straightener.straighten(axis, 10, (x, y) -> x < 50 ? 0 : 255);
        assertThat(left.value(0, 50)).isEqualTo(0f);
        assertThat(left.value(20, 50)).isEqualTo(255f);
        assertThat(r.fractionAt(0)).isEqualTo(0.0);
        assertThat(r.fractionAt(100)).isEqualTo(1.0);
        assertThat(r.fractionAt(50)).isEqualTo(0.5);
    }

    @Test
    void aBentChromosomeIsStraightenedWithItsBandsInOrder() {
        // an L: 80 px right, then 90 px down (170 px of axis)
        var axis = List.of(new Point(20, 30), new Point(100, 30), new Point(100, 120));
        int[] img = render(140, 150, axis, 5);
        var r = Straightener.straighten(axis, 8, Straightener.bilinear(140, 150, img, BACKGROUND));

        assertThat(r.width()).isEqualTo(17);
        assertThat(r.length()).isEqualTo(171);
        int checked = 0;
        for (int row = 2; row < 169; row++) {
            int inBand = row % 10;
            if (inBand <= 1 || inBand >= 9) continue; // band edges
            if (Math.abs(row - 80) < 10) continue; // the corner: the window turns the normal there
            assertThat(r.value(8, row)).as("centre of row %d", row).isCloseTo(stripe(row), offset(2f));
            assertThat(r.value(0, row)).as("outside of row %d", row).isCloseTo(BACKGROUND, offset(2f));
            assertThat(r.value(16, row)).isCloseTo(BACKGROUND, offset(2f));
            checked++;
        }
        assertThat(checked).isGreaterThan(90);
        // band order along the axis: the profile alternates dark/light every 10 rows, starting dark
        var bands = new StringBuilder();
        for (int row = 5; row < 170; row += 10) bands.append(r.rowMean(row) < 120 ? 'D' : 'L');
        assertThat(bands.toString()).isEqualTo("DLDLDLDLDLDLDLDLD");
    }

    @Test
    void aCoarserStepGivesFewerRowsAndColumns() {
        var axis = List.of(new Point(0, 0), new Point(0, 50));
        var r = Straightener.straighten(axis, 6, 2, (x, y) -> 100);
        assertThat(r.width()).isEqualTo(7);
        assertThat(r.length()).isEqualTo(26);
        assertThat(r.values()).containsOnly(100f);
    }

    @Test
    void bilinearSamplingInterpolatesBetweenPixelCentres() {
        var s = Straightener.bilinear(2, 1, new int[] {0, 100}, 255);
        assertThat(s.at(0.5, 0.5)).isEqualTo(0.0);
        assertThat(s.at(1.5, 0.5)).isEqualTo(100.0);
        assertThat(s.at(1.0, 0.5)).isEqualTo(50.0);
        assertThat(s.at(-3, 0.5)).isEqualTo(255.0);
    }

    @Test
    void anAxisWithoutLengthIsRefused() {
        assertThatThrownBy(() -> Straightener.straighten(List.of(new Point(3, 3), new Point(3, 3)), 5, (x, y) -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Straightener.straighten(List.of(new Point(3, 3)), 5, (x, y) -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
