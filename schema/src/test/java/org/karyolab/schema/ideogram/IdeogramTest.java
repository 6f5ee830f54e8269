package org.karyolab.schema.ideogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;

class IdeogramTest {

    private static List<String> names(List<Band> bands) {
        return bands.stream().map(b -> b.name().toString()).toList();
    }

    private static int total(Ideogram ideogram) {
        int n = 0;
        for (ChromosomeClass c : ChromosomeClass.values()) {
            n += ideogram.bands(c).size();
        }
        return n;
    }

    @Test
    void theNcbiTablesHaveTheirBandCounts() {
        // Rows of the ideogram@1.53.0 tables, the mitochondrial row left out.
        assertThat(total(Ideograms.at(BandLevel.B400))).isEqualTo(393);
        assertThat(total(Ideograms.at(BandLevel.B550))).isEqualTo(553);
        assertThat(total(Ideograms.at(BandLevel.B850))).isEqualTo(862);
        assertThat(total(Ideograms.at(BandLevel.B300))).isBetween(250, 392);
    }

    @Test
    void looksUpABandByNameWithItsStainAndCoordinates() {
        Band band = Ideograms.at(BandLevel.B550).band("9q34.1").orElseThrow();
        assertThat(band.arm()).isEqualTo(Arm.Q);
        assertThat(band.stain()).isEqualTo(BandStain.GNEG);
        assertThat(band.iscnStart()).isLessThan(band.iscnStop());
        assertThat(Ideograms.at(BandLevel.B850).band("1p36.33").orElseThrow().iscnStart()).isZero();
        assertThat(Ideograms.at(BandLevel.B850).band("Yq11.221").orElseThrow().stain()).isEqualTo(BandStain.GPOS50);
        assertThat(Ideograms.at(BandLevel.B400).band("9q34")).isPresent(); // split only from 550 on
        assertThat(Ideograms.at(BandLevel.B400).band("9q34.1")).isEmpty();
        assertThat(Ideograms.at(BandLevel.B400).band("1p36.13")).isEmpty();
        assertThat(Ideograms.at(BandLevel.B850).band("1p36.1")).isEmpty();
    }

