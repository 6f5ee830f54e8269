package org.karyolab.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.ServerSettings;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.SuggestionInput;
import org.karyolab.server.service.SuggestionService;
import org.karyolab.schema.api.Suggestion;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's set-up, run on a temporary data directory without blocking: images, then noisy suggestions on them. */
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
            for (int i = 0; i < setup.imageIds().size(); i++) {
                String imageId = setup.imageIds().get(i);
                List<SuggestionInput> again = DemoCommand.suggestionsFor(DemoCommand.demoCell(i), i);
                assertThat(again).isEqualTo(DemoCommand.suggestionsFor(DemoCommand.demoCell(i), i));
                assertThat(DemoSuggestions.post(server.services(), imageId, again, ServeCommand.FIRST_ADMIN)).isZero();
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

    @Test
    void wrongClassesAreNeighboursAndLessConfidentOnAverage() {
        SynthImage cell = DemoCommand.demoCell(0);
        var truthBoxes = cell.chromosomes();
        List<SuggestionInput> suggestions = DemoCommand.suggestionsFor(cell, 0);
        double rightSum = 0, wrongSum = 0;
        int right = 0, wrong = 0;
        for (SuggestionInput s : suggestions) {
            Box b = (Box) s.shape();
            // the chromosome it came from: the one whose mask window is within the jitter of the box
            var truth = truthBoxes.stream().filter(c -> Math.abs(c.mask().x0() - b.x()) <= DemoSuggestions.MAX_JITTER
                    && Math.abs(c.mask().y0() - b.y()) <= DemoSuggestions.MAX_JITTER
                    && Math.abs(c.mask().x0() + c.mask().width() - (b.x() + b.width())) <= DemoSuggestions.MAX_JITTER
                    && Math.abs(c.mask().y0() + c.mask().height() - (b.y() + b.height())) <= DemoSuggestions.MAX_JITTER).toList();
            assertThat(truth).as("a ground-truth chromosome within %d px of %s", DemoSuggestions.MAX_JITTER, b).isNotEmpty();
            ChromosomeClass suggested = s.labels().chromosomeClass();
            if (truth.stream().anyMatch(c -> c.chromosomeClass() == suggested)) {
                right++;
                rightSum += s.confidence();
            } else {
                assertThat(truth).anyMatch(c -> DemoSuggestions.neighbour(c.chromosomeClass(), true) == suggested
                        || DemoSuggestions.neighbour(c.chromosomeClass(), false) == suggested);
                wrong++;
                wrongSum += s.confidence();
            }
        }
        assertThat(wrong).isBetween(1, suggestions.size() / 4);
        assertThat(wrongSum / wrong).isLessThan(rightSum / right - 0.1);
    }

    private static List<Suggestion> open(KaryoLabServer server, String imageId) {
        if (server.services().suggestions().list(imageId, false) instanceof Outcome.Done<List<Suggestion>>(List<Suggestion> list)) {
            return list;
        }
        throw new AssertionError("no suggestions listed for " + imageId);
    }
}
