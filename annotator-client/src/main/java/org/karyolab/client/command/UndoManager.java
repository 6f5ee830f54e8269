package org.karyolab.client.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.karyolab.client.document.ImageDocument;

/**
 * Undo and redo for one document: {@link #perform} applies a command and remembers it. History is
 * bounded (the oldest steps fall off). {@link #beginCompound}/{@link #endCompound} group several
 * commands into one step (e.g. everything a drag did). Listeners hear about every change of
 * {@link #canUndo()}/{@link #canRedo()} and the step names, to enable menu items.
 */
public final class UndoManager {

    public static final int DEFAULT_LIMIT = 500;

    @FunctionalInterface
    public interface Listener {
        void historyChanged(UndoManager undo);
    }

    private final ImageDocument document;
    private final int limit;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private List<Command> openCompound;
    private String openCompoundName;

    public UndoManager(ImageDocument document) {
        this(document, DEFAULT_LIMIT);
    }

    public UndoManager(ImageDocument document, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        this.document = Objects.requireNonNull(document);
        this.limit = limit;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Applies {@code command} and records it; the redo history is dropped. If it throws, nothing is recorded. */
    public synchronized void perform(Command command) {
        command.apply(document);
        if (openCompound != null) {
            openCompound.add(command);
            return;
        }
        push(command);
    }

    /** Starts grouping: commands performed until {@link #endCompound} undo as one step called {@code name}. */
    public synchronized void beginCompound(String name) {
        if (openCompound != null) throw new IllegalStateException("a compound step is already open: " + openCompoundName);
        openCompound = new ArrayList<>();
        openCompoundName = name;
    }

    public synchronized void endCompound() {
        if (openCompound == null) throw new IllegalStateException("no compound step is open");
        List<Command> parts = openCompound;
        openCompound = null;
        if (parts.size() == 1) push(parts.getFirst());
        else if (!parts.isEmpty()) push(new Commands.Compound(openCompoundName, parts));
    }

    private void push(Command command) {
        undo.push(command);
        while (undo.size() > limit) undo.removeLast();
        redo.clear();
        changed();
    }

    public synchronized boolean canUndo() {
        return !undo.isEmpty() && openCompound == null;
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty() && openCompound == null;
    }

    /** Name of the step Undo would take back, or null. */
    public synchronized String undoName() {
        return undo.isEmpty() ? null : undo.peek().name();
    }

    public synchronized String redoName() {
        return redo.isEmpty() ? null : redo.peek().name();
    }

    public synchronized int undoSize() {
        return undo.size();
    }

    public synchronized boolean undo() {
        if (!canUndo()) return false;
        Command c = undo.pop();
        c.revert(document);
        redo.push(c);
        changed();
        return true;
    }

    public synchronized boolean redo() {
        if (!canRedo()) return false;
        Command c = redo.pop();
        c.apply(document);
        undo.push(c);
        changed();
        return true;
    }

    /** Forgets all steps (e.g. after the image was reloaded from the server). */
    public synchronized void clear() {
        undo.clear();
        redo.clear();
        changed();
    }

    private void changed() {
        listeners.forEach(l -> l.historyChanged(this));
    }
}
