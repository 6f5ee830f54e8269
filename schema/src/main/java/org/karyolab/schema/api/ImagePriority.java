package org.karyolab.schema.api;

/** An image's place in the work queue: higher is handed out first ({@code PUT /api/v1/images/{imageId}/priority}). */
public record ImagePriority(String imageId, double priority) {}
