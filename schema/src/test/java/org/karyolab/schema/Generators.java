package org.karyolab.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/** Random VALID values of every schema type (valid by construction; the properties also check that). */
public final class Generators {

    private Generators() {
    }

    public static Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("-_").ofMinLength(1).ofMaxLength(12);
    }

    /** Any printable text, including JSON-hostile characters, that is not blank. */
    public static Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank() && s.codePoints().allMatch(c -> !Character.isSurrogate((char) c)));
    }

    public static Arbitrary<BandName> bandNames() {
        Arbitrary<ChromosomeClass> chromosome = Arbitraries.of(ChromosomeClass.class).injectNull(0.3);
        Arbitrary<Arm> arm = Arbitraries.of(Arm.class);
        Arbitrary<Integer> region = Arbitraries.integers().between(1, 9);
        Arbitrary<Integer> band = Arbitraries.integers().between(0, 9);
        Arbitrary<String> sub = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3);
        return Arbitraries.integers().between(0, 5).flatMap(level -> switch (level) {
            case 0 -> chromosome.map(BandName::centromere);
            case 1 -> Combinators.combine(chromosome, arm).as(BandName::terminal);
            case 2 -> Combinators.combine(chromosome, arm).as((c, a) -> BandName.of(c, a, null, null, null));
            case 3 -> Combinators.combine(chromosome, arm, region).as((c, a, r) -> BandName.of(c, a, r, null, null));
            case 4 -> Combinators.combine(chromosome, arm, region, band).as((c, a, r, b) -> BandName.of(c, a, r, b, null));
            default -> Combinators.combine(chromosome, arm, region, band, sub).as(BandName::of);
        });
    }

    static Arbitrary<Double> coordinate(int max) {
        return Arbitraries.doubles().between(0, max);
    }

    static Arbitrary<Point> points(int w, int h) {
        return Combinators.combine(coordinate(w), coordinate(h)).as(Point::new);
    }

    public static Arbitrary<Shape> shapes(int w, int h) {
        return Arbitraries.oneOf(boxes(w, h), rotatedBoxes(w, h), polygons(w, h), masks(w, h), keypoints(w, h), polylines(w, h));
    }

    static Arbitrary<Shape> boxes(int w, int h) {
        return Combinators.combine(coordinate(w - 1), coordinate(h - 1), Arbitraries.doubles().between(0.01, 1),
                Arbitraries.doubles().between(0.01, 1))
                .as((x, y, fw, fh) -> new Box(x, y, Math.max(0.001, (w - x) * fw), Math.max(0.001, (h - y) * fh)));
    }

    static Arbitrary<Shape> rotatedBoxes(int w, int h) {
        int small = Math.min(w, h) / 4;
        return Combinators.combine(Arbitraries.doubles().between(w / 4.0, 3 * w / 4.0), Arbitraries.doubles().between(h / 4.0, 3 * h / 4.0),
                Arbitraries.doubles().between(0.5, small), Arbitraries.doubles().between(0.5, small),
                Arbitraries.doubles().between(-180, 180)).as(RotatedBox::new);
    }

    /** Points on a circle at distinct angles: never collinear, never repeated. */
    static List<Point> ring(double cx, double cy, double r, List<Integer> degrees) {
        return degrees.stream().sorted().map(d -> new Point(cx + r * Math.cos(Math.toRadians(d)), cy + r * Math.sin(Math.toRadians(d)))).toList();
    }

    static Arbitrary<Shape> polygons(int w, int h) {
        double maxR = Math.min(w, h) / 4.0;
        return Combinators.combine(Arbitraries.doubles().between(w / 4.0 + 0, 3 * w / 4.0), Arbitraries.doubles().between(h / 4.0, 3 * h / 4.0),
                Arbitraries.doubles().between(1, maxR), Arbitraries.integers().between(0, 359).set().ofMinSize(3).ofMaxSize(8),
                Arbitraries.integers().between(0, 359).set().ofMinSize(3).ofMaxSize(5).injectNull(0.5))
                .as((cx, cy, r, ext, hole) -> new Polygon(ring(cx, cy, r, new ArrayList<>(ext)),
                        hole == null ? List.of() : List.of(ring(cx, cy, r / 3, new ArrayList<>(hole)))));
    }

    static Arbitrary<Shape> masks(int w, int h) {
        return Arbitraries.of(true, false).array(boolean[].class).ofSize(w * h).map(px -> Mask.encode(w, h, px));
    }

    static Arbitrary<Shape> keypoints(int w, int h) {
        return Arbitraries.subsetOf(Keypoints.NAMES).ofMinSize(1).flatMap(names -> points(w, h).list().ofSize(names.size())
                .map(ps -> {
                    var map = new LinkedHashMap<String, Point>();
                    var it = ps.iterator();
                    Keypoints.NAMES.stream().filter(names::contains).forEach(n -> map.put(n, it.next()));
                    return new Keypoints(map);
                }));
    }

    static Arbitrary<Shape> polylines(int w, int h) {
        return points(w, h).list().ofMinSize(2).ofMaxSize(6).filter(ps -> ps.stream().distinct().count() >= 2).map(Polyline::new);
    }

    static Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    static Arbitrary<BandCall> bandCalls(ChromosomeClass chromosome) {
        return Combinators.combine(bandNames().map(b -> b.chromosome() == null || chromosome == null ? b : b.withChromosome(chromosome)),
                fractions(), fractions()).as((b, s, e) -> new BandCall(b, Math.min(s, e), Math.max(s, e)));
    }

    public static Arbitrary<AnnotationLabels> labels() {
        Arbitrary<AnnotationLabels> cluster = Arbitraries.of(ClusterType.TOUCHING, ClusterType.OVERLAPPING, ClusterType.TOUCHING_OVERLAPPING)
                .map(AnnotationLabels::ofCluster);
        Arbitrary<AnnotationLabels> single = Arbitraries.of(ChromosomeClass.class).injectNull(0.2).flatMap(c ->
                Combinators.combine(Arbitraries.of(Polarity.class).injectNull(0.3), Arbitraries.of(ClusterType.INSTANCE).injectNull(0.5),
                        bandCalls(c).list().ofMaxSize(4),
                        Arbitraries.of("+21", "-7", "del(5)(q13q33)", "t(9;22)(q34;q11.2)", "inv(9)(p12q13)", "mar").list().ofMaxSize(2))
                        .as((p, t, b, a) -> new AnnotationLabels(c, p, t, b, a)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, cluster), net.jqwik.api.Tuple.of(3, single),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(AnnotationLabels.EMPTY)));
    }

    public static Arbitrary<Provenance> provenances() {
        return Arbitraries.oneOf(texts().map(Provenance::human),
                Combinators.combine(texts(), ids(), texts(), Arbitraries.of(true, false)).as(Provenance::suggestion));
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(946_684_800L, 4_102_444_800L), Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    public static Arbitrary<Annotation> annotations(String imageId, int w, int h) {
        return Combinators.combine(ids(), shapes(w, h), labels(), provenances(), Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.of(AnnotationStatus.class), instants(), Arbitraries.longs().between(0, 10_000_000_000L))
                .as((id, shape, labels, prov, rev, status, created, delta) ->
                        new Annotation(id, imageId, shape, labels, prov, rev, status, created, created.plusNanos(delta)));
    }

    public static Arbitrary<ImageAsset> images(int w, int h) {
        // Combinators take at most 8 arbitraries: pick the provenance fields first, then the rest.
        Arbitrary<String[]> origin = Combinators.combine(ids(), texts().injectNull(0.5), Arbitraries.of("CC-BY-4.0", "CC0-1.0").injectNull(0.5))
                .as((caseId, source, licence) -> new String[] {caseId, source, licence});
        return Combinators.combine(ids(), Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
                Arbitraries.of(ImageAsset.BIT_DEPTHS), Arbitraries.of(ImageKind.class), Arbitraries.of(Stain.class),
                Arbitraries.of(BandLevel.class).injectNull(0.3), origin)
                .as((id, sha, bits, kind, stain, level, o) -> new ImageAsset(id, sha, w, h, bits, kind, stain, level, o[0], o[1], o[2]));
    }

    public static Arbitrary<ImageAsset> images() {
        return Combinators.combine(Arbitraries.integers().between(1, 20_000), Arbitraries.integers().between(1, 20_000))
                .flatAs(Generators::images);
    }

    public static Arbitrary<ImageLabels> imageLabels() {
        return Combinators.combine(Arbitraries.of("46,XY", "46,XX", "47,XX,+21", "mos 45,X[15]/46,XX[5]").injectNull(0.3),
                Arbitraries.subsetOf(QualityFlag.values())).as(ImageLabels::new);
    }

    public static Arbitrary<LabelSet> labelSets() {
        return Combinators.combine(Arbitraries.subsetOf(ChromosomeClass.values()).ofMinSize(1).map(ArrayList::new),
                Arbitraries.of(ClusterTypeScheme.class), Arbitraries.subsetOf(Set.copyOf(LabelSet.ISCN_ABNORMALITIES)).map(ArrayList::new))
                .as(LabelSet::new);
    }

    public static Arbitrary<Project> projects() {
        return Combinators.combine(texts(), texts().injectNull(0.5), labelSets(), Arbitraries.of(BandLevel.class).injectNull(0.3))
                .as(Project::new);
    }

    /** Small images (8..48 px) so masks stay cheap; unique annotation ids. */
    public static Arbitrary<AnnotationDocument> documents() {
        return Combinators.combine(Arbitraries.integers().between(8, 48), Arbitraries.integers().between(8, 48))
                .flatAs((w, h) -> images(w, h).flatMap(image -> Combinators.combine(imageLabels(),
                        annotations(image.id(), w, h).list().ofMaxSize(5)).as((labels, anns) -> {
                            var unique = new ArrayList<Annotation>();
                            for (int i = 0; i < anns.size(); i++) {
                                Annotation a = anns.get(i);
                                unique.add(new Annotation("a" + i + "-" + a.id(), a.imageId(), a.shape(), a.labels(), a.provenance(),
                                        a.revision(), a.status(), a.createdAt(), a.updatedAt()));
                            }
                            return AnnotationDocument.of(image, labels, unique);
                        })));
    }
}
