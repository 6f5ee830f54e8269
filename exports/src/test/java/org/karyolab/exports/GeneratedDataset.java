package org.karyolab.exports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.QualityFlag;
import org.karyolab.schema.Split;
import org.karyolab.schema.Stain;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * A small dataset made from a seed, with something of everything the schema holds: every shape kind on every image
 * (a new kind fails here until it has a sample), classes, clusters, polarity, band calls, anomalies, suggestions'
 * provenance, every status, image labels, every split, and real PNG bytes (a format may read an image's size).
 */
public final class GeneratedDataset {

    /** The 24 classes by their ISCN labels, as a native dataset declares them. */
    public static final DatasetHeader HEADER =
            new DatasetHeader(Arrays.stream(ChromosomeClass.values()).map(ChromosomeClass::label).toList());

    private GeneratedDataset() {
    }

    public static List<DatasetImage> images(long seed, int count) throws IOException {
        var rnd = new SplittableRandom(seed);
        var images = new ArrayList<DatasetImage>(count);
        for (int i = 0; i < count; i++) {
            int w = rnd.nextInt(32, 81);
            int h = rnd.nextInt(32, 81);
            byte[] png = png(w, h, rnd);
            var image = new ImageAsset("img-%03d".formatted(i), ImageBytes.sha256(png), w, h, 8, pick(ImageKind.values(), rnd),
                    pick(Stain.values(), rnd), i % 5 == 0 ? null : pick(BandLevel.values(), rnd), "case-" + i / 2,
                    i % 3 == 0 ? null : "generated", i % 2 == 0 ? "CC0-1.0" : null);
            var quality = EnumSet.noneOf(QualityFlag.class);
            for (QualityFlag q : QualityFlag.values()) if (rnd.nextInt(4) == 0) quality.add(q);
            var labels = new ImageLabels(pick(new String[] {"46,XY", "46,XX", "47,XX,+21", null}, rnd), quality);
            var annotations = new ArrayList<Annotation>();
            for (Class<?> kind : Shape.class.getPermittedSubclasses()) {
                int n = annotations.size();
                Instant created = Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(10_000_000), rnd.nextInt(1_000_000_000));
                annotations.add(new Annotation("ann-%03d-%02d".formatted(i, n), image.id(), shape(kind, w, h, rnd), labels(rnd),
                        rnd.nextBoolean() ? Provenance.human("expert-" + rnd.nextInt(3))
                                : Provenance.suggestion("expert-0", "detector", "1." + rnd.nextInt(9), rnd.nextBoolean()),
                        1 + rnd.nextInt(5), AnnotationStatus.values()[n % AnnotationStatus.values().length], created,
                        created.plusMillis(rnd.nextInt(100_000))));
            }
            images.add(new DatasetImage(image, ImageBytes.of(png), labels, annotations, Split.values()[i % Split.values().length]));
        }
        return images;
    }

    /** A valid shape of this kind inside a w x h image. */
    static Shape shape(Class<?> kind, int w, int h, SplittableRandom rnd) {
        double x = rnd.nextDouble(0, w / 2.0);
        double y = rnd.nextDouble(0, h / 2.0);
        if (kind == Box.class) return new Box(x, y, rnd.nextDouble(1, w / 2.0), rnd.nextDouble(1, h / 2.0));
        if (kind == RotatedBox.class) return new RotatedBox(w / 2.0, h / 2.0, w / 4.0, h / 5.0, rnd.nextDouble(-180, 180));
        if (kind == Polygon.class) {
            return new Polygon(List.of(new Point(x, y), new Point(x + 6, y + 1), new Point(x + 3, y + 7)), List.of());
        }
        if (kind == Mask.class) {
            var pixels = new boolean[w * h];
            for (int p = 0; p < pixels.length; p++) pixels[p] = rnd.nextInt(3) == 0;
            return Mask.encode(w, h, pixels);
        }
        if (kind == Keypoints.class) {
            var points = new LinkedHashMap<String, Point>();
            points.put(Keypoints.P_TER, new Point(x, y));
            points.put(Keypoints.CENTROMERE, new Point(x + 2, y + 5));
            if (rnd.nextBoolean()) points.put(Keypoints.Q_TER, new Point(x + 3, y + 9));
            return new Keypoints(points);
        }
        if (kind == Polyline.class) return new Polyline(List.of(new Point(x, y), new Point(x + 4.5, y + 8.25), new Point(x + 1, y + 12)));
        throw new IllegalStateException("GeneratedDataset has no sample of the shape kind " + kind.getSimpleName()
                + "; add one to shape(), so every format is tested with it");
    }

    private static AnnotationLabels labels(SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> AnnotationLabels.EMPTY;
            case 1 -> AnnotationLabels.ofCluster(pick(new ClusterType[] {ClusterType.TOUCHING, ClusterType.OVERLAPPING}, rnd));
            default -> {
                ChromosomeClass c = pick(ChromosomeClass.values(), rnd);
                var bands = List.of(new BandCall(BandName.centromere(c), 0.25, 0.5));
                yield new AnnotationLabels(c, pick(Polarity.values(), rnd), ClusterType.INSTANCE, bands,
                        rnd.nextBoolean() ? List.of() : List.of("del(5)(q13q33)"));
            }
        };
    }

    private static <T> T pick(T[] values, SplittableRandom rnd) {
        return values[rnd.nextInt(values.length)];
    }

    private static byte[] png(int w, int h, SplittableRandom rnd) throws IOException {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, rnd.nextInt(256));
        var out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("this JVM writes no PNG");
        return out.toByteArray();
    }
}
