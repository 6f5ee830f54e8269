package org.karyolab.learning.graph;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.GraphSpecificsStrategy;
import org.jgrapht.graph.IntrusiveEdgesSpecifics;
import org.jgrapht.graph.UniformIntrusiveEdgesSpecifics;
import org.jgrapht.graph.specifics.DirectedSpecifics;
import org.jgrapht.graph.specifics.Specifics;
import org.jgrapht.GraphType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jgrapht.graph.DefaultGraphType;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Karyotype;

/**
 * The band graph of a cell: each chromosome a directed path of band copies pter to qter, a ring closed by an edge
 * from its last band to its first; edges are {@link Adjacency.Kind#REFERENCE} where the bands are neighbours in the
 * reference and {@link Adjacency.Kind#JUNCTION} where a rearrangement fused them.
 */
public final class KaryotypeGraph {

    private final Cell cell;
    private final Graph<BandNode, Adjacency> graph;
    private final List<List<BandNode>> paths;
    private final List<Adjacency> junctions = new ArrayList<>();

    private KaryotypeGraph(Cell cell) {
        this.cell = cell;
        int bands = 0;
        for (AssembledChromosome ac : cell.chromosomes()) {
            bands += ac.chromosome().pieces().size();
        }
        this.graph = new BandGraph(bands);
        this.paths = new ArrayList<>(cell.chromosomes().size());
        for (int ci = 0; ci < cell.chromosomes().size(); ci++) {
            AssembledChromosome ac = cell.chromosomes().get(ci);
            List<BandPiece> pieces = ac.chromosome().pieces();
            var junctionAt = new Junction[pieces.size() + 1];
            for (Junction j : ac.junctions()) {
                junctionAt[j.position()] = j;
            }
            var path = new ArrayList<BandNode>(pieces.size());
            for (int i = 0; i < pieces.size(); i++) {
                var node = new BandNode(ci, i, pieces.get(i));
                graph.addVertex(node);
                if (i > 0) {
                    addEdge(path.getLast(), node, edge(ci, i, junctionAt[i]));
                }
                path.add(node);
            }
            if (ac.chromosome().ring() && !path.isEmpty()) {
                addEdge(path.getLast(), path.getFirst(), edge(ci, 0, junctionAt[0]));
            }
            paths.add(List.copyOf(path));
        }
    }

    private void addEdge(BandNode from, BandNode to, Adjacency e) {
        graph.addEdge(from, to, e);
        if (e.kind() == Adjacency.Kind.JUNCTION) junctions.add(e);
    }

    /** The edges where a rearrangement fused segments of different origin, in path order. */
    public List<Adjacency> junctions() {
        return junctions;
    }

    /**
     * A directed pseudograph (a ring closes on itself) built for speed: without JGraphT's default index of the edges
     * between each pair of vertices (nothing here asks for those often enough to need it), and with its maps sized
     * for the cell's bands up front instead of growing from 16. A whole cell is 800-1,700 band copies.
     */
    private static final class BandGraph extends AbstractBaseGraph<BandNode, Adjacency> {
        BandGraph(int bands) {
            super(null, null, DefaultGraphType.directedPseudograph(), new Sized(bands));
        }
    }

    private record Sized(int bands) implements GraphSpecificsStrategy<BandNode, Adjacency> {
        @Override
        public Function<GraphType, IntrusiveEdgesSpecifics<BandNode, Adjacency>> getIntrusiveEdgesSpecificsFactory() {
            return type -> new UniformIntrusiveEdgesSpecifics<>(HashMap.newHashMap(bands + 64));
        }

        @Override
        public BiFunction<Graph<BandNode, Adjacency>, GraphType, Specifics<BandNode, Adjacency>> getSpecificsFactory() {
            return (graph, type) -> new DirectedSpecifics<>(graph, HashMap.newHashMap(bands), getEdgeSetFactory());
        }
    }

    private static Adjacency edge(int chromosome, int position, Junction j) {
        return j == null
                ? new Adjacency(Adjacency.Kind.REFERENCE, chromosome, position, null, null)
                : new Adjacency(Adjacency.Kind.JUNCTION, chromosome, position, j.left(), j.right());
    }

    /** The graph of the first cell line at this level. */
    public static KaryotypeGraph of(Karyotype karyotype, BandLevel level) {
        return of(CellBuilder.assemble(karyotype, 0, level));
    }

    public static KaryotypeGraph of(Cell cell) {
        return new KaryotypeGraph(cell);
    }

    public Graph<BandNode, Adjacency> graph() {
        return graph;
    }

    public Cell cell() {
        return cell;
    }

    public BandLevel level() {
        return cell.level();
    }

    /** The vertices of one chromosome, pter to qter. */
    public List<BandNode> path(int chromosome) {
        return paths.get(chromosome);
    }

    public int chromosomeCount() {
        return paths.size();
    }
}
