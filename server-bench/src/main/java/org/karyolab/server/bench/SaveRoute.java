package org.karyolab.server.bench;

/** How a client saves its edits. */
public enum SaveRoute {
    /** {@code POST /api/v1/images/{imageId}/annotations/batch}: one request, one transaction, many annotations. */
    BATCH,
    /** {@code PUT /api/v1/annotations/{id}} with {@code If-Match}, one request per annotation. */
    SINGLE
}
