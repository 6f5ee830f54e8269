package org.karyolab.learning.synth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Box;

/**
 * The ground truth of a synthetic image as the schema's {@link AnnotationDocument}. Per chromosome three
 * annotations share the id prefix {@code chr-NN}: the mask ({@code chr-NN}: class, polarity, band calls, anomaly),
 * the medial axis ({@code chr-NN-axis}: the same labels; the band calls are fractions of this polyline) and the
 * key points ({@code chr-NN-keypoints}). Each cluster is a box ({@code cluster-NN}) with its cluster type.
 * Timestamps are fixed so the same seed writes the same bytes.
 */
public final class SynthDocuments {

    /** Author of synthetic ground truth. */
    public static final String AUTHOR = "karyolab-synth";
    /** createdAt / updatedAt of every synthetic annotation. */
    public static final Instant TIME = Instant.parse("2025-01-01T00:00:00Z");
    /** Licence of the synthetic images. */
    public static final String LICENCE = "CC0-1.0";

    private SynthDocuments() {
    }

    /** The image record for PNG bytes of {@code image}. */
    public static ImageAsset asset(String id, SynthImage image, byte[] png, String caseId) {
        return new ImageAsset(id, sha256(png), image.width(), image.height(), 8, image.kind(), Stain.G, image.level(),
                caseId, "karyolab synth", LICENCE);
    }

    public static AnnotationDocument document(SynthImage image, ImageAsset asset) {
        var provenance = Provenance.human(AUTHOR);
        var annotations = new ArrayList<Annotation>();
        for (ChromosomeTruth c : image.chromosomes()) {
            String id = "chr-%02d".formatted(c.index() + 1);
            var labels = new AnnotationLabels(c.chromosomeClass(), c.polarity(), null, c.bands(), c.anomalies());
            annotations.add(annotation(id, asset, c.mask().toMask(image.width(), image.height()), labels, provenance));
            annotations.add(annotation(id + "-axis", asset, c.axis(), labels, provenance));
            annotations.add(annotation(id + "-keypoints", asset, c.keypoints(),
                    new AnnotationLabels(c.chromosomeClass(), c.polarity(), null, List.of(), c.anomalies()), provenance));
        }
        for (int i = 0; i < image.clusters().size(); i++) {
            ClusterTruth cluster = image.clusters().get(i);
            annotations.add(annotation("cluster-%02d".formatted(i + 1), asset, cluster.box(),
                    AnnotationLabels.ofCluster(cluster.type()), provenance));
        }
        return AnnotationDocument.of(asset, new ImageLabels(image.karyotype(), null), annotations);
    }

    /**
     * The chromosomes as a detector is taught to find them: per chromosome a box around its drawing window
     * ({@code chr-NN-box}), with its class, polarity and anomaly; in drawing order, one for every chromosome, a
     * chromosome of no class included. What the demo's model is shown of a synthetic image.
     */
    public static List<Annotation> boxes(SynthImage image, ImageAsset asset) {
        var provenance = Provenance.human(AUTHOR);
        var boxes = new ArrayList<Annotation>(image.chromosomes().size());
        for (ChromosomeTruth c : image.chromosomes()) {
            PixelMask m = c.mask();
            boxes.add(annotation("chr-%02d-box".formatted(c.index() + 1), asset, new Box(m.x0(), m.y0(), m.width(), m.height()),
                    new AnnotationLabels(c.chromosomeClass(), c.polarity(), null, List.of(), c.anomalies()), provenance));
        }
        return boxes;
    }

    private static Annotation annotation(String id, ImageAsset asset, org.karyolab.schema.shape.Shape shape,
                                         AnnotationLabels labels, Provenance provenance) {
        return new Annotation(id, asset.id(), shape, labels, provenance, 1, AnnotationStatus.ACCEPTED, TIME, TIME);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
