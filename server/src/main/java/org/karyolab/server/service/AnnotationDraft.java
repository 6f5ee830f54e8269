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
                              AnnotationStatus status) {}
