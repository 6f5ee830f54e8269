package org.karyolab.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.shape.Shape;

/**
 * One annotated object on one image: where it is ({@code shape}), what it is ({@code labels}), who made
 * it ({@code provenance}) and its review state. {@code revision} starts at 1 and grows with each edit.
 * Null labels are read as {@link AnnotationLabels#EMPTY}.
 */
public record Annotation(String id, String imageId, Shape shape, AnnotationLabels labels, Provenance provenance,
                         long revision, AnnotationStatus status, Instant createdAt, Instant updatedAt)
        implements Validatable {

    public Annotation {
        labels = labels == null ? AnnotationLabels.EMPTY : labels;
    }

    // Withers: a copy with one field (or one group of fields) changed, the rest kept as it is.

    public Annotation withId(String id) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withImageId(String imageId) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withShape(Shape shape) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withLabels(AnnotationLabels labels) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withProvenance(Provenance provenance) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    /** What it says, as one: where it is, what it is, and who made it; id, image, revision, status and times stay. */
    public Annotation withContent(Shape shape, AnnotationLabels labels, Provenance provenance) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withRevision(long revision) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withStatus(AnnotationStatus status) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withTimes(Instant createdAt, Instant updatedAt) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    public Annotation withUpdatedAt(Instant updatedAt) {
        return new Annotation(id, imageId, shape, labels, provenance, revision, status, createdAt, updatedAt);
    }

    /** Everything, including that the shape lies inside an image of this size. */
    public List<Violation> validate(int imageWidth, int imageHeight) {
        return check(shape == null ? List.of() : shape.validate(imageWidth, imageHeight));
    }

    /** Everything except the image bounds of the shape (the annotation alone does not know the image size). */
    @Override
    public List<Violation> validate() {
        return check(shape == null ? List.of() : shape.validate());
    }

    private List<Violation> check(List<Violation> shapeViolations) {
        var out = new ArrayList<Violation>();
        Validation.requiredText(out, "/id", "id", id);
        Validation.requiredText(out, "/imageId", "imageId", imageId);
        Validation.required(out, "/shape", "shape", shape);
        out.addAll(Validation.prefix("/shape", shapeViolations));
        out.addAll(Validation.prefix("/labels", labels.validate()));
        if (Validation.required(out, "/provenance", "provenance", provenance)) {
            out.addAll(Validation.prefix("/provenance", provenance.validate()));
        }
        if (revision < 1) {
            out.add(new Violation("/revision", "revision must be at least 1 (was " + revision + ")"));
        }
        Validation.required(out, "/status", "status", status);
        Validation.required(out, "/createdAt", "createdAt", createdAt);
        Validation.required(out, "/updatedAt", "updatedAt", updatedAt);
        if (createdAt != null && updatedAt != null && updatedAt.isBefore(createdAt)) {
            out.add(new Violation("/updatedAt", "updatedAt " + updatedAt + " is before createdAt " + createdAt));
        }
        return List.copyOf(out);
    }
}
