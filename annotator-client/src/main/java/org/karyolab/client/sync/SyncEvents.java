package org.karyolab.client.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.karyolab.client.net.ApiException;

/** The UI's {@link Autosave.Listener}s, told what autosave's parts did; called from autosave's thread. */
final class SyncEvents {

    private final List<Autosave.Listener> listeners = new CopyOnWriteArrayList<>();
    private final Supplier<Autosave.Status> status;

    /** @param status what {@link Autosave.Listener#statusChanged} is told, asked each time it changed */
    SyncEvents(Supplier<Autosave.Status> status) {
        this.status = status;
    }

    void add(Autosave.Listener l) {
        listeners.add(l);
    }

    void remove(Autosave.Listener l) {
        listeners.remove(l);
    }

    void statusChanged() {
        Autosave.Status s = status.get();
        listeners.forEach(l -> l.statusChanged(s));
    }

    void conflict(Conflict c) {
        listeners.forEach(l -> l.conflict(c));
    }

    void labelsConflict(LabelsConflict c) {
        listeners.forEach(l -> l.labelsConflict(c));
    }

    void refused(SyncOp op, ApiException reason) {
        listeners.forEach(l -> l.refused(op, reason));
    }
}
