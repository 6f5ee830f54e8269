package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

/** One change of a {@link AnnotationRepository#saveBatch batch}; the same operations as the single-change methods. */
public sealed interface Change {

    /** A new annotation; its id is kept if set, generated if blank. Revision, timestamps are assigned. */
    record Create(Annotation annotation) implements Change {}

    /** New shape, labels, provenance and status for an annotation currently at {@code expectedRevision}. */
    record Update(String id, long expectedRevision, Annotation changed) implements Change {}

    record Delete(String id, long expectedRevision, String author) implements Change {}

    record Revert(String id, long toRevision, long expectedRevision, String author) implements Change {}
}
