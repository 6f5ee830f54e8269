package org.karyolab.learning.karyotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.karyolab.learning.karyotype.KaryotypeService.KaryotypeRequest;
import org.karyolab.learning.karyotype.KaryotypeService.ObservedBandInput;
import org.karyolab.learning.karyotype.KaryotypeService.ObservedChromosomeInput;
import org.karyolab.learning.karyotype.KaryotypeService.ReadRequest;
import org.karyolab.learning.karyotype.KaryotypeViews.ParseView;
import org.karyolab.learning.karyotype.KaryotypeViews.ReadView;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Violation;
import org.karyolab.schema.ideogram.Ideograms;

/** The service alone, without the server: its answers are values, its reads report their work to whoever asks. */
class KaryotypeServiceTest {

    private final KaryotypeService service = new KaryotypeService();

    @Test
    void aValidKaryotypeParsesToItsCanonicalText() {
        var outcome = service.parse(new KaryotypeRequest("46,xy,t(9;22)(q34;q11.2)", "lenient", null));
        assertThat(outcome).isInstanceOf(KaryotypeOutcome.Done.class);
        ParseView view = ((KaryotypeOutcome.Done<ParseView>) outcome).value();
        assertThat(view.canonical()).isEqualTo("46,XY,t(9;22)(q34;q11.2)");
        assertThat(view.mode()).isEqualTo("lenient");
    }

    @Test
    void everyBrokenFieldOfARequestIsNamedAtOnce() {
        var outcome = service.check(new KaryotypeRequest(" ", "loose", 123));
        assertThat(outcome).isInstanceOfSatisfying(KaryotypeOutcome.Invalid.class, invalid -> {
            assertThat(invalid.detail()).isEqualTo("not a karyotype request");
            assertThat(invalid.violations()).extracting(v -> ((Violation) v).pointer())
                    .containsExactly("/karyotype", "/mode", "/level");
        });
    }

    @Test
    void aReadReportsTheBandsItAlignsAndMayBeStoppedByTheMeter() {
        // a normal chromosome 1: its bands at 400, pter to qter
        var chromosome = new ObservedChromosomeInput(false, Ideograms.at(BandLevel.B400).bands(ChromosomeClass.C1).stream()
                .map(b -> new ObservedBandInput("1", b.name().toString())).toList());
        var spent = new AtomicLong();
        var counted = new KaryotypeService(spent::addAndGet).read(new ReadRequest(400, List.of(chromosome)));
        assertThat(counted).isInstanceOf(KaryotypeOutcome.Done.class);
        ReadView read = ((KaryotypeOutcome.Done<ReadView>) counted).value();
        assertThat(read.iscn()).as("a cell of one chromosome 1 lacks all the others").startsWith("1,").contains(",-1,");
        assertThat(spent.get()).isPositive();

        var stopping = new KaryotypeService(bands -> {
            throw new IllegalStateException("over budget");
        });
        assertThatThrownBy(() -> stopping.read(new ReadRequest(400, List.of(chromosome))))
                .isInstanceOf(IllegalStateException.class).hasMessage("over budget");
    }
}
