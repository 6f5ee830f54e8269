package org.karyolab.schema.api;

import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Split;
import org.karyolab.schema.Stain;

/**
 * {@code PUT /api/v1/images/{imageId}/metadata}: a change of what is known about an image and its split. Every field
 * is optional, a null field stays as it is; the pixels' facts (id, sha256, size, depth) cannot be changed.
 */
public record MetadataChange(ImageKind kind, Stain stain, BandLevel bandLevel, String caseId, String source,
                             String licence, Split split) {}
