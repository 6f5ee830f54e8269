package org.karyolab.schema.api;

import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Shape;

/**
 * What a client sends to create or change an annotation: everything but the fields the
 * server owns (image, revision, timestamps). {@code id} is optional on create; a client that
 * sets it (a UUID) can retry the create safely after a lost response. {@code status} moves only
 * through the workflow's routes: an edit sends none (or the one the annotation has).
 */
public record AnnotationDraft(String id, Shape shape, AnnotationLabels labels, Provenance provenance,
                              AnnotationStatus status) {

    /** The content of {@code a} as a draft, with its id ({@code withId}) or without; never a status. */
    public static AnnotationDraft of(Annotation a, boolean withId) {
        return new AnnotationDraft(withId ? a.id() : null, a.shape(), a.labels(), a.provenance(), null);
    }

    /** The same draft under another id. */
    public AnnotationDraft withId(String newId) {
        return new AnnotationDraft(newId, shape, labels, provenance, status);
    }

    /**
     * The same draft, accountable to {@code author}: the server, not the client, says who made a change.
     * No provenance means a person drew it by hand.
     */
    public AnnotationDraft by(String author) {
        Provenance p = provenance == null ? Provenance.human(author)
                : new Provenance(author, provenance.modelId(), provenance.modelVersion(), provenance.source());
        return new AnnotationDraft(id, shape, labels, p, status);
    }
}
