package org.karyolab.server.store;

/** What a revision did to its annotation. */
public enum ChangeKind {
    CREATED,
    UPDATED,
    /** A tombstone: the annotation leaves the current listings, its history stays. */
    DELETED,
    /** The content of an earlier revision restored as a new revision (also un-deletes). */
    REVERTED
}
