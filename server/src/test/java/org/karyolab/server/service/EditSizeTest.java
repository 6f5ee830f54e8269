package org.karyolab.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;

/** 1 - IoU of the bounding boxes, plus 1 for a changed class. */
class EditSizeTest {

    private static final AnnotationLabels ONE = AnnotationLabels.ofClass(ChromosomeClass.of(1), null);
    private static final AnnotationLabels TWO = AnnotationLabels.ofClass(ChromosomeClass.of(2), null);

    @Test
    void acceptedAsIsIsZero() {
        assertThat(EditSize.of(new Box(0, 0, 10, 10), ONE, new Box(0, 0, 10, 10), ONE)).isZero();
        var point = new Keypoints(Map.of("centromere", new Point(3, 4)));
        assertThat(EditSize.of(point, ONE, point, ONE)).as("a key point's zero-size bounds are themselves").isZero();
    }

    @Test
    void aMovedBoxCountsItsLostOverlap() {
        assertThat(EditSize.of(new Box(0, 0, 10, 10), ONE, new Box(5, 0, 10, 10), ONE)).isCloseTo(1 - 50.0 / 150, within(1e-12));
        assertThat(EditSize.of(new Box(0, 0, 10, 10), ONE, new Box(50, 50, 10, 10), TWO)).as("moved away and reclassified")
                .isEqualTo(2);
    }

    @Test
    void outlinesAreComparedByTheirBoundingBoxes() {
        // A triangle and the box around it: the same bounds, so no shape change at all.
        var triangle = new Polygon(List.of(new Point(0, 0), new Point(10, 0), new Point(0, 10)));
        assertThat(EditSize.of(triangle, ONE, new Box(0, 0, 10, 10), TWO)).isEqualTo(1);
    }
}
