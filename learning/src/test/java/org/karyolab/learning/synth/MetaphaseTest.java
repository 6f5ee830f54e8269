package org.karyolab.learning.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Mask;

class MetaphaseTest {

    /** Small images keep the tests fast. */
    static final SynthOptions SMALL = SynthOptions.defaults().withSize(560, 420);

    private static byte[] pixels(SynthImage image) {
        return ((DataBufferByte) image.image().getRaster().getDataBuffer()).getData();
    }

    private static AnnotationDocument document(SynthImage image) {
        byte[] png = SynthWriter.png(image.image());
        return SynthDocuments.document(image, SynthDocuments.asset("img", image, png, "case"));
    }

    @Test
    void aMetaphaseHasOneAnnotatedChromosomePerChromosomeOfTheKaryotype() {
        for (var entry : Map.of("46,XY", 46, "47,XX,+21", 47, "45,X", 45, "46,XY,t(9;22)(q34;q11.2)", 46).entrySet()) {
            Synth.Cell cell = Synth.cell(entry.getKey(), SMALL, 5, 0);
            SynthImage m = cell.metaphase();
            assertThat(m.kind()).isEqualTo(ImageKind.METAPHASE);
            assertThat(m.chromosomes()).as(entry.getKey()).hasSize(entry.getValue());
            AnnotationDocument doc = document(m);
            assertThat(doc.validate()).as(entry.getKey()).isEmpty();
            List<Annotation> masks = doc.annotations().stream().filter(a -> a.shape() instanceof Mask).toList();
            assertThat(masks).as(entry.getKey()).hasSize(entry.getValue());
            assertThat(masks).allMatch(a -> ((Mask) a.shape()).area() > 0 && a.labels().polarity() != null);
            assertThat(doc.imageLabels().karyotype()).isEqualTo(entry.getKey());
            assertThat(cell.karyogram().chromosomes()).hasSize(entry.getValue());
        }
        Map<ChromosomeClass, Long> classes = Synth.cell("47,XX,+21", SMALL, 5, 0).metaphase().chromosomes().stream()
                .collect(Collectors.groupingBy(ChromosomeTruth::chromosomeClass, Collectors.counting()));
        assertThat(classes.get(ChromosomeClass.C21)).isEqualTo(3);
        assertThat(classes.get(ChromosomeClass.X)).isEqualTo(2);
        assertThat(classes).doesNotContainKey(ChromosomeClass.Y);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        Synth.Cell a = Synth.cell("46,XY,t(9;22)(q34;q11.2)", SMALL, 42, 3);
        Synth.Cell b = Synth.cell("46,XY,t(9;22)(q34;q11.2)", SMALL, 42, 3);
        Synth.Cell c = Synth.cell("46,XY,t(9;22)(q34;q11.2)", SMALL, 43, 3);
        assertThat(SynthWriter.png(a.metaphase().image())).isEqualTo(SynthWriter.png(b.metaphase().image()));
        assertThat(SynthWriter.png(a.karyogram().image())).isEqualTo(SynthWriter.png(b.karyogram().image()));
        assertThat(SchemaJson.write(document(a.metaphase()))).isEqualTo(SchemaJson.write(document(b.metaphase())));
        assertThat(SchemaJson.write(document(a.karyogram()))).isEqualTo(SchemaJson.write(document(b.karyogram())));
        assertThat(pixels(a.metaphase())).isNotEqualTo(pixels(c.metaphase()));
        // A cell does not depend on how many cells came before it.
        assertThat(Synth.cellSeed(42, 3)).isNotEqualTo(Synth.cellSeed(42, 2)).isNotEqualTo(Synth.cellSeed(43, 3));
    }

    @Test
    void clusterGroundTruthMatchesTheMasks() {
        SynthImage m = Synth.cell("46,XX", SMALL.withClusterFraction(0.5), 9, 0).metaphase();
        assertThat(m.clusters()).isNotEmpty();
        var masks = m.chromosomes().stream().map(ChromosomeTruth::mask).toList();
        for (ClusterTruth cluster : m.clusters()) {
            boolean overlap = false;
            boolean touch = false;
            for (int i : cluster.members()) {
                for (int j : cluster.members()) {
                    if (i < j) {
                        var r = Clusters.relation(masks.get(i), masks.get(j));
                        overlap |= r == Clusters.Relation.OVERLAPPING;
                        touch |= r == Clusters.Relation.TOUCHING;
                    }
                }
                // Nothing outside the cluster touches a member.
                for (int k = 0; k < masks.size(); k++) {
                    if (!cluster.members().contains(k)) {
                        assertThat(Clusters.relation(masks.get(i), masks.get(k))).isEqualTo(Clusters.Relation.APART);
                    }
                }
            }
            ClusterType expected = overlap && touch ? ClusterType.TOUCHING_OVERLAPPING
                    : overlap ? ClusterType.OVERLAPPING : ClusterType.TOUCHING;
            assertThat(cluster.type()).isEqualTo(expected);
            Box box = cluster.box();
            for (int i : cluster.members()) {
                PixelMask mask = masks.get(i);
                assertThat(mask.x0() + mask.width()).isGreaterThan((int) box.x());
                assertThat((double) mask.x0()).isLessThan(box.x() + box.width());
            }
        }
        AnnotationDocument doc = document(m);
        assertThat(doc.annotations().stream().filter(a -> a.labels().clusterType() != null)).hasSize(m.clusters().size());
        // With no clustering asked for, free chromosomes keep their distance: no clusters at all.
        assertThat(Synth.cell("46,XX", SMALL.withClusterFraction(0), 9, 0).metaphase().clusters()).isEmpty();
    }