    @Test
    void bandsRunFromPterToQterWithTheCentromereBetweenTheArms() {
        for (BandLevel level : BandLevel.values()) {
            Ideogram ideogram = Ideograms.at(level);
            for (ChromosomeClass c : ChromosomeClass.values()) {
                List<Band> bands = ideogram.bands(c);
                assertThat(bands).as("%s at %s", c, level).isNotEmpty();
                assertThat(bands.getFirst().iscnStart()).isZero();
                for (int i = 1; i < bands.size(); i++) {
                    assertThat(bands.get(i).iscnStart()).isGreaterThanOrEqualTo(bands.get(i - 1).iscnStop());
                }
                List<Arm> arms = bands.stream().map(Band::arm).toList();
                assertThat(arms.indexOf(Arm.Q)).isEqualTo(arms.lastIndexOf(Arm.P) + 1);
                assertThat(bands.stream().filter(b -> b.stain() == BandStain.ACEN).count()).as("%s at %s", c, level)
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void stalksAreOnTheAcrocentrics() {
        for (ChromosomeClass c : List.of(ChromosomeClass.C13, ChromosomeClass.C14, ChromosomeClass.C15, ChromosomeClass.C21,
                ChromosomeClass.C22)) {
            assertThat(Ideograms.at(BandLevel.B850).bands(c)).anyMatch(b -> b.stain() == BandStain.STALK);
        }
        assertThat(Ideograms.at(BandLevel.B850).bands(ChromosomeClass.C1)).noneMatch(b -> b.stain() == BandStain.STALK);
    }

    @Test
    void aCoarseNameCoversTheRunOfFinerBands() {
        BandName p36 = BandName.parse("1p36");
        assertThat(names(Ideograms.at(BandLevel.B400).covering(p36))).containsExactly("1p36.3", "1p36.2", "1p36.1");
        assertThat(names(Ideograms.at(BandLevel.B550).covering(p36))).containsExactly("1p36.3", "1p36.2", "1p36.1");
        assertThat(names(Ideograms.at(BandLevel.B850).covering(p36))).containsExactly("1p36.33", "1p36.32", "1p36.31",
                "1p36.23", "1p36.22", "1p36.21", "1p36.13", "1p36.12", "1p36.11");
        assertThat(names(Ideograms.at(BandLevel.B850).covering(BandName.parse("1p36.1")))).containsExactly("1p36.13",
                "1p36.12", "1p36.11");
        assertThat(names(Ideograms.at(BandLevel.B300).covering(p36))).containsExactly("1p36");
        assertThat(Ideograms.at(BandLevel.B400).covering(BandName.parse("1p36.13"))).isEmpty();
        assertThat(names(Ideograms.at(BandLevel.B400).covering(BandName.parse("9cen")))).containsExactly("9p11", "9q11");
        assertThat(Ideograms.at(BandLevel.B400).covering(BandName.parse("9q")))
                .allMatch(b -> b.arm() == Arm.Q).hasSize((int) Ideograms.at(BandLevel.B400).arm(ChromosomeClass.C9, Arm.Q).size());
    }

    @Test
    void aFineBandLiesInsideOneBandOfEachCoarserLevel() {
        BandName fine = BandName.parse("1p36.13");
        assertThat(Ideograms.at(BandLevel.B400).containing(fine).orElseThrow().name()).hasToString("1p36.1");
        assertThat(Ideograms.at(BandLevel.B550).containing(fine).orElseThrow().name()).hasToString("1p36.1");
        assertThat(Ideograms.at(BandLevel.B300).containing(fine).orElseThrow().name()).hasToString("1p36");
        assertThat(Ideograms.at(BandLevel.B850).containing(fine).orElseThrow().name()).hasToString("1p36.13");
        assertThat(Ideograms.at(BandLevel.B850).containing(BandName.parse("1p36"))).isEmpty();
        // The NCBI names nest exactly: every band at a finer level is inside exactly one band of each coarser level.
        BandLevel[] levels = BandLevel.values();
        for (int f = 1; f < levels.length; f++) {
            for (int c = 0; c < f; c++) {
                Ideogram coarse = Ideograms.at(levels[c]);
                for (ChromosomeClass chromosome : ChromosomeClass.values()) {
                    for (Band band : Ideograms.at(levels[f]).bands(chromosome)) {
                        Band outer = coarse.containing(band.name()).orElseThrow(() -> new AssertionError(band + " in " + coarse));
                        // ISCN units differ per level (each is its own drawing); base pairs are the same genome.
                        assertThat(band.bpStart()).isGreaterThanOrEqualTo(outer.bpStart());
                        assertThat(band.bpStop()).isLessThanOrEqualTo(outer.bpStop());
                        assertThat(coarse.covering(outer.name())).containsExactly(outer);
                    }
                }
            }
        }
    }

    @Test
    void theThreeHundredBandViewMergesSubBands() {
        Ideogram b300 = Ideograms.at(BandLevel.B300);
        Ideogram b400 = Ideograms.at(BandLevel.B400);
        Band p36 = b300.band("1p36").orElseThrow();
        List<Band> parts = b400.covering(BandName.parse("1p36"));
        assertThat(p36.iscnStart()).isEqualTo(parts.getFirst().iscnStart());
        assertThat(p36.iscnStop()).isEqualTo(parts.getLast().iscnStop());
        assertThat(p36.bpStop()).isEqualTo(parts.getLast().bpStop());
        for (ChromosomeClass c : ChromosomeClass.values()) {
            assertThat(b300.bands(c)).allMatch(b -> b.name().subBand() == null);
            assertThat(b300.bands(c).getLast().iscnStop()).isEqualTo(b400.bands(c).getLast().iscnStop());
        }
        assertThat(b300.band("9q34")).isPresent();
        assertThat(b300.band("9q34.1")).isEmpty();
        assertThat(Ideograms.at(BandLevel.B300)).isSameAs(b300);
    }

    @Test
    void theFinestLevelNamingABand() {
        assertThat(Ideograms.finestLevelNaming(BandName.parse("1p36.13"))).isEqualTo(BandLevel.B850);
        assertThat(Ideograms.finestLevelNaming(BandName.parse("1p36.1"))).isEqualTo(BandLevel.B550);
        assertThat(Ideograms.finestLevelNaming(BandName.parse("1p36"))).isEqualTo(BandLevel.B300);
        assertThat(Ideograms.finestLevelNaming(BandName.parse("9q34"))).isEqualTo(BandLevel.B400);
        assertThat(Ideograms.finestLevelNaming(BandName.parse("9q34.2"))).isEqualTo(BandLevel.B850);
        assertThat(Ideograms.finestLevelNaming(BandName.parse("5q36"))).isNull();
    }

    @Test
    void namesNeedTheirChromosome() {
        assertThatThrownBy(() -> Ideograms.at(BandLevel.B400).covering(BandName.parse("q34")))
                .hasMessageContaining("needs its chromosome");
    }
}
