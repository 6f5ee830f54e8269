package org.karyolab.learning.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Mode;

class KaryotypeReaderTest {

    static List<ObservedChromosome> observe(String iscn, BandLevel level, long shuffleSeed) {
        var obs = new ArrayList<>(CellBuilder.build(Iscn.parse(iscn, Mode.STRICT).orThrow(), level).stream()
                .map(ObservedChromosome::of).toList());
        Collections.shuffle(obs, new Random(shuffleSeed));
        return obs;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "46,XY|400", "47,XY,+21|400", "45,XX,-7|550", "45,X|400", "47,XXY|850",
            "46,XY,t(9;22)(q34;q11.2)|400", "46,XY,t(9;22)(q34.1;q11.2)|550", "46,XY,t(9;22)(q34.11;q11.21)|850",
            "46,XX,del(5)(q13q33)|400", "46,XX,del(5)(q13)|400", "46,XX,del(5)(p14)|400",
            "46,XX,inv(9)(p12q13)|400", "46,XX,inv(3)(q21q26.3)|400",
            "46,XY,dup(1)(q21q31)|400", "46,XY,trp(1)(q21q31)|400",
            "46,XY,i(17)(q10)|550", "46,X,i(X)(q10)|400", "46,XX,i(18)(p10)|400",
            "46,XX,r(7)(p22q36)|400", "46,XY,ins(5;2)(p14;q22q32)|400", "46,XY,ins(5;2)(q31;p13p22)|400",
            "46,XY,t(1;3;5)(p36.1;q21;q31)|400", "46,XY,der(22)t(9;22)(q34;q11.2)|400",
            "45,XX,rob(13;14)(q10;q10)|400", "46,XY,add(19)(p13.1)|400", "47,XY,+mar|400",
            "45,XY,dic(13;15)(p11.2;p11.2)|400", "46,X,del(X)(p21)|400", "46,Y,i(X)(q10)|400",
            "46,XY,idic(17)(p11.2)|400", "47,XX,t(9;22)(q34;q11.2),+21|400"})
    void readsBackWhatTheCellBuilderBuilt(String iscn, int bands) {
        var level = BandLevel.of(bands);
        var reading = KaryotypeReader.read(observe(iscn, level, iscn.hashCode()), level);
        assertThat(reading.iscn()).isEqualTo(iscn);
        assertThat(Iscn.write(reading.karyotype())).isEqualTo(reading.iscn());
        assertThat(Iscn.check(reading.karyotype())).isEmpty();
        assertThat(reading.evidence()).noneMatch(e -> e.call().startsWith("unexplained"));
    }

    @Test
    void evidenceShowsWhichObservedBandsMatchedWhichReferenceBands() {
        var reading = KaryotypeReader.read(observe("46,XY,t(9;22)(q34;q11.2)", BandLevel.B400, 1), BandLevel.B400);
        var der22 = reading.evidence().stream().filter(e -> e.call().contains("der(22)")).findFirst().orElseThrow();
        assertThat(der22.call()).startsWith("balanced reciprocal translocation");
        assertThat(der22.matches()).containsExactly(
                new Evidence.Match(0, 4, ChromosomeClass.C22, BandName.parse("22p13"), BandName.parse("22q11.1"), false),
                new Evidence.Match(5, 5, ChromosomeClass.C9, BandName.parse("9q34"), BandName.parse("9q34"), false));
        assertThat(reading.evidence().stream().filter(e -> e.call().startsWith("normal"))).hasSize(44);
    }

    @Test
    void namesParacentricAndPericentricInversions() {
        var para = KaryotypeReader.read(observe("46,XX,inv(3)(q21q26.3)", BandLevel.B400, 2), BandLevel.B400);
        assertThat(para.evidence()).anyMatch(e -> e.call().equals("paracentric inversion: inv(3)(q21q26.3)"));
        var peri = KaryotypeReader.read(observe("46,XX,inv(9)(p12q13)", BandLevel.B400, 3), BandLevel.B400);
        assertThat(peri.evidence()).anyMatch(e -> e.call().equals("pericentric inversion: inv(9)(p12q13)"));
    }

    @Test
    void aChromosomeSeenUpsideDownIsANormalOne() {
        var obs = observe("46,XY", BandLevel.B400, 4);
        obs.set(0, new ObservedChromosome(obs.get(0).bands().reversed()));
        assertThat(KaryotypeReader.read(obs, BandLevel.B400).iscn()).isEqualTo("46,XY");
    }

    @Test
    void documentedAmbiguityAnInterstitialDeletionReachingTheTelomereReadsAsTerminal() {
        // 5q35 is the last 5q band at 400: nothing distal is kept, so the bands cannot show a second break
        var reading = KaryotypeReader.read(observe("46,XX,del(5)(q33q35)", BandLevel.B400, 5), BandLevel.B400);
        assertThat(reading.iscn()).isEqualTo("46,XX,del(5)(q33)");
    }

    @Test
    void documentedAmbiguityAnInvertedSingleBandIsInvisible() {
        var reading = KaryotypeReader.read(observe("46,XX,inv(3)(q21q21)", BandLevel.B400, 6), BandLevel.B400);
        assertThat(reading.iscn()).isEqualTo("46,XX");
    }

    @Test
    void documentedAmbiguityAPericentricInversionOfTheWholeChromosomeIsTheChromosomeUpsideDown() {
        var reading = KaryotypeReader.read(observe("46,XY,inv(12)(p13.3q24.33)", BandLevel.B550, 8), BandLevel.B550);
        assertThat(reading.iscn()).isEqualTo("46,XY");
    }

    @Test
    void pericentricInversionWithOneBandLeftOnEachSideIsStillAnInversion() {
        var reading = KaryotypeReader.read(observe("46,XX,inv(16)(p13.2q23)", BandLevel.B550, 9), BandLevel.B550);
        assertThat(reading.iscn()).isEqualTo("46,XX,inv(16)(p13.2q23)");
    }

    @Test
    void upsideDownDerivativeIsTurnedAround() {
        var obs = observe("46,XY,t(9;22)(q34;q11.2)", BandLevel.B400, 10);
        int i = 0;
        while (obs.get(i).bands().size() != 6) {
            i++;
        }
        obs.set(i, new ObservedChromosome(obs.get(i).bands().reversed()));
        assertThat(KaryotypeReader.read(obs, BandLevel.B400).iscn()).isEqualTo("46,XY,t(9;22)(q34;q11.2)");
    }

    @Test
    void anUnexplainedChromosomeIsLeftOutAndTheLineMarkedIncomplete() {
        var obs = observe("46,XY", BandLevel.B400, 7);
        // chromosome 1 with both terminal runs lost: two events on one chromosome, not a supported single event
        var one = obs.stream().filter(o -> o.bands().getFirst().origin() == ChromosomeClass.C1).findFirst().orElseThrow();
        obs.set(obs.indexOf(one), new ObservedChromosome(one.bands().subList(2, one.bands().size() - 2)));
        var reading = KaryotypeReader.read(obs, BandLevel.B400);
        assertThat(reading.iscn()).isEqualTo("46,XY,-1,inc");
        assertThat(reading.evidence()).anyMatch(e -> e.call().startsWith("unexplained"));
    }
}
