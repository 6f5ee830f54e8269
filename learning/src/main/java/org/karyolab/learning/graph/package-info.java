/**
 * Karyotype knowledge as band graphs (JGraphT): {@link org.karyolab.learning.graph.CellBuilder} assembles the
 * chromosomes of a cell from its ISCN tree, {@link org.karyolab.learning.graph.KaryotypeGraph} makes them a graph of
 * band copies with reference and junction edges, {@link org.karyolab.learning.graph.LossGainFusion} gives per-band
 * loss, gain and fusions (as CytoGPS does), and {@link org.karyolab.learning.graph.KaryotypeReader} goes the other
 * way, from observed band sequences to ISCN with evidence. Conventions: docs/KARYOTYPE-REASONING.md.
 */
package org.karyolab.learning.graph;
