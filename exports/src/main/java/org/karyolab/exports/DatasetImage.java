package org.karyolab.exports;

import java.util.List;
import java.util.Objects;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Split;
import org.karyolab.schema.Validation;

/**
 * One image of a dataset: its record, its bytes, its image-level labels, its annotations and the split it is in.
 *
 * @param bytes read only when asked, so a reader can stream a dataset larger than memory
 */
public record DatasetImage(ImageAsset image, ImageBytes bytes, ImageLabels imageLabels, List<Annotation> annotations,
                           Split split) {

    public DatasetImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(bytes, "bytes");
        imageLabels = imageLabels == null ? ImageLabels.EMPTY : imageLabels;
        annotations = Validation.immutableList(annotations);
        split = split == null ? Split.UNASSIGNED : split;
    }

    public static DatasetImage of(AnnotationDocument document, ImageBytes bytes, Split split) {
        return new DatasetImage(document.image(), bytes, document.imageLabels(), document.annotations(), split);
    }

    /** The image, its labels and annotations as the schema's unit of exchange. */
    public AnnotationDocument document() {
        return AnnotationDocument.of(image, imageLabels, annotations);
    }
}
