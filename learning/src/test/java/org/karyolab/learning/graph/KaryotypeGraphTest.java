package org.karyolab.learning.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Mode;

class KaryotypeGraphTest {

    @ParameterizedTest
    @ValueSource(strings = {"46,XY", "46,XY,t(9;22)(q34;q11.2)", "46,XX,inv(9)(p12q13)", "46,XX,r(7)(p22q36)",
            "46,XY,ins(5;2)(p14;q22q32)", "45,XX,rob(13;14)(q10;q10)", "47,XY,+21", "46,XY,add(19)(p13)",
            "46,XY,t(1;3;5)(p36;q21;q31)"})
    void eachChromosomeIsOnePathAndJunctionEdgesAreTheFusions(String iscn) {
        var k = Iscn.parse(iscn, Mode.STRICT).orThrow();
        var g = KaryotypeGraph.of(k, BandLevel.B550);
        var cell = g.cell();
        int bands = cell.derived().stream().mapToInt(DerivedChromosome::size).sum();
        long rings = cell.derived().stream().filter(DerivedChromosome::ring).count();
        assertThat(g.graph().vertexSet()).hasSize(bands);
        assertThat(g.graph().edgeSet()).hasSize(bands - cell.chromosomes().size() + (int) rings);
        assertThat(new ConnectivityInspector<>(g.graph()).connectedSets()).hasSize(cell.chromosomes().size());
        for (int c = 0; c < g.chromosomeCount(); c++) {
            List<BandNode> path = g.path(c);
            for (int i = 1; i < path.size(); i++) {
                var e = g.graph().getEdge(path.get(i - 1), path.get(i));
                assertThat(e).isNotNull();
                boolean junction = cell.chromosomes().get(c).junctions().stream().anyMatch(j -> j.position() == e.position());
                assertThat(e.kind() == Adjacency.Kind.JUNCTION).isEqualTo(junction);
            }
        }
        var fromGraph = LossGainFusion.of(g);
        var fast = LossGainFusion.of(k, BandLevel.B550);
        assertThat(fromGraph.changes()).isEqualTo(fast.changes());
        assertThat(fromGraph.fusions()).containsExactlyInAnyOrderElementsOf(fast.fusions());
    }
}
