package org.karyolab.client.document;

/** Why the document changed: lets autosave send only the user's edits and a view tell them apart. */
public enum Origin {
    /** The user, through a command (also its undo and redo). Autosave sends these. */
    EDIT,
    /** The server's version was taken: opening the image, "keep theirs", a reload after a live event. */
    SERVER,
    /** Autosave stored an edit: only the revision (or the id of an accepted suggestion) changed. */
    SAVED
}
