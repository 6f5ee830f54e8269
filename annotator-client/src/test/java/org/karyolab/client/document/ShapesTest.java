package org.karyolab.client.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

class ShapesTest {

    @Test
    void hitTestsFollowEachShapesOutline() {
        RotatedBox diagonal = new RotatedBox(50, 50, 60, 10, 45);
        assertThat(Shapes.hits(diagonal, 60, 60, 0)).isTrue();
        assertThat(Shapes.hits(diagonal, 70, 30, 0)).as("inside the bounding box but off the rotated box").isFalse();

        Polygon withHole = new Polygon(Docs.square(0, 0, 30).exterior(), List.of(Docs.square(10, 10, 10).exterior()));
        assertThat(Shapes.hits(withHole, 5, 5, 0)).isTrue();
        assertThat(Shapes.hits(withHole, 15, 15, 0)).as("in the hole").isFalse();

        Polyline axis = new Polyline(List.of(new Point(0, 0), new Point(100, 0)));
        assertThat(Shapes.hits(axis, 50, 2, 3)).isTrue();
        assertThat(Shapes.hits(axis, 50, 5, 3)).isFalse();

        Keypoints kp = new Keypoints(Map.of("centromere", new Point(10, 10)));
        assertThat(Shapes.hits(kp, 12, 10, 3)).isTrue();
        assertThat(Shapes.hits(kp, 20, 10, 3)).isFalse();

        Mask m = mask(10, 8, 2, 3, 4, 4);
        assertThat(Shapes.hits(m, 3.5, 3.2, 0)).isTrue();
        assertThat(Shapes.hits(m, 1.5, 3.2, 0)).isFalse();
    }

    @Test
    void resizeHandlesMoveOnlyTheDraggedEdges() {
        Box box = new Box(10, 10, 20, 20);
        Handle se = handle(box, Handle.Kind.SE);
        assertThat(se.at()).isEqualTo(new Point(30, 30));
        assertThat(Shapes.dragHandle(box, se, new Point(40, 50))).isEqualTo(new Box(10, 10, 30, 40));
        // Dragged past the opposite edge: the box flips instead of going negative.
        assertThat(Shapes.dragHandle(box, handle(box, Handle.Kind.E), new Point(0, 20))).isEqualTo(new Box(0, 10, 10, 20));

        RotatedBox tilted = new RotatedBox(50, 50, 40, 10, 90); // long axis vertical on screen
        Handle east = handle(tilted, Handle.Kind.E); // the end of the long axis, at the bottom
        assertThat(east.at().x()).isCloseTo(50, within(1e-9));
        assertThat(east.at().y()).isCloseTo(70, within(1e-9));
        RotatedBox longer = (RotatedBox) Shapes.dragHandle(tilted, east, new Point(50, 80));
        assertThat(longer.width()).isCloseTo(50, within(1e-9));
        assertThat(longer.cy()).as("the far end stays put").isCloseTo(55, within(1e-9));
        assertThat(longer.angleDegrees()).isEqualTo(90);
    }

    @Test
    void theRotateHandleTurnsABoxIntoARotatedBox() {
        Box box = new Box(40, 40, 20, 20);
        Handle rotate = handle(box, Handle.Kind.ROTATE);
        assertThat(rotate.at()).isEqualTo(new Point(50, 40 - Shapes.ROTATE_HANDLE_OFFSET));
        Shape turned = Shapes.dragHandle(box, rotate, new Point(80, 50)); // pointing right = 90 degrees
        assertThat(turned).isInstanceOf(RotatedBox.class);
        assertThat(((RotatedBox) turned).angleDegrees()).isCloseTo(90, within(1e-9));
        assertThat(Shapes.rotate(box, 30)).isEqualTo(new RotatedBox(50, 50, 20, 20, 30));
    }

    @Test
    void vertexAndKeypointHandlesEditPoints() {
        Polygon p = Docs.square(0, 0, 10);
        assertThat(Shapes.handles(p)).hasSize(4).allMatch(h -> h.kind() == Handle.Kind.VERTEX);
        Polygon moved = (Polygon) Shapes.dragHandle(p, Shapes.handles(p).get(2), new Point(20, 20));
        assertThat(moved.exterior().get(2)).isEqualTo(new Point(20, 20));
        assertThat(((Polygon) Shapes.insertVertex(p, 0, new Point(5, -5))).exterior()).hasSize(5);
        Polygon triangle = (Polygon) Shapes.deleteVertex(p, 0);
        assertThat(triangle.exterior()).hasSize(3);
        assertThatThrownBy(() -> Shapes.deleteVertex(triangle, 0)).hasMessageContaining("at least 3");

        Keypoints kp = new Keypoints(Map.of("centromere", new Point(1, 1), "p_ter", new Point(1, 9)));
        Handle centromere = Shapes.handleAt(kp, 1.5, 1, 2);
        assertThat(centromere.name()).isEqualTo("centromere");
        assertThat(((Keypoints) Shapes.dragHandle(kp, centromere, new Point(2, 5))).points().get("centromere")).isEqualTo(new Point(2, 5));
    }

    /** A mask with the rectangle of pixels x0..x1, y0..y1 (inclusive) set. */
    static Mask mask(int w, int h, int x0, int y0, int x1, int y1) {
        boolean[] px = new boolean[w * h];
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) px[y * w + x] = true;
        return Mask.encode(w, h, px);
    }

    private static Handle handle(Shape s, Handle.Kind kind) {
        return Shapes.handles(s).stream().filter(h -> h.kind() == kind).findFirst().orElseThrow();
    }
}
