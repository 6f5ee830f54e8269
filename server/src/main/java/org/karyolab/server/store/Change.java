package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

/** One change of a {@link AnnotationRepository#saveBatch batch}; the same operations as the single-change methods. */
public sealed interface Change {

    /** A new annotation; its id is kept if set, generated if blank. Revision, timestamps are assigned. */
    record Create(Annotation annotation) implements Change {}

    /**
     * New shape, labels, provenance and status for an annotation currently at {@code expectedRevision}.
     * A status is the workflow's (submit, review) and is taken as it is; a null status is an edit of the
     * content, whose status the repository derives (reviewed content that changes is a draft again).
     * {@code changedBy} is who made this revision when that is not the content's author (a reviewer
     * changing the status, an annotator submitting); null means the provenance's author.
     */
    record Update(String id, long expectedRevision, Annotation changed, String changedBy) implements Change {
        public Update(String id, long expectedRevision, Annotation changed) {
            this(id, expectedRevision, changed, null);
        }
    }

    record Delete(String id, long expectedRevision, String author) implements Change {}

    record Revert(String id, long toRevision, long expectedRevision, String author) implements Change {}
}
