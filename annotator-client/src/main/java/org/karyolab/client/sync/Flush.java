package org.karyolab.client.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ScheduledFuture;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Origin;

/**
 * When marked edits become journaled ops and go out: an {@link Origin#EDIT} event marks what it touched and a flush
 * follows {@code debounce} after it (one per quiet spell, however many edits came), or at once when asked.
 */
final class Flush {

    private final ImageDocument document;
    private final ChangeTracker tracker;
    private final ImageLabelsSync labels;
    private final ConflictDesk desk;
    private final Outbox outbox;
    private final Outbox.Exchange exchange;
    private final SyncWorker worker;
    private final Object lock;
    private final SyncEvents events;
    private final Duration debounce;
    private ScheduledFuture<?> due; // guarded by lock

    Flush(ImageDocument document, ChangeTracker tracker, ImageLabelsSync labels, ConflictDesk desk, Outbox outbox,
          Outbox.Exchange exchange, SyncWorker worker, Object lock, SyncEvents events, Duration debounce) {
        this.document = document;
        this.tracker = tracker;
        this.labels = labels;
        this.desk = desk;
        this.outbox = outbox;
        this.exchange = exchange;
        this.worker = worker;
        this.lock = lock;
        this.events = events;
        this.debounce = debounce;
    }

    /** The document's listener (called with the document locked). */
    void edited(DocumentEvent e) {
        if (e.origin() != Origin.EDIT) return;
        synchronized (lock) {
            if (e instanceof DocumentEvent.ImageLabelsChanged) labels.mark();
            else if (!tracker.mark(e)) return;
            if (due == null || due.isDone()) due = worker.after(debounce, this::quietly);
        }
        events.statusChanged();
    }

    /** On the worker: turn marked edits into journaled ops, then send. */
    void now() {
        synchronized (document) {
            synchronized (lock) {
                var ops = new ArrayList<>(tracker.diff(document, desk::isOpen));
                labels.diff().ifPresent(ops::add);
                outbox.enqueue(ops);
            }
        }
        events.statusChanged();
        outbox.drain(exchange);
    }

    /** {@link #now()}, a failure shown as the last error (for the debounce, a retry, a settled conflict). */
    void quietly() {
        try {
            now();
        } catch (RuntimeException e) {
            outbox.lastError(e.toString());
            events.statusChanged();
        }
    }

    /** A flush as soon as the worker is free. */
    void soon() {
        worker.later(this::quietly);
    }
}
