package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

/** The outcome of saving one annotation change. Expected outcomes are values, not exceptions. */
public sealed interface SaveResult {

    /** The change is committed; {@code annotation} is the new current state (for a delete: the tombstone's content). */
    record Saved(Annotation annotation) implements SaveResult {}

    /**
     * The caller's expected revision is not the current one (someone else saved first), or an
     * annotation with that id already exists. Nothing was written; {@code current} is what is there now.
     */
    record Conflict(Annotation current) implements SaveResult {}

    /**
     * The change had already been made: a retried create (same id, same image, same content) finds the
     * annotation its first attempt saved. Nothing was written; {@code current} is that annotation.
     */
    record Unchanged(Annotation current) implements SaveResult {}

    /** No such annotation (or it is deleted), no such image, or no such revision to revert to. */
    record NotFound(String id) implements SaveResult {}
}
