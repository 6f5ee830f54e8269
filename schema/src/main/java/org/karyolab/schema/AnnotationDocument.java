package org.karyolab.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The unit of exchange: one image, its image-level labels and all its annotations. Carries the image
 * size, so annotation shapes are checked against the image bounds. {@code version} is the document
 * format version, currently {@value #CURRENT_VERSION}.
 */
public record AnnotationDocument(int version, ImageAsset image, ImageLabels imageLabels, List<Annotation> annotations)
        implements Validatable {

    public static final int CURRENT_VERSION = 1;

    public AnnotationDocument {
        imageLabels = imageLabels == null ? ImageLabels.EMPTY : imageLabels;
        annotations = Validation.immutableList(annotations);
    }

    public static AnnotationDocument of(ImageAsset image, ImageLabels imageLabels, List<Annotation> annotations) {
        return new AnnotationDocument(CURRENT_VERSION, image, imageLabels, annotations);
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        if (version != CURRENT_VERSION) {
            out.add(new Violation("/version", "version must be " + CURRENT_VERSION + " (was " + version + ")"));
        }
        boolean hasImage = Validation.required(out, "/image", "image", image);
        if (hasImage) {
            out.addAll(Validation.prefix("/image", image.validate()));
        }
        out.addAll(Validation.prefix("/imageLabels", imageLabels.validate()));
        // Bounds need a usable image size; without one, annotations get the bounds-free checks.
        boolean sized = hasImage && image.width() > 0 && image.height() > 0;
        var firstIndexOfId = new HashMap<String, Integer>();
        for (int i = 0; i < annotations.size(); i++) {
            String at = "/annotations/" + i;
            Annotation a = annotations.get(i);
            if (!Validation.required(out, at, "annotation", a)) {
                continue;
            }
            out.addAll(Validation.prefix(at, sized ? a.validate(image.width(), image.height()) : a.validate()));
            if (hasImage && a.imageId() != null && image.id() != null && !a.imageId().equals(image.id())) {
                out.add(new Violation(at + "/imageId", "imageId '" + a.imageId()
                        + "' does not match the document's image id '" + image.id() + "'"));
            }
            if (a.id() != null) {
                Integer first = firstIndexOfId.putIfAbsent(a.id(), i);
                if (first != null) {
                    out.add(new Violation(at + "/id", "duplicate annotation id '" + a.id()
                            + "' (also at /annotations/" + first + ")"));
                }
            }
        }
        return List.copyOf(out);
    }
}
