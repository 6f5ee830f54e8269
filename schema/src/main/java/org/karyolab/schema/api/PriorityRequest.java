package org.karyolab.schema.api;

/** {@code PUT /api/v1/images/{imageId}/priority}: how urgently the image should be labelled (higher first). */
public record PriorityRequest(Double priority) {}
