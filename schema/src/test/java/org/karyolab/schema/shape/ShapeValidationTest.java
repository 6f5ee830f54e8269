package org.karyolab.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.Violation;

class ShapeValidationTest {

    static Point p(double x, double y) {
        return new Point(x, y);
    }

    @Test
    void boxInsideTheImageIsValidUpToOnePixelOfTolerance() {
        assertThat(new Box(0, 0, 800, 600).validate(800, 600)).isEmpty();
        assertThat(new Box(-1, -1, 802, 602).validate(800, 600)).isEmpty();
        assertThat(new Box(-1.5, 0, 10, 10).validate(800, 600))
                .containsExactly(new Violation("/x", "x = -1.5 is outside the image width 0..800 (1 px tolerance)"));
    }

    @Test
    void boxReportsEveryProblemAtOnce() {
        assertThat(new Box(Double.NaN, 700, -2, Double.POSITIVE_INFINITY).validate(800, 600)).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/x", "/height", "/width", "/y");
    }

    @Test
    void boxWithoutImageSizeOnlyChecksItself() {
        assertThat(new Box(5000, 5000, 10, 10).validate()).isEmpty();
        assertThat(new Box(5000, 5000, 0, 10).validate()).extracting(Violation::message)
                .containsExactly("width must be greater than 0 (was 0.0)");
    }

    @Test
    void rotatedBoxCornersMustBeInside() {
        assertThat(new RotatedBox(50, 50, 20, 80, 0).validate(100, 100)).isEmpty();
        // Turned 90 degrees, the 80-long side lies along x: corners at x = 10 and 90.
        assertThat(new RotatedBox(50, 50, 20, 80, 90).validate(100, 100)).isEmpty();
        assertThat(new RotatedBox(50, 50, 20, 80, 90).corners()).allSatisfy(c -> assertThat(c.y()).isBetween(39.99, 60.01));
        assertThat(new RotatedBox(90, 50, 20, 80, 90).validate(100, 100)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("rotated box has 2 corner(s) outside"));
    }

    @Test
    void polygonNeedsThreeDistinctPointsAndArea() {
        assertThat(new Polygon(List.of(p(0, 0), p(10, 0), p(0, 10))).validate(20, 20)).isEmpty();
        assertThat(new Polygon(List.of(p(0, 0), p(10, 0))).validate(20, 20)).extracting(Violation::message)
                .containsExactly("polygon needs at least 3 distinct points (has 2)");
        assertThat(new Polygon(List.of(p(0, 0), p(5, 5), p(10, 10))).validate(20, 20)).extracting(Violation::message)
                .containsExactly("polygon has zero area (its points are collinear)");
        assertThat(new Polygon(null, null).validate(20, 20)).containsExactly(new Violation("/exterior", "exterior is required"));
    }

    @Test
    void polygonPointsAndHolesAreCheckedWithTheirIndex() {
        var polygon = new Polygon(List.of(p(0, 0), p(30, 0), p(0, Double.NaN)), List.of(List.of(p(1, 1), p(2, 2))));
        assertThat(polygon.validate(20, 20)).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/exterior/1/x", "/exterior/2/y", "/holes/0");
    }

    @Test
    void polygonAreaSubtractsHoles() {
        var square = List.of(p(0, 0), p(10, 0), p(10, 10), p(0, 10));
        var hole = List.of(p(2, 2), p(4, 2), p(4, 4), p(2, 4));
        assertThat(new Polygon(square, List.of(hole)).area()).isEqualTo(96.0);
    }

    @Test
    void maskMustCoverTheImageExactly() {
        assertThat(new Mask(4, 3, List.of(4, 2, 1, 2, 3)).validate(4, 3)).isEmpty();
        assertThat(new Mask(4, 3, List.of(4, 2)).validate(4, 3)).containsExactly(
                new Violation("/counts", "counts sum to 6 but the mask has width x height = 12 pixels"));
        assertThat(new Mask(4, 3, List.of(12)).validate(5, 3)).containsExactly(
                new Violation("/width", "mask width 4 differs from the image width 5"));
        assertThat(new Mask(4, 3, List.of(14, -2)).validate(4, 3)).containsExactly(
                new Violation("/counts/1", "count must not be negative (was -2)"));
    }

    @Test
    void maskRunsAreColumnMajorLikeCoco() {
        // 2 x 2 image, only the top-right pixel (x=1, y=0) set. Column-major order: (0,0) (0,1) (1,0) (1,1).
        var mask = Mask.encode(2, 2, new boolean[] {false, true, false, false});
        assertThat(mask.counts()).containsExactly(2, 1, 1);
        assertThat(mask.area()).isEqualTo(1);
    }

    @Property
    void maskEncodeDecodeRoundTrips(@ForAll("pixels") boolean[] pixels) {
        var mask = Mask.encode(7, 5, pixels);
        assertThat(mask.validate(7, 5)).isEmpty();
        assertThat(mask.decode()).isEqualTo(pixels);
        long set = 0;
        for (boolean b : pixels) {
            set += b ? 1 : 0;
        }
        assertThat(mask.area()).isEqualTo(set);
    }

    @Provide
    Arbitrary<boolean[]> pixels() {
        return Arbitraries.of(true, false).array(boolean[].class).ofSize(35);
    }

    @Test
    void keypointsKnowOnlyTheirThreeNames() {
        var points = new LinkedHashMap<String, Point>();
        points.put("centromere", p(5, 5));
        points.put("p/ter", p(5, 50));
        assertThat(new Keypoints(points).validate(20, 20)).containsExactlyInAnyOrder(
                new Violation("/points/p~1ter", "unknown key point name 'p/ter', expected one of centromere, p_ter, q_ter"),
                new Violation("/points/p~1ter/y", "y = 50.0 is outside the image height 0..20 (1 px tolerance)"));
        assertThat(new Keypoints(Map.of()).validate(20, 20)).extracting(Violation::pointer).containsExactly("/points");
    }

    @Test
    void polylineNeedsTwoDistinctPoints() {
        assertThat(new Polyline(List.of(p(1, 1), p(2, 2))).validate(5, 5)).isEmpty();
        assertThat(new Polyline(List.of(p(1, 1))).validate(5, 5)).extracting(Violation::message)
                .containsExactly("polyline needs at least 2 points (has 1)");
        assertThat(new Polyline(List.of(p(1, 1), p(1, 1))).validate(5, 5)).extracting(Violation::message)
                .containsExactly("polyline has zero length (all points coincide)");
        assertThat(new Polyline(List.of(p(0, 0), p(3, 4))).length()).isEqualTo(5.0);
    }

    @Test
    void anImpossibleImageSizeIsReported() {
        assertThat(new Box(0, 0, 1, 1).validate(0, 10)).extracting(Violation::message)
                .containsExactly("image size must be positive to check a shape against it (was 0 x 10)");
    }

    @Property
    void pointsInsideTheToleranceAreAcceptedOutsideRejected(@ForAll("offsets") double dx) {
        var violations = new Polyline(List.of(p(0, 0), p(100 + dx, 50))).validate(100, 100);
        assertThat(violations.isEmpty()).isEqualTo(dx <= 1.0);
    }

    @Provide
    Arbitrary<Double> offsets() {
        return Combinators.combine(Arbitraries.doubles().between(-5, 5), Arbitraries.of(0.0, 1.0, 1.0000001)).as((a, b) -> b == 0 ? a : b);
    }
}
