package org.karyolab.learning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.karyolab.learning.synth.Synth;
import org.karyolab.learning.synth.SynthDocuments;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.learning.synth.SynthOptions;
import org.karyolab.learning.synth.SynthWriter;
import org.karyolab.schema.ImageAsset;

/**
 * The registry's promise, for every model on the class path: found by its id, and on a generated metaphase it
 * proposes something, each proposal a valid shape inside the image with consistent labels and a confidence from 0 to
 * 1, the same twice. A new model fails here until it does (docs/CONTRIBUTING.md).
 */
class SuggestionModelsTest {

    @Test
    void theDemoModelIsRegisteredAndEveryIdIsFoundAsItself() {
        assertThat(SuggestionModels.all()).extracting(SuggestionModel::id).contains("karyolab-demo-detector").doesNotHaveDuplicates();
        for (SuggestionModel m : SuggestionModels.all()) {
            assertThat(SuggestionModels.find(m.id())).get().extracting(SuggestionModel::id).isEqualTo(m.id());
            assertThat(m.id()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(m.version()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        }
    }

    @Test
    void anUnknownIdNamesTheRegisteredOnes() {
        assertThat(SuggestionModels.find("no-such-model")).isEmpty();
        assertThatThrownBy(() -> SuggestionModels.require("no-such-model")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-model'").hasMessageContaining("karyolab-demo-detector")
                .hasMessageContaining("META-INF/services/org.karyolab.learning.model.SuggestionModel");
    }

    @TestFactory
    Stream<DynamicTest> everyModelProposesValidShapesForAGeneratedImage() {
        SynthImage cell = Synth.metaphase("47,XX,+21", SynthOptions.defaults(), 7, 0);
        ImageAsset asset = SynthDocuments.asset("generated", cell, SynthWriter.png(cell.image()), "generated-case");
        var input = new ModelInput(asset, cell.image(), SynthDocuments.boxes(cell, asset), 11);
        return SuggestionModels.all().stream().map(model -> DynamicTest.dynamicTest(model.id(), () -> {
            var proposals = model.propose(input);
            assertThat(proposals).as("what %s proposes for a metaphase of %d chromosomes", model.id(), cell.chromosomes().size())
                    .isNotEmpty();
            for (int i = 0; i < proposals.size(); i++) {
                assertThat(proposals.get(i).validate(asset.width(), asset.height())).as("proposal %d: %s", i, proposals.get(i))
                        .isEmpty();
            }
            assertThat(model.propose(input)).as("the same input twice").isEqualTo(proposals);
        }));
    }
}
