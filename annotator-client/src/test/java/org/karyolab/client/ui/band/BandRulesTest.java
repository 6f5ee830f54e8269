package org.karyolab.client.ui.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.client.ui.band.BandRules.Finding;
import org.karyolab.client.ui.band.BandRules.Kind;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.Ideogram;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.shape.Point;

/** Proposal, orientation and the mismatch rules against the real ideograms. */
class BandRulesTest {

    final Ideogram i400 = Ideograms.at(BandLevel.B400);
    final List<Band> nine = i400.bands(ChromosomeClass.C9);

    @Test
    void theProposalCoversTheAxisInReferenceOrderProportionalToIscnLength() {
        List<BandCall> calls = BandRules.propose(nine, true);
        assertThat(calls).hasSize(nine.size());
        assertThat(calls.getFirst().start()).isZero();
        assertThat(calls.getLast().end()).isEqualTo(1.0);
        int[] ext = BandRules.extent(nine);
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).band()).isEqualTo(nine.get(i).name());
            double expected = (nine.get(i).iscnStop() - nine.get(i).iscnStart()) / (double) (ext[1] - ext[0]);
            assertThat(calls.get(i).end() - calls.get(i).start()).isCloseTo(expected, offset(1e-5));
            if (i > 0) assertThat(calls.get(i).start()).isEqualTo(calls.get(i - 1).end()); // adjacent: shared boundaries
        }
        assertThat(BandRules.check(calls, i400, ChromosomeClass.C9, true)).isEmpty();
    }

    @Test
    void withQterAtTheAxisStartTheProposalRunsBackwards() {
        List<BandCall> calls = BandRules.propose(nine, false);
        assertThat(calls.getFirst().band()).isEqualTo(nine.getLast().name());
        assertThat(calls.getLast().band()).isEqualTo(nine.getFirst().name());
        assertThat(calls.getFirst().start()).isZero();
        assertThat(calls.getLast().end()).isEqualTo(1.0);
        assertThat(BandRules.check(calls, i400, ChromosomeClass.C9, false)).isEmpty();
        // read the wrong way round, every band is out of order
        assertThat(BandRules.check(calls, i400, ChromosomeClass.C9, true)).filteredOn(f -> f.kind() == Kind.ORDER).hasSizeGreaterThan(10);
    }

    @Test
    void polarityAndTheAxisDirectionDecideWherePterIs() {
        var down = List.of(new Point(10, 10), new Point(10, 100));
        var up = List.of(new Point(10, 100), new Point(10, 10));
        assertThat(BandRules.pterAtStart(down, null)).isTrue();
        assertThat(BandRules.pterAtStart(up, null)).isTrue();
        assertThat(BandRules.pterAtStart(down, Polarity.P_UP)).isTrue();
        assertThat(BandRules.pterAtStart(up, Polarity.P_UP)).isFalse();
        assertThat(BandRules.pterAtStart(down, Polarity.P_DOWN)).isFalse();
        assertThat(BandRules.pterAtStart(up, Polarity.P_DOWN)).isTrue();
    }

    @Test
    void aBandMoreThanHalfAgainAsLongAsTheReferenceIsFlagged() {
        var calls = new ArrayList<>(BandRules.propose(nine, true));
        BandCall a = calls.get(3), b = calls.get(4);
        double len = a.end() - a.start();
        // 40 % longer: fine; taken from the neighbour
        double ok = a.end() + 0.4 * len;
        if (ok < b.end()) {
            calls.set(3, new BandCall(a.band(), a.start(), ok));
            calls.set(4, new BandCall(b.band(), ok, b.end()));
            assertThat(BandRules.check(calls, i400, ChromosomeClass.C9, true)).noneMatch(f -> f.call() == 3);
        }
        calls = new ArrayList<>(BandRules.propose(nine, true));
        double far = a.end() + 0.8 * len; // 80 % longer
        calls.set(3, new BandCall(a.band(), a.start(), far));
        calls.set(4, new BandCall(b.band(), far, Math.max(far, b.end())));
        List<Finding> found = BandRules.check(calls, i400, ChromosomeClass.C9, true);
        assertThat(found).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.LENGTH);
            assertThat(f.call()).isEqualTo(3);
            assertThat(f.message()).contains(a.band().toString()).contains("longer");
        });
    }

    @Test
    void swappedBandsAreOutOfOrderAndAMissingBandIsNamed() {
        var calls = new ArrayList<>(BandRules.propose(nine, true));
        BandCall a = calls.get(2), b = calls.get(3);
        calls.set(2, new BandCall(b.band(), a.start(), a.end()));
        calls.set(3, new BandCall(a.band(), b.start(), b.end()));
        List<Finding> found = BandRules.check(calls, i400, ChromosomeClass.C9, true);
        assertThat(found).filteredOn(f -> f.kind() == Kind.ORDER).extracting(Finding::call).containsExactly(3);

        calls = new ArrayList<>(BandRules.propose(nine, true));
        BandCall removed = calls.remove(5);
        found = BandRules.check(calls, i400, ChromosomeClass.C9, true);
        assertThat(found).filteredOn(f -> f.kind() == Kind.MISSING).extracting(Finding::band).containsExactly(removed.band());
        assertThat(found).filteredOn(f -> f.kind() == Kind.MISSING).allMatch(f -> f.call() == -1);
    }

    @Test
    void unknownAndDuplicateBandsAreFlagged() {
        var calls = new ArrayList<>(BandRules.propose(nine, true));
        BandCall first = calls.getFirst();
        calls.set(0, new BandCall(BandName.parse("9p29"), first.start(), first.end())); // 9p has no region 2 band 9
        calls.set(2, new BandCall(calls.get(1).band(), calls.get(2).start(), calls.get(2).end()));
        List<Finding> found = BandRules.check(calls, i400, ChromosomeClass.C9, true);
        assertThat(found).anyMatch(f -> f.kind() == Kind.UNKNOWN && f.call() == 0);
        assertThat(found).anyMatch(f -> f.kind() == Kind.DUPLICATE && f.call() == 2);
    }

    @Test
    void aCoarserNameStandsForTheRunItCovers() {
        // at 850 bands, one call "9q34" (the 400-band name) covers the whole 9q34.1x..9q34.3 run
        Ideogram i850 = Ideograms.at(BandLevel.B850);
        BandRules.Span span = BandRules.span(i850, ChromosomeClass.C9, BandName.parse("9q34"));
        assertThat(span).isNotNull();
        assertThat(span.last()).isGreaterThan(span.first());
        assertThat(i850.bands(ChromosomeClass.C9).get(span.first()).name().toString()).startsWith("9q34");
        // a finer name is placed in the 400-band band containing it
        Band fine = i850.bands(ChromosomeClass.C9).stream().filter(b -> b.name().subBand() != null && b.name().subBand().length() >= 2)
                .findFirst().orElseThrow();
        BandRules.Span finer = BandRules.span(i400, ChromosomeClass.C9, fine.name());
        assertThat(finer).isNotNull();
        assertThat(finer.first()).isEqualTo(finer.last());
        assertThat(fine.name().toString()).startsWith(i400.bands(ChromosomeClass.C9).get(finer.first()).name().toString());
    }
}
