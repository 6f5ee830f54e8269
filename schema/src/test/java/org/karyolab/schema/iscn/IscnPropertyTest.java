package org.karyolab.schema.iscn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.iscn.Abnormality.Derivative;
import org.karyolab.schema.iscn.Abnormality.DoubleMinutes;
import org.karyolab.schema.iscn.Abnormality.Marker;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.Abnormality.WholeChromosome;
import org.karyolab.schema.iscn.CellLine.CellCount;
import org.karyolab.schema.iscn.CellLine.ChromosomeCount;
import org.karyolab.schema.iscn.CellLine.Reference;
import org.karyolab.schema.iscn.Entry.Origin;
import org.karyolab.schema.iscn.Entry.Sign;

/** Any karyotype tree the grammar allows writes to text that parses back to the same tree. */
class IscnPropertyTest {

    @Property(tries = 2000)
    void parseOfWriteGivesTheTreeBack(@ForAll("karyotypes") Karyotype k) {
        String text = Iscn.write(k);
        assertThat(Iscn.parse(text, Mode.STRICT)).as(text).isEqualTo(new IscnResult.Parsed(k, List.of()));
        assertThat(Iscn.parse(text, Mode.LENIENT)).as(text).isEqualTo(new IscnResult.Parsed(k, List.of()));
    }

    @Property(tries = 300)
    void theCheckerNeverThrowsAndPointsInsideTheText(@ForAll("karyotypes") Karyotype k) {
        int length = Iscn.write(k).length();
        assertThat(Iscn.check(k)).allSatisfy(issue -> assertThat(issue.column()).isBetween(0, length));
    }

    @Provide
    Arbitrary<Karyotype> karyotypes() {
        return Combinators.combine(Arbitraries.of(Karyotype.Mosaicism.class), cellLines().list().ofMinSize(1).ofMaxSize(3))
                .as(Karyotype::new);
    }

    static Arbitrary<CellLine> cellLines() {
        return Combinators.combine(counts(), references(), entries().list().ofMaxSize(5), Arbitraries.of(true, false),
                cellCounts().injectNull(0.4)).as(CellLine::new);
    }

    static Arbitrary<ChromosomeCount> counts() {
        return Combinators.combine(Arbitraries.integers().between(1, 99), Arbitraries.integers().between(0, 5))
                .as((low, extra) -> new ChromosomeCount(low, low + extra));
    }

    static Arbitrary<CellCount> cellCounts() {
        return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.of(true, false)).as(CellCount::new);
    }

    static Arbitrary<Reference> references() {
        Arbitrary<Reference> sex = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false)).filter((x, y, c) -> x + y > 0).as(CellLine.SexChromosomes::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, sex),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new CellLine.Idem())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new CellLine.Stemline())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4).injectNull(0.5).map(CellLine.Sideline::new)));
    }

    static Arbitrary<Entry> entries() {
        Arbitrary<Entry> whole = Combinators.combine(Arbitraries.of(Sign.GAIN, Sign.LOSS), Arbitraries.of(true, false),
                Arbitraries.of(ChromosomeClass.class).map(WholeChromosome::new), origins()).as(Entry::new);
        Arbitrary<Abnormality> other = Arbitraries.oneOf(markers(), doubleMinutes(), rearrangements().map(r -> r), derivatives());
        Arbitrary<Entry> structural = Combinators.combine(Arbitraries.of(Sign.class), Arbitraries.of(true, false), other, origins())
                .as(Entry::new);
        return Arbitraries.oneOf(whole, structural);
    }

    static Arbitrary<Origin> origins() {
        return Arbitraries.of(Origin.class).injectNull(0.6);
    }

    static Arbitrary<Abnormality> markers() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 9).map(n -> new Marker(n, null)),
                Arbitraries.integers().between(1, 9).map(n -> new Marker(1, n)));
    }

    static Arbitrary<Abnormality> doubleMinutes() {
        return counts().injectNull(0.5).map(DoubleMinutes::new);
    }

    static Arbitrary<ChromosomeClass> chromosomes() {
        return Arbitraries.of(ChromosomeClass.class).injectNull(0.05);
    }

    static Arbitrary<Rearrangement> rearrangements() {
        return Arbitraries.of(Rearrangements.class).flatMap(type -> {
            int fewest = type == Rearrangements.T || type == Rearrangements.DIC || type == Rearrangements.ROB ? 2 : 1;
            int most = type == Rearrangements.T ? 4 : type == Rearrangements.INS ? 2 : fewest;
            return chromosomes().list().ofMinSize(fewest).ofMaxSize(most)
                    .flatMap(cs -> groups(cs.size()).map(groups -> new Rearrangement(type, cs, groups)));
        });
    }

    static Arbitrary<Abnormality> derivatives() {
        return chromosomes().list().ofMinSize(1).ofMaxSize(2).flatMap(cs -> Combinators.combine(
                Arbitraries.oneOf(Arbitraries.just(List.<List<Breakpoint>>of()), groups(cs.size())),
                rearrangements().list().ofMaxSize(3)).as((own, events) -> new Derivative(cs, own, events)));
    }

    /** One group per chromosome; an unknown breakpoint '?' only ends a group ("?q21" would read as a questioned band). */
    static Arbitrary<List<List<Breakpoint>>> groups(int chromosomes) {
        Arbitrary<List<Breakpoint>> group = Combinators.combine(known().list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 5)).as((known, unknown) -> {
                    var g = new ArrayList<>(known);
                    if (unknown == 0) {
                        g.add(new Breakpoint.Unknown());
                    }
                    return (List<Breakpoint>) g;
                });
        return group.list().ofSize(chromosomes);
    }

    static Arbitrary<Breakpoint> known() {
        Arbitrary<Breakpoint> at = Combinators.combine(bands(), Arbitraries.of(true, false)).as(Breakpoint.At::new);
        Arbitrary<Breakpoint> between = Combinators.combine(bands(), bands()).as(Breakpoint.Between::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, at), net.jqwik.api.Tuple.of(1, between));
    }

    /** Band names as written inside breakpoints: no chromosome; ends, centromere, arm, region, band, sub-band. */
    static Arbitrary<BandName> bands() {
        Arbitrary<Arm> arm = Arbitraries.of(Arm.class);
        Arbitrary<BandName> band = Combinators.combine(arm, Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(0, 9), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).injectNull(0.5))
                .as((a, region, b, sub) -> BandName.of(null, a, region, b, sub));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, band),
                net.jqwik.api.Tuple.of(1, Combinators.combine(arm, Arbitraries.integers().between(1, 9))
                        .as((a, region) -> BandName.of(null, a, region, null, null))),
                net.jqwik.api.Tuple.of(1, arm.map(a -> BandName.of(null, a, null, null, null))),
                net.jqwik.api.Tuple.of(1, arm.map(a -> BandName.terminal(null, a))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BandName.centromere(null))));
    }
}
