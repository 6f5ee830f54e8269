package org.karyolab.client.sync;

import java.util.Objects;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Shape;

/**
 * Someone else saved annotation {@code id} after the revision my edit was based on. For the
 * expert to decide, with {@link Autosave#resolve}: keep mine (sent again on top of their revision),
 * keep theirs (mine is dropped), or a merge ({@link #merge()} or any annotation the UI builds).
 *
 * @param mine        my version as the document has it now; null if I deleted it
 * @param theirs      the server's current version; null if they deleted it
 * @param theirRevision the server's current revision (the tombstone's if they deleted it; -1 if unknown)
 * @param ancestor    the version both started from (the revision my edit was based on), if the
 *                    history had it; null otherwise
 */
public record Conflict(String id, Annotation mine, Annotation theirs, long theirRevision, Annotation ancestor) {

    public boolean deletedByMe() {
        return mine == null;
    }

    public boolean deletedByThem() {
        return theirs == null;
    }

    /**
     * The merge suggested to the expert, field by field against the common ancestor: a field only
     * one side changed takes that side's value; a field both changed takes mine (the person
     * resolving is looking at the image now). The labels are merged the same way per label (class,
     * polarity, cluster type, bands, anomalies), so my moved outline and their new class both
     * survive. Without an ancestor: my shape with their labels and status. With a delete on either
     * side, the remaining version.
     */
    public Annotation merge() {
        if (mine == null) return theirs;
        if (theirs == null) return mine;
        if (ancestor == null) return mineShapeTheirLabels();
        Shape shape = pick(ancestor.shape(), mine.shape(), theirs.shape());
        AnnotationStatus status = pick(ancestor.status(), mine.status(), theirs.status());
        AnnotationLabels a = ancestor.labels(), m = mine.labels(), t = theirs.labels();
        AnnotationLabels labels = new AnnotationLabels(pick(a.chromosomeClass(), m.chromosomeClass(), t.chromosomeClass()),
                pick(a.polarity(), m.polarity(), t.polarity()), pick(a.clusterType(), m.clusterType(), t.clusterType()),
                pick(a.bands(), m.bands(), t.bands()), pick(a.anomalies(), m.anomalies(), t.anomalies()));
        if (!labels.validate().isEmpty()) labels = m; // picking per label gave a combination the schema forbids: keep mine whole
        Provenance provenance = Objects.equals(shape, mine.shape()) && Objects.equals(labels, mine.labels())
                ? mine.provenance() : theirs.provenance();
        return mine.withId(id).withContent(shape, labels, provenance).withRevision(theirRevision).withStatus(status)
                .withTimes(theirs.createdAt(), theirs.updatedAt());
    }

    /** The simple merge: the outline as I drew it, the labels and status as they set them. */
    public Annotation mineShapeTheirLabels() {
        if (mine == null) return theirs;
        if (theirs == null) return mine;
        return mine.withId(id).withLabels(theirs.labels()).withRevision(theirRevision).withStatus(theirs.status())
                .withTimes(theirs.createdAt(), theirs.updatedAt());
    }

    private static <T> T pick(T ancestor, T mine, T theirs) {
        if (Objects.equals(mine, ancestor)) return theirs;
        return mine; // I changed it: mine, whether or not they did too
    }

    /** How the expert settled a conflict. */
    public sealed interface Resolution {
        /** My version wins: sent again on top of their revision (a delete deletes theirs; theirs deleted: mine is restored). */
        record KeepMine() implements Resolution {}

        /** Their version wins: mine is dropped from the document. */
        record KeepTheirs() implements Resolution {}

        /** This annotation (e.g. {@link Conflict#merge()}) becomes the content, sent on top of their revision. */
        record Merged(Annotation result) implements Resolution {}
    }
}
