package org.karyolab.server.service;

import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ClusterTypeScheme;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Violation;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.Ideogram;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.iscn.Abnormality;
import org.karyolab.schema.iscn.CellLine;
import org.karyolab.schema.iscn.Entry;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Karyotype;
import org.karyolab.schema.iscn.Mode;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.ProjectRepository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an annotation may carry and what its project allows, checked on every save (single, batch, an accepted
 * suggestion) before anything is written:
 * <ul>
 *   <li>{@link #tooLarge sizes}: points per ring and per document, holes, mask runs, band calls, anomalies and their
 *       length, model names, and the whole document in bytes ({@link Limits}); a save over one is 413, naming the field;</li>
 *   <li>{@link Vocabulary the project's label set}: the chromosome class is one the project uses, the cluster type one its
 *       scheme has, each anomaly parses as ISCN (strict, as the annotator's ISCN field checks it) and uses only the
 *       project's anomaly vocabulary, each band call names a band of the ideogram at the image's band level (else the
 *       project's; with neither, at any level); a save that breaks one is 422, naming the field.</li>
 * </ul>
 * Pointers are relative to the annotation document ({@code /shape/exterior}, {@code /labels/anomalies/2}).
 */
public final class AnnotationRules {

    /**
     * The sizes an annotation may have. The defaults hold any real chromosome (an outline traced at one point per
     * pixel of a 4000-pixel contour, a mask of a whole 2048 x 2048 metaphase, the 850-band ideogram's 128 bands of
     * chromosome 1 four times over) and keep one annotation under a megabyte, so an image's list stays small.
     */
    public record Limits(int maxRingPoints, int maxHoles, int maxPoints, int maxMaskRuns, int maxBandCalls,
                         int maxAnomalies, int maxAnomalyChars, int maxNameChars, int maxDocumentBytes) {
        public static final Limits DEFAULT = new Limits(10_000, 100, 20_000, 100_000, 512, 50, 1_000, 200, 1 << 20);
    }

    private final ProjectRepository projects;
    private final Limits limits;

    public AnnotationRules(ProjectRepository projects) {
        this(projects, Limits.DEFAULT);
    }

    public AnnotationRules(ProjectRepository projects, Limits limits) {
        this.projects = projects;
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    // --- sizes ----------------------------------------------------------------------------------

    /** Every size over its limit, cheapest first; the document's bytes only when the fields are within theirs. */
    public List<Violation> tooLarge(Shape shape, AnnotationLabels labels, Provenance provenance) {
        var out = new ArrayList<Violation>();
        long units = shape == null ? 0 : shapeSize(shape, out);
        if (labels != null) {
            if (labels.bands().size() > limits.maxBandCalls()) {
                out.add(new Violation("/labels/bands", "at most " + limits.maxBandCalls() + " band calls (has "
                        + labels.bands().size() + ")"));
            }
            if (labels.anomalies().size() > limits.maxAnomalies()) {
                out.add(new Violation("/labels/anomalies", "at most " + limits.maxAnomalies() + " anomalies (has "
                        + labels.anomalies().size() + ")"));
            } else {
                for (int i = 0; i < labels.anomalies().size(); i++) {
                    String a = labels.anomalies().get(i);
                    if (a != null && a.length() > limits.maxAnomalyChars()) {
                        out.add(new Violation("/labels/anomalies/" + i, "an anomaly is at most " + limits.maxAnomalyChars()
                                + " characters of ISCN (has " + a.length() + ")"));
                    }
                }
            }
        }
        if (provenance != null) {
            name(out, "/provenance/author", "author", provenance.author());
            name(out, "/provenance/modelId", "modelId", provenance.modelId());
            name(out, "/provenance/modelVersion", "modelVersion", provenance.modelVersion());
        }
        if (out.isEmpty() && upperBoundBytes(units, labels) > limits.maxDocumentBytes()) {
            // Only large shapes get here; small ones cannot reach the limit and are not written twice.
            int bytes = SchemaJson.write(new Sized(shape, labels, provenance)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxDocumentBytes()) {
                out.add(new Violation("", "an annotation is at most " + limits.maxDocumentBytes() + " bytes of JSON (this one has "
                        + bytes + "); simplify the outline (fewer points) or split the object"));
            }
        }
        return List.copyOf(out);
    }

    /** The work of checking and saving an annotation, in {@link RequestBudget} units: its points or runs, band calls and anomalies. */
    public static long workUnits(Shape shape, AnnotationLabels labels) {
        long units = 1;
        if (shape instanceof Polygon p) {
            units += p.exterior() == null ? 0 : p.exterior().size();
            for (List<Point> hole : p.holes()) units += hole == null ? 0 : hole.size();
        } else if (shape instanceof Polyline l) {
            units += l.points() == null ? 0 : l.points().size();
        } else if (shape instanceof Mask m) {
            units += m.counts() == null ? 0 : m.counts().size();
        } else if (shape instanceof Keypoints k) {
            units += k.points() == null ? 0 : k.points().size();
        }
        if (labels != null) units += labels.bands().size() + labels.anomalies().size();
        return units;
    }

    /** The parts of an annotation whose size a client chooses. */
    private record Sized(Shape shape, AnnotationLabels labels, Provenance provenance) {}

    private void name(List<Violation> out, String pointer, String field, String value) {
        if (value != null && value.length() > limits.maxNameChars()) {
            out.add(new Violation(pointer, field + " is at most " + limits.maxNameChars() + " characters (has " + value.length() + ")"));
        }
    }

    /** Adds the shape's size violations; returns its number of points or runs. */
    private long shapeSize(Shape shape, List<Violation> out) {
        return switch (shape) {
            case Box b -> 1;
            case RotatedBox r -> 1;
            case Polygon p -> {
                long points = ring(p.exterior(), "/shape/exterior", out);
                if (p.holes().size() > limits.maxHoles()) {
                    out.add(new Violation("/shape/holes", "at most " + limits.maxHoles() + " holes (has " + p.holes().size() + ")"));
                    yield points;
                }
                for (int i = 0; i < p.holes().size(); i++) points += ring(p.holes().get(i), "/shape/holes/" + i, out);
                if (points > limits.maxPoints()) {
                    out.add(new Violation("/shape", "a polygon has at most " + limits.maxPoints() + " points in all (has " + points + ")"));
                }
                yield points;
            }
            case Polyline l -> ring(l.points(), "/shape/points", out);
            case Keypoints k -> {
                int n = k.points() == null ? 0 : k.points().size();
                if (n > Keypoints.NAMES.size()) {
                    out.add(new Violation("/shape/points", "at most " + Keypoints.NAMES.size() + " key points ("
                            + String.join(", ", Keypoints.NAMES) + "; has " + n + ")"));
                }
                yield n;
            }
            case Mask m -> {
                int runs = m.counts() == null ? 0 : m.counts().size();
                if (runs > limits.maxMaskRuns()) {
                    out.add(new Violation("/shape/counts", "a mask has at most " + limits.maxMaskRuns() + " runs (has " + runs
                            + "); a mask this fragmented is noise, not a chromosome"));
                }
                yield runs;
            }
        };
    }

    private long ring(List<Point> points, String pointer, List<Violation> out) {
        int n = points == null ? 0 : points.size();
        if (n > limits.maxRingPoints()) {
            out.add(new Violation(pointer, "at most " + limits.maxRingPoints() + " points (has " + n
                    + "); simplify the outline, one point per pixel of contour is plenty"));
        }
        return n;
    }

    /** A generous bound on the JSON of a document with this many points or runs, without writing it. */
    private static long upperBoundBytes(long units, AnnotationLabels labels) {
        long bytes = 4096 + units * 64;
        if (labels != null) {
            bytes += labels.bands().size() * 96L;
            for (String a : labels.anomalies()) bytes += 8 + (a == null ? 0 : a.length() * 6L);
        }
        return bytes;
    }

    // --- the project's label set ----------------------------------------------------------------

    /** The rules of the project {@code image} is in (read once: check a whole batch with it). */
    public Vocabulary vocabulary(ImageRepository.StoredImage image) {
        Optional<Project> project = projects.get(image.projectId()).map(ProjectRepository.StoredProject::project);
        BandLevel level = image.image().bandLevel() != null ? image.image().bandLevel()
                : project.map(Project::defaultBandLevel).orElse(null);
        return new Vocabulary(project.map(Project::labelSet).orElse(null), level);
    }

    /**
     * A project's label set and the band level of one image.
     *
     * @param labelSet null: no project (nothing is enforced but the ISCN and the ideogram)
     * @param level    null: neither the image nor the project says; a band of any level is taken
     */
    public record Vocabulary(LabelSet labelSet, BandLevel level) {

        /** Everything the labels use that the project does not have; pointers under {@code /labels}. */
        public List<Violation> check(AnnotationLabels labels) {
            if (labels == null) return List.of();
            var out = new ArrayList<Violation>();
            if (labelSet != null) {
                for (Violation v : labelSet.check(labels)) out.add(v.prefixed("/labels"));
                clusterType(labels.clusterType(), out);
            }
            for (int i = 0; i < labels.bands().size(); i++) {
                band(labels.bands().get(i), labels.chromosomeClass(), "/labels/bands/" + i + "/band", out);
            }
            for (int i = 0; i < labels.anomalies().size(); i++) {
                anomaly(labels.anomalies().get(i), "/labels/anomalies/" + i, out);
            }
            return List.copyOf(out);
        }

        private void clusterType(ClusterType type, List<Violation> out) {
            if (type == null) return;
            ClusterTypeScheme scheme = labelSet.clusterTypeScheme();
            Set<ClusterType> allowed = EnumSet.noneOf(ClusterType.class);
            scheme.labels().forEach(l -> allowed.add(scheme.toClusterType(l)));
            if (!allowed.contains(type)) {
                out.add(new Violation("/labels/clusterType", "cluster type '" + json(type) + "' is not in the project's scheme "
                        + json(scheme) + " (" + String.join(", ", scheme.labels()) + ", stored as "
                        + String.join(" or ", allowed.stream().map(Vocabulary::json).toList()) + ")"));
            }
        }

        private void band(BandCall call, ChromosomeClass annotated, String pointer, List<Violation> out) {
            if (call == null || call.band() == null) return; // the schema's validation reports it
            BandName name = call.band();
            ChromosomeClass chromosome = name.chromosome() != null ? name.chromosome() : annotated;
            if (chromosome == null) {
                out.add(new Violation(pointer, "band '" + name + "' names no chromosome and the annotation has no class: "
                        + "write the band with its chromosome (e.g. 9q34) or set the class"));
                return;
            }
            BandName full = name.withChromosome(chromosome);
            if (level != null) {
                Ideogram ideogram = Ideograms.at(level);
                if (drawable(ideogram, full)) return;
                Optional<Band> inside = full.centromere() || full.terminal() ? Optional.empty() : ideogram.containing(full);
                out.add(new Violation(pointer, "band " + full + " is not a band of the ideogram at " + level.bands()
                        + " bands (the image's band level)" + inside.map(b -> "; at this level it lies in " + b.name()).orElse("")));
            } else {
                for (BandLevel any : BandLevel.values()) {
                    if (drawable(Ideograms.at(any), full)) return;
                }
                out.add(new Violation(pointer, "band " + full + " is not a band of the ideogram at any band level (300-850)"));
            }
        }

        /** A band of this level, or a coarser name made of bands of this level (a region, 1p36 at 850, cen). */
        private static boolean drawable(Ideogram ideogram, BandName name) {
            if (name.terminal()) return false; // pter and qter are ends, not bands
            return ideogram.band(name).isPresent() || !ideogram.covering(name).isEmpty();
        }

        private void anomaly(String text, String pointer, List<Violation> out) {
            if (text == null || text.isBlank()) return; // the schema's validation reports it
            String wrapped = WRAPPER + text;
            switch (Iscn.parse(wrapped, Mode.STRICT)) {
                case IscnResult.Failed failed -> {
                    var e = failed.errors().getFirst();
                    int column = Math.max(0, e.column() - WRAPPER.length());
                    String fix = e.fix() != null && e.fix().startsWith(WRAPPER) ? e.fix().substring(WRAPPER.length()) : null;
                    out.add(new Violation(pointer, "not ISCN: column " + column + ": " + e.message()
                            + (fix == null ? "" : " (did you mean '" + fix + "'?)")));
                }
                case IscnResult.Parsed parsed -> {
                    Karyotype k = parsed.karyotype();
                    CellLine line = k.cellLines().getFirst();
                    if (k.cellLines().size() != 1 || k.mosaicism() != Karyotype.Mosaicism.NONE || line.cells() != null
                            || line.incomplete() || line.entries().isEmpty()) {
                        out.add(new Violation(pointer, "an anomaly is the abnormalities of this chromosome, e.g. del(5)(q13q33), "
                                + "not a karyotype (put that in the image's labels)"));
                        return;
                    }
                    if (labelSet == null) return;
                    for (Entry entry : line.entries()) {
                        for (String term : terms(entry)) {
                            if (!allowed(term, entry)) {
                                out.add(new Violation(pointer, "'" + term + "' is not in the project's anomaly vocabulary"
                                        + (labelSet.anomalyVocabulary().isEmpty() ? " (it has none)"
                                        : " (" + String.join(", ", labelSet.anomalyVocabulary()) + ")")));
                            }
                        }
                    }
                }
            }
        }

        /** Which vocabulary terms an entry uses: the rearrangement's symbol ({@code del}, {@code t}), der and its events, mar, dmin, +21. */
        private static List<String> terms(Entry entry) {
            return switch (entry.abnormality()) {
                case Abnormality.Rearrangement r -> List.of(r.type().symbol());
                case Abnormality.Derivative d -> {
                    var terms = new ArrayList<String>(List.of("der"));
                    d.events().forEach(r -> { if (!terms.contains(r.type().symbol())) terms.add(r.type().symbol()); });
                    yield terms;
                }
                case Abnormality.Marker m -> List.of("mar");
                case Abnormality.DoubleMinutes dm -> List.of("dmin");
                case Abnormality.WholeChromosome w -> List.of(entry.sign().symbol() + w.chromosome().label());
            };
        }

        /** A term listed as such; a whole-chromosome gain or loss also when its sign alone ("+" or "-") is listed. */
        private boolean allowed(String term, Entry entry) {
            List<String> vocabulary = labelSet.anomalyVocabulary();
            if (vocabulary.contains(term)) return true;
            return entry.abnormality() instanceof Abnormality.WholeChromosome && vocabulary.contains(entry.sign().symbol());
        }

        private static String json(Object value) {
            return SchemaJson.write(value).replace("\"", "");
        }
    }

    /** What an anomaly is parsed in (as the annotator's ISCN field checks it): a normal karyotype before it. */
    static final String WRAPPER = "46,XY,";
}
