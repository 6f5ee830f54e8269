package org.karyolab.client.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.Edits;
import org.karyolab.client.command.UndoManager;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/** Correctness with 10,000 shapes: every index answer equals the brute-force answer. */
class SpatialIndexTest {

    @Test
    void viewportAndHitQueriesOverTenThousandShapesMatchBruteForce() {
        var image = new ImageAsset("big", "b".repeat(64), 8000, 6000, 8, ImageKind.METAPHASE, Stain.G, null, "c", null, null);
        var doc = new ImageDocument(image, "ana");
        var random = new Random(42);
        var all = new ArrayList<Annotation>();
        for (int i = 0; i < 10_000; i++) {
            double w = 5 + random.nextDouble() * 150, h = 5 + random.nextDouble() * 60;
            double x = random.nextDouble() * (7900 - w), y = 60 + random.nextDouble() * (5900 - h);
            Shape s = i % 3 == 0 ? new RotatedBox(x + w / 2, y + h / 2, w, h / 2, random.nextDouble() * 90)
                    : new Box(x, y, w, h);
            all.add(new Annotation("a" + i, "big", s, AnnotationLabels.EMPTY, null, 1, null, null, null));
        }
        doc.add(all, Origin.SERVER);
        assertThat(doc.size()).isEqualTo(10_000);

        // Move a tenth and delete a tenth through commands, so the index is checked after updates too.
        var undo = new UndoManager(doc);
        undo.perform(Edits.translate(doc, ids(0, 1000), 37, -11));
        undo.perform(Edits.delete(doc, ids(9000, 10_000)));

        var position = new java.util.HashMap<String, Integer>();
        List<Annotation> drawn = doc.annotations();
        for (int i = 0; i < drawn.size(); i++) position.put(drawn.get(i).id(), i);
        for (int q = 0; q < 200; q++) {
            double w = random.nextDouble() * 2000, h = random.nextDouble() * 1500;
            Bounds viewport = Bounds.ofRect(random.nextDouble() * 8000 - 500, random.nextDouble() * 6000 - 500, w, h);
            Set<String> expected = doc.annotations().stream()
                    .filter(a -> a.shape().bounds().intersects(viewport)).map(Annotation::id).collect(Collectors.toSet());
            List<Annotation> visible = doc.visibleIn(viewport);
            assertThat(visible).extracting(Annotation::id).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(visible).extracting(Annotation::id).isSortedAccordingTo((a, b) ->
                    Integer.compare(position.get(a), position.get(b)));
        }
        for (int q = 0; q < 500; q++) {
            double x = random.nextDouble() * 8000, y = random.nextDouble() * 6000;
            List<String> expected = drawn.reversed().stream().filter(a -> Shapes.hits(a.shape(), x, y, 2))
                    .map(Annotation::id).toList();
            assertThat(doc.hitTest(x, y, 2)).extracting(Annotation::id).containsExactlyElementsOf(expected);
        }
        // The whole image: everything left.
        assertThat(doc.idsIn(new Bounds(-100, -100, 9000, 7000))).hasSize(9000);
        undo.undo();
        assertThat(doc.idsIn(new Bounds(-100, -100, 9000, 7000))).hasSize(10_000);
    }

    @Test
    void theGridHandlesShapesSpanningManyCellsAndNegativeCoordinates() {
        var index = new SpatialIndex(10);
        index.put("long", new Bounds(-25, 0, 95, 3));
        index.put("dot", new Bounds(50, 50, 50, 50));
        assertThat(index.query(new Bounds(-30, -1, -20, 1))).containsExactly("long");
        assertThat(index.at(50, 50)).containsExactly("dot");
        index.put("long", new Bounds(200, 200, 210, 210));
        assertThat(index.query(new Bounds(-30, -1, 100, 5))).isEmpty();
        index.remove("dot");
        assertThat(index.size()).isEqualTo(1);
    }

    private static List<String> ids(int from, int to) {
        var out = new ArrayList<String>();
        for (int i = from; i < to; i++) out.add("a" + i);
        return out;
    }

    @SuppressWarnings("unused")
    private static Point p(double x, double y) {
        return new Point(x, y);
    }
}
