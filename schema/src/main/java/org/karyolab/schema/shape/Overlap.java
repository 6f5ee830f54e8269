package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** The work behind {@link Geometry#iou}: which kinds meet how. */
final class Overlap {

    private static final GeometryFactory JTS = new GeometryFactory();

    private Overlap() {
    }

    static double iou(Shape a, Shape b) {
        if (a.equals(b)) return 1; // also for shapes without area: a key point is itself
        if (a instanceof Box p && b instanceof Box q) return p.bounds().iou(q.bounds());
        if (a instanceof Mask m && b instanceof Mask n) {
            int rows = Math.max(m.height(), n.height());
            return ratio(m.pixels(rows).overlap(n.pixels(rows)), m.pixelCount(), n.pixelCount());
        }
        List<List<Point>> ra = rings(a), rb = rings(b);
        if (a instanceof Mask m && rb != null) return maskAndOutline(m, rb);
        if (b instanceof Mask n && ra != null) return maskAndOutline(n, ra);
        if (ra != null && rb != null) return outlines(ra, rb);
        return 0; // key points or a polyline on either side: no area to share
    }

    /** The outline of an area shape as rings (exterior first, then holes); null for shapes without area. */
    private static List<List<Point>> rings(Shape s) {
        return switch (s) {
            case Box b -> List.of(b.corners());
            case RotatedBox r -> List.of(r.corners());
            case Polygon p -> {
                var rings = new ArrayList<List<Point>>(1 + p.holes().size());
                rings.add(p.exterior());
                rings.addAll(p.holes());
                yield rings;
            }
            case Mask m -> null;
            case Keypoints k -> null;
            case Polyline l -> null;
        };
    }

    /** The outline rasterised at pixel centres on the mask's grid, then pixel against pixel. */
    private static double maskAndOutline(Mask m, List<List<Point>> outline) {
        PixelRuns drawn = PixelRuns.inside(outline, m.height());
        return ratio(m.pixels(m.height()).overlap(drawn), m.pixelCount(), drawn.count());
    }

    /** Polygon intersection (JTS); a self-crossing outline is repaired first, so the areas stay meaningful. */
    private static double outlines(List<List<Point>> a, List<List<Point>> b) {
        org.locationtech.jts.geom.Geometry ga = polygon(a), gb = polygon(b);
        double inter = OverlayNGRobust.overlay(ga, gb, OverlayNG.INTERSECTION).getArea();
        return ratio(inter, ga.getArea(), gb.getArea());
    }

    private static org.locationtech.jts.geom.Geometry polygon(List<List<Point>> rings) {
        if (rings.getFirst().size() < 3) return JTS.createPolygon();
        LinearRing shell = ring(rings.getFirst());
        LinearRing[] holes = rings.subList(1, rings.size()).stream().filter(h -> h.size() >= 3).map(Overlap::ring)
                .toArray(LinearRing[]::new);
        org.locationtech.jts.geom.Polygon p = JTS.createPolygon(shell, holes);
        return p.isValid() ? p : GeometryFixer.fix(p);
    }

    private static LinearRing ring(List<Point> points) {
        var coordinates = new Coordinate[points.size() + 1];
        for (int i = 0; i < points.size(); i++) coordinates[i] = new Coordinate(points.get(i).x(), points.get(i).y());
        coordinates[points.size()] = coordinates[0];
        return JTS.createLinearRing(coordinates);
    }

    private static double ratio(double inter, double areaA, double areaB) {
        double union = areaA + areaB - inter;
        return union <= 0 ? 0 : Math.clamp(inter / union, 0, 1);
    }
}
