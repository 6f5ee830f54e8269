package org.karyolab.schema;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.band.BandName;

/**
 * One band seen on a chromosome: where it lies along the medial axis, as fractions of the axis
 * length in [0, 1] measured from the axis polyline's first point. JSON: {"band": "9q34.1", "start": .., "end": ..}.
 */
public record BandCall(BandName band, double start, double end) implements Validatable {

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        Validation.required(out, "/band", "band", band);
        boolean startOk = fraction(out, "/start", "start", start);
        boolean endOk = fraction(out, "/end", "end", end);
        if (startOk && endOk && start > end) {
            out.add(new Violation("/start", "start " + start + " is after end " + end + " (start must be <= end)"));
        }
        return List.copyOf(out);
    }

    private static boolean fraction(List<Violation> out, String pointer, String field, double value) {
        if (!Double.isFinite(value)) {
            out.add(new Violation(pointer, field + " must be a finite number (was " + value + ")"));
            return false;
        }
        if (value < 0 || value > 1) {
            out.add(new Violation(pointer, field + " must be a fraction of the medial axis in [0, 1] (was " + value + ")"));
            return false;
        }
        return true;
    }
}
