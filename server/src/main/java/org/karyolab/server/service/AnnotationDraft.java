package org.karyolab.server.service;

import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Shape;

/**
 * What a client sends to create or change an annotation: everything but the fields the
 * server owns (image, revision, timestamps). {@code id} is optional on create; a client that
 * sets it (a UUID) can retry the create safely after a lost response.
 */
public record AnnotationDraft(String id, Shape shape, AnnotationLabels labels, Provenance provenance,
                              AnnotationStatus status) {

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
