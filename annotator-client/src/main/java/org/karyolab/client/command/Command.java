package org.karyolab.client.command;

import org.karyolab.client.document.ImageDocument;

/**
 * One undoable edit of a document. Commands are values (records) holding the before and after
 * states they need, so {@code apply} after {@code revert} gives the same document again. They change
 * the document with {@link org.karyolab.client.document.Origin#EDIT}, which autosave sends.
 */
public interface Command {

    /** For the Undo/Redo menu: "Move", "Set class 21", "Accept 12 suggestions". */
    String name();

    void apply(ImageDocument document);

    void revert(ImageDocument document);
}
