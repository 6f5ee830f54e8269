package org.karyolab.server.cli;

import org.karyolab.learning.synth.ChromosomeTruth;
import org.karyolab.learning.synth.PixelMask;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.Services;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.SuggestionInput;
import org.karyolab.server.service.SuggestionService;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's model in the loop: a pretend detector whose output is the synthetic ground truth made
 * noisy the way a real detector's is. Per chromosome: its bounding box with each edge jittered a few
 * pixels; about 10 % of the chromosomes are missed, about 10 % get a neighbouring class, and the
 * confidences come from a seeded distribution where the wrong ones are lower on average (so a
 * threshold is worth having, but not perfect). The same image and seed always give the same
 * suggestions, so posting them again adds nothing (the server dedupes on model version + content).
 */
final class DemoSuggestions {

    static final String MODEL_ID = "karyolab-demo-detector";
    static final String MODEL_VERSION = "0.1";
    static final double MISS_RATE = 0.10;
    static final double WRONG_CLASS_RATE = 0.10;
    /** Largest edge jitter, in pixels. */
    static final int MAX_JITTER = 4;

    private DemoSuggestions() {
    }

    /** The detector's output for one synthetic image, deterministic for {@code seed}. */
    static List<SuggestionInput> of(SynthImage image, long seed) {
        var rnd = new SplittableRandom(seed);
        List<SuggestionInput> out = new ArrayList<>();
        for (ChromosomeTruth c : image.chromosomes()) {
            // draw every random number for every chromosome, so one decision never shifts the next ones
            boolean missed = rnd.nextDouble() < MISS_RATE;
            boolean wrong = rnd.nextDouble() < WRONG_CLASS_RATE;
            boolean up = rnd.nextBoolean();
            double noise = rnd.nextGaussian();
            int[] jitter = {jitter(rnd), jitter(rnd), jitter(rnd), jitter(rnd)};
            if (missed || c.chromosomeClass() == null) continue;
            PixelMask m = c.mask();
            double x0 = Math.clamp(m.x0() + jitter[0], 0, image.width() - 2);
            double y0 = Math.clamp(m.y0() + jitter[1], 0, image.height() - 2);
            double x1 = Math.clamp(m.x0() + m.width() + jitter[2], x0 + 2, image.width());
            double y1 = Math.clamp(m.y0() + m.height() + jitter[3], y0 + 2, image.height());
            ChromosomeClass cls = wrong ? neighbour(c.chromosomeClass(), up) : c.chromosomeClass();
            // right ones centre near 0.88, wrong ones near 0.62: they overlap, as a real model's do
            double confidence = wrong ? 0.62 + 0.12 * noise : 0.88 + 0.06 * noise;
            confidence = Math.round(Math.clamp(confidence, 0.30, 0.99) * 1000) / 1000.0;
            out.add(new SuggestionInput(new Box(x0, y0, x1 - x0, y1 - y0), AnnotationLabels.ofClass(cls, null), confidence,
                    MODEL_ID, MODEL_VERSION));
        }
        return out;
    }

    /** Posts them as the demo's model; returns how many were new (0 when they were posted before). */
    static int post(Services services, String imageId, List<SuggestionInput> suggestions, String postedBy) {
        if (suggestions.isEmpty()) return 0;
        if (services.suggestions().post(imageId, suggestions, postedBy)
                instanceof Outcome.Done<List<SuggestionService.Posted>>(List<SuggestionService.Posted> posted)) {
            return (int) posted.stream().filter(SuggestionService.Posted::created).count();
        }
        throw new IllegalStateException("the server refused the demo suggestions for image " + imageId);
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
