package org.karyolab.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.learning.synth.Synth;
import org.karyolab.learning.synth.SynthDocuments;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.learning.synth.SynthOptions;
import org.karyolab.learning.synth.SynthWriter;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.shape.Box;

/** The demo's stand-in detector on the demo's first metaphase: near the truth, wrong now and then, and less sure then. */
class NoisyTruthModelTest {

    /** The demo's first case: its karyotype, seed and the seed of its suggestions (server's DemoCommand). */
    static final SynthImage CELL = Synth.metaphase("46,XY", SynthOptions.defaults(), 2025, 0);
    static final long SEED = Synth.cellSeed(2025 + 1, 0);

    private static ModelInput input(SynthImage cell, long seed) {
        ImageAsset asset = SynthDocuments.asset("demo-case-01", cell, SynthWriter.png(cell.image()), "demo-case-01");
        return new ModelInput(asset, cell.image(), SynthDocuments.boxes(cell, asset), seed);
    }

    @Test
    void wrongClassesAreNeighboursAndLessConfidentOnAverage() {
        var truthBoxes = CELL.chromosomes();
        List<Proposal> suggestions = new NoisyTruthModel().propose(input(CELL, SEED));
        double rightSum = 0, wrongSum = 0;
        int right = 0, wrong = 0;
        for (Proposal s : suggestions) {
            Box b = (Box) s.shape();
            // the chromosome it came from: the one whose mask window is within the jitter of the box
            var truth = truthBoxes.stream().filter(c -> Math.abs(c.mask().x0() - b.x()) <= NoisyTruthModel.MAX_JITTER
                    && Math.abs(c.mask().y0() - b.y()) <= NoisyTruthModel.MAX_JITTER
                    && Math.abs(c.mask().x0() + c.mask().width() - (b.x() + b.width())) <= NoisyTruthModel.MAX_JITTER
                    && Math.abs(c.mask().y0() + c.mask().height() - (b.y() + b.height())) <= NoisyTruthModel.MAX_JITTER).toList();
            assertThat(truth).as("a ground-truth chromosome within %d px of %s", NoisyTruthModel.MAX_JITTER, b).isNotEmpty();
            ChromosomeClass suggested = s.labels().chromosomeClass();
            if (truth.stream().anyMatch(c -> c.chromosomeClass() == suggested)) {
                right++;
                rightSum += s.confidence();
            } else {
                assertThat(truth).anyMatch(c -> NoisyTruthModel.neighbour(c.chromosomeClass(), true) == suggested
                        || NoisyTruthModel.neighbour(c.chromosomeClass(), false) == suggested);
                wrong++;
                wrongSum += s.confidence();
            }
        }
        assertThat(wrong).isBetween(1, suggestions.size() / 4);
        assertThat(wrongSum / wrong).isLessThan(rightSum / right - 0.1);
    }

    @Test
    void theSameInputAndSeedProposeTheSameAndAnotherSeedOtherwise() {
        var model = new NoisyTruthModel();
        assertThat(model.propose(input(CELL, SEED))).isEqualTo(model.propose(input(CELL, SEED)))
                .isNotEqualTo(model.propose(input(CELL, SEED + 1)));
    }

    @Test
    void knownAnnotationsThatAreNotClassifiedBoxesProposeNothing() {
        ImageAsset asset = SynthDocuments.asset("demo-case-01", CELL, SynthWriter.png(CELL.image()), "demo-case-01");
        var truth = SynthDocuments.document(CELL, asset).annotations().stream()
                .filter(a -> !(a.shape() instanceof Box) || a.labels().chromosomeClass() == null).toList();
        assertThat(new NoisyTruthModel().propose(new ModelInput(asset, CELL.image(), truth, SEED))).isEmpty();
    }
}
