package org.karyolab.client.ui.karyogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Shape;

/**
 * The karyogram cuts a chromosome by its own outline: a generated spread where a neighbour's end reaches into
 * the chromosome's box. From the box only the largest dark connected set (the chromosome) is kept; a polygon
 * keeps what is inside it. Either way nothing of the neighbour comes along.
 */
class StraightenerCutFxTest {

    static final int W = 120, H = 120;
    /** The chromosome: a dark upright rod, 10 x 70. */
    static final int ROD_X = 50, ROD_Y = 20, ROD_W = 10, ROD_H = 70;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    /** White background, the rod, and a neighbour (x 5..42, y 14..36) whose end pokes into the rod's box. */
    private static Image spread() {
        var image = new WritableImage(W, H);
        var pw = image.getPixelWriter();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean rod = x >= ROD_X && x < ROD_X + ROD_W && y >= ROD_Y && y < ROD_Y + ROD_H;
                boolean neighbour = x >= 5 && x < 42 && y >= 14 && y < 36;
                int grey = rod || neighbour ? 40 : 245;
                pw.setArgb(x, y, 0xff000000 | grey << 16 | grey << 8 | grey);
            }
        }
        return image;
    }

    private static Annotation chromosome(Shape shape) {
        return new Annotation("a1", "img", shape, AnnotationLabels.ofClass(ChromosomeClass.C1, null), Provenance.human("t"), 1,
                AnnotationStatus.DRAFT, null, null);
    }

    record Cut(int width, int height, int opaque) {}

    private static Cut cut(Shape shape) throws Exception {
        return onFx(() -> {
            WritableImage out = Straightener.cutOut(chromosome(shape), spread(), 1, 1);
            var pr = out.getPixelReader();
            int opaque = 0;
            for (int y = 0; y < (int) out.getHeight(); y++) {
                for (int x = 0; x < (int) out.getWidth(); x++) if ((pr.getArgb(x, y) >>> 24) >= 128) opaque++;
            }
            return new Cut((int) out.getWidth(), (int) out.getHeight(), opaque);
        });
    }

    @Test
    void aBoxKeepsOnlyItsLargestDarkSetNotTheNeighboursEnd() throws Exception {
        // The box around the rod also holds 14 x 22 px of the neighbour (x 28..42, y 14..36).
        Cut c = cut(new Box(28, 12, 44, 84));
        assertThat(c.width()).as("as wide as the rod, not rod + neighbour").isBetween(ROD_W, ROD_W + 4);
        assertThat(c.height()).as("as long as the rod").isBetween(ROD_H, ROD_H + 4);
        assertThat(c.opaque()).as("the rod's pixels (700) and none of the neighbour's (308)")
                .isBetween(ROD_W * ROD_H - 40, ROD_W * ROD_H + 60);
    }

    @Test
    void aPolygonKeepsWhatIsInsideIt() throws Exception {
        // A traced outline a pixel round the rod; the neighbour's end lies outside it.
        var outline = new Polygon(List.of(new Point(49, 19), new Point(61, 19), new Point(61, 91), new Point(49, 91)), List.of());
        Cut c = cut(outline);
        assertThat(c.width()).isBetween(12, 14);
        assertThat(c.opaque()).as("the outline's 12 x 72 px and nothing more").isBetween(12 * 72 - 30, 12 * 72 + 30);
    }
}
