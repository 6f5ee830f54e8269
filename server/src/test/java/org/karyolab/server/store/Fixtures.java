package org.karyolab.server.store;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Project;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Shape;

import java.util.HexFormat;
import java.util.UUID;

/** Small valid domain values for the storage tests. */
final class Fixtures {
    private Fixtures() {}

    static Project project(String name) {
        return new Project(name, "test project " + name, LabelSet.standard(), BandLevel.B550);
    }

    static ImageAsset image(String id) {
        String sha = HexFormat.of().formatHex(BlobStore.sha256().digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new ImageAsset(id, sha, 1024, 768, 8, ImageKind.METAPHASE, Stain.G, BandLevel.B550, "case-1",
                "unit test", "CC0-1.0");
    }

    /** An annotation as a client would send it: no id, revision or timestamps yet. */
    static Annotation draft(String imageId, String author, double x) {
        return draft(imageId, author, new Box(x, 20, 30, 40));
    }

    static Annotation draft(String imageId, String author, Shape shape) {
        return new Annotation(null, imageId, shape, AnnotationLabels.ofClass(ChromosomeClass.C9, Polarity.P_UP),
                Provenance.human(author), 0, AnnotationStatus.DRAFT, null, null);
    }

    /** The same annotation moved to {@code x} and edited by {@code author}. */
    static Annotation moved(Annotation a, String author, double x) {
        return new Annotation(a.id(), a.imageId(), new Box(x, 20, 30, 40), a.labels(), Provenance.human(author),
                a.revision(), a.status(), a.createdAt(), a.updatedAt());
    }

    static Annotation withLabels(Annotation a, AnnotationLabels labels, AnnotationStatus status) {
        return new Annotation(a.id(), a.imageId(), a.shape(), labels, a.provenance(), a.revision(), status,
                a.createdAt(), a.updatedAt());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
