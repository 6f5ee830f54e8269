package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;

/** Named landmarks of one chromosome: {@code centromere}, {@code p_ter} (end of the short arm), {@code q_ter}. */
public record Keypoints(Map<String, Point> points) implements Shape {

    public static final String CENTROMERE = "centromere";
    public static final String P_TER = "p_ter";
    public static final String Q_TER = "q_ter";
    public static final List<String> NAMES = List.of(CENTROMERE, P_TER, Q_TER);

    public Keypoints {
        // LinkedHashMap keeps JSON order and tolerates null values so validation can point at them.
        points = points == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(points.values());
    }

    /** Points have no area. */
    @Override
    public double area() {
        return 0;
    }

    @Override
    public Keypoints translate(double dx, double dy) {
        var moved = new LinkedHashMap<String, Point>();
        points.forEach((name, p) -> moved.put(name, p.translate(dx, dy)));
        return new Keypoints(moved);
    }

    /** The checks behind {@link Shape#validate()} and {@link Shape#validate(int, int)}. */
    List<Violation> check(Geometry g, List<Violation> out) {
        if (points == null || points.isEmpty()) {
            out.add(new Violation("/points", "at least one key point is required (" + String.join(", ", NAMES) + ")"));
            return List.copyOf(out);
        }
        points.forEach((name, point) -> {
            String pointer = Validation.pointer("points", name);
            if (!NAMES.contains(name)) {
                out.add(new Violation(pointer, "unknown key point name '" + name + "', expected one of "
                        + String.join(", ", NAMES)));
            }
            g.point(out, pointer, point);
        });
        return List.copyOf(out);
    }
}
