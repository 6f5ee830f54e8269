package org.karyolab.schema.api;

import java.time.Instant;
import org.karyolab.schema.ImageLabels;

/**
 * An image's labels (karyotype of the cell, quality flags) at {@code revision} (0: never set, then
 * {@link ImageLabels#EMPTY}); {@code changedBy}/{@code changedAt} are null at 0.
 */
public record ImageLabelsAt(ImageLabels labels, long revision, String changedBy, Instant changedAt) {

    public static final ImageLabelsAt NONE = new ImageLabelsAt(ImageLabels.EMPTY, 0, null, null);

    public ImageLabelsAt {
        if (labels == null) labels = ImageLabels.EMPTY;
    }
}
