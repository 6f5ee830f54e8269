package org.karyolab.schema.api;

import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;

/**
 * An image as the server shows it: the schema's {@link ImageAsset} fields plus its train/val/test {@code split},
 * how far its work is (live annotations, suggestions nobody decided yet, its review state) and its
 * {@code thumbnail} route.
 */
public record ImageInfo(String id, String sha256, int width, int height, int bitDepth, ImageKind kind, Stain stain,
                        BandLevel bandLevel, String caseId, String source, String licence, String split,
                        long annotationCount, long openSuggestionCount, ReviewState reviewState, String thumbnail) {

    /** The image with its place and progress; the thumbnail route is the image's. */
    public static ImageInfo of(ImageAsset a, String split, long annotations, long openSuggestions, ReviewState state) {
        return new ImageInfo(a.id(), a.sha256(), a.width(), a.height(), a.bitDepth(), a.kind(), a.stain(), a.bandLevel(),
                a.caseId(), a.source(), a.licence(), split, annotations, openSuggestions, state,
                "/api/v1/images/" + a.id() + "/thumbnail");
    }

    public ImageAsset asset() {
        return new ImageAsset(id, sha256, width, height, bitDepth, kind, stain, bandLevel, caseId, source, licence);
    }
}
