package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;

/**
 * An image as the server shows it: the schema's {@link ImageAsset} plus its train/val/test {@code split} and how far
 * its work is: live annotations, suggestions nobody decided yet, and its review state ({@code open},
 * {@code submitted}, {@code accepted}, {@code rejected}; null from a server that does not say).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageInfo(String id, String sha256, int width, int height, int bitDepth, ImageKind kind, Stain stain,
                        BandLevel bandLevel, String caseId, String source, String licence, String split,
                        long annotationCount, long openSuggestionCount, String reviewState) {

    public ImageAsset asset() {
        return new ImageAsset(id, sha256, width, height, bitDepth, kind, stain, bandLevel, caseId, source, licence);
    }
}
