package org.karyolab.client.sync;

import java.util.LinkedHashSet;
import java.util.Objects;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.QualityFlag;

/**
 * Someone else saved the image's labels (karyotype, quality flags) after the revision my edit was based on.
 * For the expert to decide with {@link Autosave#resolveLabels}: mine (sent again on top of their revision),
 * theirs (mine is dropped), or {@link #merge()}.
 *
 * @param mine          my labels as the document has them now
 * @param theirs        the server's labels now
 * @param theirRevision the server's revision of them
 * @param theirAuthor   who saved theirs (may be null)
 * @param ancestor      the labels my edit started from (may be null when not known, e.g. after a restart)
 */
public record LabelsConflict(ImageLabels mine, ImageLabels theirs, long theirRevision, String theirAuthor, ImageLabels ancestor) {

    /**
     * The merge offered: the karyotype as I wrote it unless only they changed it; the quality flags each
     * side added or removed since the ancestor both applied (without an ancestor: both sides' flags).
     */
    public ImageLabels merge() {
        String karyotype = ancestor != null && Objects.equals(mine.karyotype(), ancestor.karyotype())
                ? theirs.karyotype() : mine.karyotype();
        var quality = new LinkedHashSet<QualityFlag>();
        if (ancestor == null) {
            quality.addAll(mine.quality());
            quality.addAll(theirs.quality());
        } else {
            for (QualityFlag f : QualityFlag.values()) {
                boolean was = ancestor.quality().contains(f);
                boolean m = mine.quality().contains(f);
                boolean t = theirs.quality().contains(f);
                if (m != was ? m : t) quality.add(f); // a side that changed it decides; mine first
            }
        }
        return new ImageLabels(karyotype, quality);
    }
}
