package org.karyolab.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.learning.model.SuggestionModel;
import org.karyolab.learning.model.SuggestionModels;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.ServerSettings;
import org.karyolab.server.service.Outcome;
import org.karyolab.schema.api.SuggestionInput;
import org.karyolab.server.service.SuggestionService;
import org.karyolab.schema.api.Suggestion;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's set-up, run on a temporary data directory without blocking: images, then noisy suggestions on them from
 * the model the registry finds (its own properties: learning's NoisyTruthModelTest).
 */
class DemoCommandTest {

    @Test
    void setsUpImagesAndSuggestionsAndPostingAgainDuplicatesNothing(@TempDir Path dir) {
        try (KaryoLabServer server = KaryoLabServer.start(new ServerSettings("127.0.0.1", 0, dir, null, null, null),
                s -> s.auth().ensureFirstAdmin(ServeCommand.FIRST_ADMIN, "demo-test-password"))) {
            long start = System.nanoTime();
            DemoCommand.Setup setup = DemoCommand.setUp(server);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(setup).isNotNull();
            assertThat(setup.imageIds()).hasSize(DemoCommand.DEMO_KARYOTYPES.size());
            System.out.printf("demo set-up: %d images, %d suggestions in %.1f s%n", setup.imageIds().size(),
                    setup.suggestionsPosted(), seconds);

            int total = 0;
            for (int i = 0; i < setup.imageIds().size(); i++) {
                String imageId = setup.imageIds().get(i);
                SynthImage cell = DemoCommand.demoCell(i);
                List<Suggestion> stored = open(server, imageId);
                // ~10 % of the chromosomes are missed, never all and never none
                assertThat(stored.size()).isLessThan(cell.chromosomes().size()).isGreaterThan(cell.chromosomes().size() * 3 / 4);
                assertThat(stored).allSatisfy(s -> {
                    assertThat(s.modelId()).isEqualTo("karyolab-demo-detector");
                    assertThat(s.modelVersion()).isEqualTo("0.1");
                    assertThat(s.shape()).isInstanceOf(Box.class);
                    assertThat(s.confidence()).isBetween(0.0, 1.0);
                    assertThat(s.labels().chromosomeClass()).isNotNull();
                });
                total += stored.size();
            }
            assertThat(setup.suggestionsPosted()).isEqualTo(total);

            // posting the same (deterministic) suggestions again adds nothing: the server dedupes
            SuggestionModel demoModel = SuggestionModels.require(DemoCommand.DEMO_MODEL);
            for (int i = 0; i < setup.imageIds().size(); i++) {
                String imageId = setup.imageIds().get(i);
                ImageAsset image = ((Outcome.Done<ImageAsset>) server.services().images().get(imageId)).value();
                List<SuggestionInput> again = DemoCommand.suggestionsFor(demoModel, DemoCommand.demoCell(i), image, i);
                assertThat(again).isEqualTo(DemoCommand.suggestionsFor(demoModel, DemoCommand.demoCell(i), image, i));
                assertThat(DemoCommand.post(server, imageId, again)).isZero();
            }
            int after = setup.imageIds().stream().mapToInt(id -> open(server, id).size()).sum();
            assertThat(after).isEqualTo(total);

            var models = server.services().suggestions().models(setup.projectId());
            assertThat(models).isInstanceOf(Outcome.Done.class);
            SuggestionService.ModelReport model = ((Outcome.Done<List<SuggestionService.ModelReport>>) models).value().getFirst();
            assertThat(((Outcome.Done<List<SuggestionService.ModelReport>>) models).value()).hasSize(1);
            assertThat(model.modelId()).isEqualTo("karyolab-demo-detector");
            assertThat(model.posted()).isEqualTo(total);
        }
    }

    private static List<Suggestion> open(KaryoLabServer server, String imageId) {
        if (server.services().suggestions().list(imageId, false) instanceof Outcome.Done<List<Suggestion>>(List<Suggestion> list)) {
            return list;
        }
        throw new AssertionError("no suggestions listed for " + imageId);
    }
}