    @Test
    void invertedIsTheNegative() {
        SynthImage light = Synth.cell("46,XY", SMALL, 8, 0).metaphase();
        SynthImage dark = Synth.cell("46,XY", SMALL.withInverted(true), 8, 0).metaphase();
        byte[] l = pixels(light);
        byte[] d = pixels(dark);
        for (int i = 0; i < l.length; i++) {
            assertThat((d[i] & 0xff)).isEqualTo(255 - (l[i] & 0xff));
        }
        // Light background, dark chromosomes: the median is bright and the chromosome pixels are darker.
        int[] sorted = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            sorted[i] = l[i] & 0xff;
        }
        Arrays.sort(sorted);
        assertThat(sorted[sorted.length / 2]).isGreaterThan(190);
        double inside = light.chromosomes().stream().flatMapToInt(c -> {
            PixelMask m = c.mask();
            return java.util.stream.IntStream.range(0, m.bits().length).filter(i -> m.bits()[i])
                    .map(i -> l[(m.y0() + i / m.width()) * light.width() + m.x0() + i % m.width()] & 0xff);
        }).average().orElseThrow();
        assertThat(inside).isLessThan(150);
    }

    @Test
    void theKaryogramIsUprightAndInOrder() {
        SynthImage k = Synth.cell("47,XY,+21", SMALL, 4, 0).karyogram();
        assertThat(k.kind()).isEqualTo(ImageKind.KARYOGRAM);
        assertThat(k.chromosomes()).hasSize(47).allMatch(c -> c.polarity() == Polarity.P_UP);
        assertThat(k.clusters()).isEmpty();
        var masks = k.chromosomes().stream().map(ChromosomeTruth::mask).toList();
        assertThat(Clusters.of(masks)).as("karyogram chromosomes do not touch").isEmpty();
        // Chromosome 1 sits above chromosome 13, and 13 above 21.
        Function<ChromosomeClass, Double> y = c -> k.chromosomes().stream().filter(t -> t.chromosomeClass() == c)
                .mapToDouble(t -> t.mask().y0()).average().orElseThrow();
        assertThat(y.apply(ChromosomeClass.C1)).isLessThan(y.apply(ChromosomeClass.C13));
        assertThat(y.apply(ChromosomeClass.C13)).isLessThan(y.apply(ChromosomeClass.C21));
        assertThat(document(k).validate()).isEmpty();
    }

    @Test
    void theWriterWritesPngAndJsonThatReadBack(@TempDir Path dir) throws IOException {
        var writer = new SynthWriter(dir);
        Synth.Cell cell = Synth.cell("46,XX,del(5)(p15.2)", SMALL, 1, 0);
        var docs = writer.write(cell, 1);
        writer.writeOverview(List.of(cell.metaphase()));
        assertThat(dir.resolve("cell-0001-metaphase.png")).exists();
        assertThat(dir.resolve("cell-0001-karyogram.png")).exists();
        assertThat(dir.resolve("overview.png")).exists();
        String json = Files.readString(dir.resolve("cell-0001-metaphase.json"));
        AnnotationDocument read = SchemaJson.read(json, AnnotationDocument.class).orElseThrow();
        assertThat(read).isEqualTo(docs.getFirst());
        assertThat(read.image().sha256()).isEqualTo(SynthDocuments.sha256(Files.readAllBytes(dir.resolve("cell-0001-metaphase.png"))));
        assertThat(read.annotations()).anyMatch(a -> a.labels().anomalies().contains("del(5)(p15.2)"));
        assertThat(javax.imageio.ImageIO.read(dir.resolve("cell-0001-metaphase.png").toFile()).getWidth()).isEqualTo(560);
    }

    @Test
    void aSingleChromosomeImageHoldsItWhole() {
        var banding = Banding.normal(org.karyolab.schema.BandLevel.B400, ChromosomeClass.C7);
        SynthImage single = SingleRenderer.render(banding, SMALL, 120, false, 3);
        assertThat(single.kind()).isEqualTo(ImageKind.CHROMOSOME);
        ChromosomeTruth t = single.chromosomes().getFirst();
        assertThat(t.chromosomeClass()).isEqualTo(ChromosomeClass.C7);
        assertThat(t.mask().x0()).isPositive();
        assertThat(t.mask().x0() + t.mask().width()).isLessThan(single.width());
        assertThat(document(single).validate()).isEmpty();
        SynthImage upright = SingleRenderer.render(banding, SMALL, 120, true, 3);
        assertThat(upright.chromosomes().getFirst().polarity()).isEqualTo(Polarity.P_UP);
        assertThat(upright.height()).isGreaterThan(2 * upright.width());
    }
}
