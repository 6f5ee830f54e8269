package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polyline;

/**
 * One chromosome drawn in its own window: absorbance and mask per pixel, and its medial axis sampled every
 * {@code step} pixels in window coordinates. Placing it sets the window's position in the image.
 */
final class Drawn {

    final Banding banding;
    final int width;
    final int height;
    final float[] absorbance;
    final boolean[] mask;
    /** Axis samples in window coordinates (pixel (x, y) spans [x, x+1) x [y, y+1)). */
    final double[] ax;
    final double[] ay;
    final double step;
    final double centromere;
    /** Segment boundaries along the axis, in pixels from pter; {@code segments + 1} values. */
    final double[] boundaries;
    int x0;
    int y0;

    Drawn(Banding banding, int width, int height, float[] absorbance, boolean[] mask, double[] ax, double[] ay,
          double step, double centromere, double[] boundaries) {
        this.banding = banding;
        this.width = width;
        this.height = height;
        this.absorbance = absorbance;
        this.mask = mask;
        this.ax = ax;
        this.ay = ay;
        this.step = step;
        this.centromere = centromere;
        this.boundaries = boundaries;
    }

    double length() {
        return step * (ax.length - 1);
    }

    void moveTo(int x, int y) {
        x0 = x;
        y0 = y;
    }

    PixelMask pixelMask() {
        return new PixelMask(x0, y0, width, height, mask);
    }

    /** Image position of the axis at {@code s} pixels from pter. */
    Point at(double s) {
        double f = Math.clamp(s / step, 0, ax.length - 1);
        int i = (int) Math.min(ax.length - 2, Math.floor(f));
        double t = f - i;
        return new Point(x0 + ax[i] + t * (ax[i + 1] - ax[i]), y0 + ay[i] + t * (ay[i + 1] - ay[i]));
    }

    /** The ground truth at the current position. */
    ChromosomeTruth truth(int index) {
        int n = ax.length;
        int every = Math.max(1, (int) Math.round(3.0 / step));
        var points = new ArrayList<Point>();
        for (int i = 0; i < n - 1; i += every) {
            points.add(new Point(x0 + ax[i], y0 + ay[i]));
        }
        points.add(new Point(x0 + ax[n - 1], y0 + ay[n - 1]));
        Point pter = points.getFirst();
        Point qter = points.getLast();
        Map<String, Point> keys = new LinkedHashMap<>();
        if (banding.hasCentromere()) {
            keys.put(Keypoints.CENTROMERE, at(centromere));
        }
        if (!banding.ring()) {
            keys.put(Keypoints.P_TER, pter);
            keys.put(Keypoints.Q_TER, qter);
        }
        var calls = new ArrayList<BandCall>();
        double total = boundaries[boundaries.length - 1];
        var segments = banding.segments();
        for (int k = 0; k < segments.size(); k++) {
            var band = segments.get(k).band();
            if (band == null || band.chromosome() != banding.chromosomeClass()) {
                continue; // a band call names the labelled class; a translocated piece's bands are not its own
            }
            double start = k == 0 ? 0 : Math.clamp(boundaries[k] / total, 0, 1);
            double end = k == segments.size() - 1 ? 1 : Math.clamp(boundaries[k + 1] / total, 0, 1);
            calls.add(new BandCall(band, start, Math.max(start, end)));
        }
        Polarity polarity = banding.ring() ? null : pter.y() <= qter.y() ? Polarity.P_UP : Polarity.P_DOWN;
        boolean normal = banding.chromosomeClass() != null && banding.name().equals(banding.chromosomeClass().label());
        List<String> anomalies = normal ? List.of() : List.of(banding.name());
        return new ChromosomeTruth(index, banding.name(), banding.chromosomeClass(), anomalies, polarity, pixelMask(),
                new Polyline(points), new Keypoints(keys), calls, banding.length());
    }
}
