package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Shape;

/**
 * One change of a batch save, in its wire form: {@code {"op": "create"|"update"|"delete", "id",
 * "revision", "annotation"}}. Also what the journal stores, so a journal line is exactly what will
 * be sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchChange(String op, String id, Long revision, Draft annotation) {

    /**
     * What the server takes for an annotation's content (it owns image, revision and times). The status is the
     * workflow's (submit, review): an edit never sends one, so a stale copy cannot move it; {@code status} is
     * only read from journals written before that.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Draft(String id, Shape shape, AnnotationLabels labels, Provenance provenance, AnnotationStatus status) {
        public static Draft of(Annotation a, boolean withId) {
            return new Draft(withId ? a.id() : null, a.shape(), a.labels(), a.provenance(), null);
        }
    }

    /** A create carrying the client-made id, so sending it twice cannot make two annotations. */
    public static BatchChange create(Annotation a) {
        return new BatchChange("create", null, null, Draft.of(a, true));
    }

    /** An update of the revision this edit was based on (If-Match semantics). */
    public static BatchChange update(Annotation a, long basedOnRevision) {
        return new BatchChange("update", a.id(), basedOnRevision, Draft.of(a, false));
    }

    public static BatchChange delete(String id, long basedOnRevision) {
        return new BatchChange("delete", id, basedOnRevision, null);
    }

    /** The annotation this change is about. */
    public String target() {
        return "create".equals(op) ? annotation.id() : id;
    }

    public BatchChange withTarget(String newId) {
        if ("create".equals(op)) {
            return new BatchChange(op, null, null, new Draft(newId, annotation.shape(), annotation.labels(),
                    annotation.provenance(), annotation.status()));
        }
        return new BatchChange(op, newId, revision, annotation);
    }
}
