package org.karyolab.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One stored image and what is known about how it was made.
 *
 * @param sha256    content hash, 64 lowercase hex digits (identifies the pixels, detects duplicates)
 * @param bitDepth  bits per pixel over all channels: 1, 8, 16, 24, 32 or 48
 * @param bandLevel banding resolution, or null when unknown / not banded
 * @param caseId    pseudonymous patient/case id; all images of a case go to the same train/test split
 * @param source    where the image came from (dataset name, lab), optional
 * @param licence   licence of the image (SPDX id preferred), optional
 */
public record ImageAsset(String id, String sha256, int width, int height, int bitDepth, ImageKind kind, Stain stain,
                         BandLevel bandLevel, String caseId, String source, String licence) implements Validatable {

    public static final Set<Integer> BIT_DEPTHS = Set.of(1, 8, 16, 24, 32, 48);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        Validation.requiredText(out, "/id", "id", id);
        if (Validation.required(out, "/sha256", "sha256", sha256) && !SHA256.matcher(sha256).matches()) {
            out.add(new Violation("/sha256", "sha256 must be 64 lowercase hex digits"));
        }
        if (width <= 0) {
            out.add(new Violation("/width", "width must be greater than 0 (was " + width + ")"));
        }
        if (height <= 0) {
            out.add(new Violation("/height", "height must be greater than 0 (was " + height + ")"));
        }
        if (!BIT_DEPTHS.contains(bitDepth)) {
            out.add(new Violation("/bitDepth", "bitDepth must be one of 1, 8, 16, 24, 32, 48 (was " + bitDepth + ")"));
        }
        Validation.required(out, "/kind", "kind", kind);
        Validation.required(out, "/stain", "stain", stain);
        Validation.requiredText(out, "/caseId", "caseId", caseId);
        Validation.optionalText(out, "/source", "source", source);
        Validation.optionalText(out, "/licence", "licence", licence);
        return List.copyOf(out);
    }
}
