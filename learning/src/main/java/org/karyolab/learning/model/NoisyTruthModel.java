package org.karyolab.learning.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;

/**
 * The demo's model in the loop: a pretend detector whose output is the image's known chromosome boxes (for the
 * demo's synthetic metaphases, their ground truth) made noisy the way a real detector's is. Per box: each edge
 * jittered a few pixels; about 10 % of the chromosomes are missed, about 10 % get a neighbouring class, and the
 * confidences come from a seeded distribution where the wrong ones are lower on average (so a threshold is worth
 * having, but not perfect). Known annotations that are not boxes with a chromosome class propose nothing. The same
 * input and seed always give the same proposals, so posting them again adds nothing (the server dedupes on model
 * version + content).
 */
public final class NoisyTruthModel implements SuggestionModel {

    static final String ID = "karyolab-demo-detector";
    static final String VERSION = "0.1";
    static final double MISS_RATE = 0.10;
    static final double WRONG_CLASS_RATE = 0.10;
    /** Largest edge jitter, in pixels. */
    static final int MAX_JITTER = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<Proposal> propose(ModelInput input) {
        int width = input.image().width();
        int height = input.image().height();
        var rnd = new SplittableRandom(input.seed());
        List<Proposal> out = new ArrayList<>();
        for (Annotation known : input.annotations()) {
            // draw every random number for every annotation, so one decision never shifts the next ones
            boolean missed = rnd.nextDouble() < MISS_RATE;
            boolean wrong = rnd.nextDouble() < WRONG_CLASS_RATE;
            boolean up = rnd.nextBoolean();
            double noise = rnd.nextGaussian();
            int[] jitter = {jitter(rnd), jitter(rnd), jitter(rnd), jitter(rnd)};
            ChromosomeClass truth = known.labels().chromosomeClass();
            if (missed || truth == null || !(known.shape() instanceof Box b)) continue;
            double x0 = Math.clamp(b.x() + jitter[0], 0, width - 2);
            double y0 = Math.clamp(b.y() + jitter[1], 0, height - 2);
            double x1 = Math.clamp(b.x() + b.width() + jitter[2], x0 + 2, width);
            double y1 = Math.clamp(b.y() + b.height() + jitter[3], y0 + 2, height);
            ChromosomeClass cls = wrong ? neighbour(truth, up) : truth;
            // right ones centre near 0.88, wrong ones near 0.62: they overlap, as a real model's do
            double confidence = wrong ? 0.62 + 0.12 * noise : 0.88 + 0.06 * noise;
            confidence = Math.round(Math.clamp(confidence, 0.30, 0.99) * 1000) / 1000.0;
            out.add(new Proposal(new Box(x0, y0, x1 - x0, y1 - y0), AnnotationLabels.ofClass(cls, null), confidence));
        }
        return out;
    }

    /** A class a detector confuses with {@code c}: the next or previous autosome, X with 7, Y with 21/22. */
    static ChromosomeClass neighbour(ChromosomeClass c, boolean up) {
        return switch (c) {
            case X -> up ? ChromosomeClass.C7 : ChromosomeClass.C8;
            case Y -> up ? ChromosomeClass.C21 : ChromosomeClass.C22;
            case C1 -> ChromosomeClass.C2;
            case C22 -> ChromosomeClass.C21;
            default -> ChromosomeClass.of(c.number() + (up ? 1 : -1));
        };
    }

    /** Roughly normal, a few pixels, at most {@link #MAX_JITTER}. */
    private static int jitter(SplittableRandom rnd) {
        return (int) Math.round(Math.clamp(rnd.nextGaussian() * 1.8, -MAX_JITTER, MAX_JITTER));
    }
}
