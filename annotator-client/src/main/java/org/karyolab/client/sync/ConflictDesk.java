package org.karyolab.client.sync;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.Origin;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.Problems;
import org.karyolab.schema.Annotation;

/**
 * What happens when the server does not take an annotation op as sent: a stale revision (412) or a change of what
 * someone else deleted (404) becomes a {@link Conflict} the UI shows and the expert settles ({@link #resolve}); a
 * suggestion someone else decided first (409) keeps my annotation as a plain new one; anything else refused for good
 * (403, 422, 423 leased, ...) is rolled back to what the server holds and reported. The rest of the queue goes on
 * without what failed.
 *
 * <p>State guarded by the autosave's lock (after the document's); the answer handlers run on the worker.
 */
final class ConflictDesk {

    private final KaryoLabClient client;
    private final ImageDocument document;
    private final ChangeTracker tracker;
    private final Outbox outbox;
    private final Object lock;
    private final SyncEvents events;
    /** Queues a flush (an edit the desk marked goes out). */
    private final Runnable flushLater;

    // Guarded by lock.
    private final LinkedHashMap<String, Conflict> open = new LinkedHashMap<>();

    ConflictDesk(KaryoLabClient client, ImageDocument document, ChangeTracker tracker, Outbox outbox, Object lock,
                 SyncEvents events, Runnable flushLater) {
        this.client = client;
        this.document = document;
        this.tracker = tracker;
        this.outbox = outbox;
        this.lock = lock;
        this.events = events;
        this.flushLater = flushLater;
    }

    // --- callers hold the lock ------------------------------------------------------------------

    boolean isOpen(String id) {
        return open.containsKey(id);
    }

    int size() {
        return open.size();
    }

    List<Conflict> all() {
        return List.copyOf(open.values());
    }

    /** After a load: the document shows my version of each open conflict (from an earlier session's journal). */
    void showMine() {
        for (Conflict c : open.values()) {
            if (c.mine() == null) {
                document.remove(List.of(c.id()), Origin.SERVER);
            } else if (document.contains(c.id())) {
                document.replace(List.of(c.mine().withRevision(Math.max(0, c.theirRevision()))), Origin.SERVER);
            } else {
                document.add(List.of(c.mine().withRevision(0)), Origin.SERVER);
            }
        }
    }

    // --- answers (on the worker) ----------------------------------------------------------------

    /** An annotation or suggestion op met a conflict-like answer (not a lost one). */
    void failed(Outbox.Pending head, ApiException e) {
        switch (head.op) {
            case SyncOp.Batch b when e instanceof Problems.StaleRevisionException s && s.index() >= 0 && s.index() < b.size() ->
                    conflict(head, b.changes().get(s.index()), s.current(), s.currentRevision());
            case SyncOp.Batch b when e instanceof Problems.NotFoundException n && n.index() >= 0 && n.index() < b.size() ->
                    conflict(head, b.changes().get(n.index()), null, -1);
            case SyncOp.Restore r when e instanceof Problems.StaleRevisionException s ->
                    conflict(head, BatchOperation.update(s.current() == null ? document.annotation(r.id()) : s.current(), r.expectedRevision()),
                            s.current(), s.currentRevision());
            case SyncOp.Accept a when e instanceof Problems.AlreadyDecidedException d -> {
                // Someone else decided it first: my annotation stays, as a plain new one.
                synchronized (document) {
                    synchronized (lock) {
                        document.markAcceptedFrom(a.localId(), null);
                        takeDecision(a.suggestionId(), d.current());
                        tracker.forget(a.localId());
                        outbox.rewrite(head, op -> op == head.op ? null : op.without(a.localId()));
                        if (document.contains(a.localId())) tracker.mark(a.localId());
                    }
                }
                outbox.refused(head.op, e);
                flushLater.run();
            }
            case SyncOp.Reject r when e instanceof Problems.AlreadyDecidedException d -> {
                synchronized (document) {
                    synchronized (lock) {
                        takeDecision(r.suggestionId(), d.current());
                        outbox.complete(head);
                    }
                }
                outbox.refused(head.op, e);
            }
            default -> refuse(head, e);
        }
    }

    /** The decision someone else made on {@code suggestionId} (if the answer carried it) is the base and the document's. */
    private void takeDecision(String suggestionId, ModelSuggestion current) {
        if (current == null) return;
        tracker.suggestion(suggestionId, current.state());
        document.setSuggestions(List.of(current), Origin.SERVER);
    }

    /** Change {@code failing} met a newer version on the server: a {@link Conflict}; the rest goes on without it. */
    private void conflict(Outbox.Pending head, BatchOperation failing, Annotation theirs, long theirRevision) {
        String id = failing.target();
        Annotation ancestor = null;
        Annotation tombstone = null;
        try {
            List<HistoryEntry> history = client.history(id);
            if (failing.revision() != null) {
                ancestor = history.stream().filter(h -> h.revision() == failing.revision()).map(HistoryEntry::annotation)
                        .findFirst().orElse(null);
            }
            if (theirs == null && !history.isEmpty() && history.getLast().deleted()) {
                tombstone = history.getLast().annotation();
                theirRevision = tombstone.revision();
            }
        } catch (ApiException e) {
            // the conflict is still worth showing without the ancestor
        }
        Conflict c;
        synchronized (document) {
            synchronized (lock) {
                Annotation mine = document.contains(id) ? document.annotation(id)
                        : "delete".equals(failing.op()) || failing.annotation() == null ? null
                        : ChangeTracker.content(failing, document.imageId());
                c = new Conflict(id, mine, theirs, theirRevision, ancestor);
                if (theirs != null) {
                    tracker.adopt(theirs);
                } else {
                    tracker.forget(id);
                    if (tombstone != null) tracker.tombstone(id, tombstone);
                }
                open.put(id, c);
                tracker.unmark(id);
                outbox.rewrite(head, op -> op.without(id));
            }
        }
        events.conflict(c);
        events.statusChanged();
    }

    /**
     * Refused for good: dropped, and rolled back: the server's version of what it touched becomes the base and the
     * document's content again (an annotation the server does not have goes; a suggestion gets its server state), so
     * the screen never shows an edit the server does not hold. An annotation edited again since keeps that newer edit,
     * which goes out by itself. The user is told ({@link Autosave.Status#refusal}, {@link Autosave.Listener#refused}).
     */
    void refuse(Outbox.Pending head, ApiException e) {
        List<String> targets = head.op.targets();
        Map<String, Annotation> truth = new HashMap<>();
        boolean known = false;
        ModelSuggestion suggestion = null;
        try {
            if (!targets.isEmpty()) client.annotations(document.imageId()).forEach(a -> truth.put(a.id(), a));
            known = true;
            String sid = switch (head.op) {
                case SyncOp.Accept a -> a.suggestionId();
                case SyncOp.Reject r -> r.suggestionId();
                default -> null;
            };
            if (sid != null) suggestion = client.suggestion(sid);
        } catch (ApiException ignored) {
            // keep the predicted base; the next edit will tell
        }
        synchronized (document) {
            synchronized (lock) {
                for (String id : targets) {
                    Annotation theirs = truth.get(id);
                    if (theirs != null) tracker.rebase(theirs);
                    else if (known) tracker.forget(id);
                    if (!known || tracker.isMarked(id) || open.containsKey(id)) continue;
                    if (theirs != null) {
                        tracker.dropTombstone(id);
                        if (document.contains(id)) document.replace(List.of(theirs), Origin.SERVER);
                        else document.add(List.of(theirs), Origin.SERVER);
                    } else if (document.contains(id)) {
                        document.remove(List.of(id), Origin.SERVER);
                    }
                }
                if (suggestion != null) {
                    tracker.suggestion(suggestion.id(), suggestion.state());
                    document.setSuggestions(List.of(suggestion), Origin.SERVER);
                }
                outbox.rewrite(head, op -> op == head.op ? null
                        : targets.stream().reduce(op, (o, id) -> o == null ? null : o.without(id), (x, y) -> x));
                outbox.lastError(e.getMessage());
            }
        }
        outbox.refused(head.op, e);
        events.statusChanged();
    }

    // --- the expert's choice --------------------------------------------------------------------

    /** Settles a conflict the way the expert chose; the outcome is marked to be sent. Any thread. */
    void resolve(Conflict conflict, Conflict.Resolution resolution) {
        String id = conflict.id();
        synchronized (document) {
            synchronized (lock) {
                if (open.remove(id) == null) throw new IllegalArgumentException("no open conflict on " + id);
                switch (resolution) {
                    case Conflict.Resolution.KeepMine k -> {
                        tracker.mark(id);
                        if (conflict.theirRevision() > 0) document.saved(id, conflict.theirRevision());
                    }
                    case Conflict.Resolution.KeepTheirs k -> {
                        Annotation theirs = conflict.theirs();
                        if (theirs == null) document.remove(List.of(id), Origin.SERVER);
                        else if (document.contains(id)) document.replace(List.of(theirs), Origin.SERVER);
                        else document.add(List.of(theirs), Origin.SERVER);
                    }
                    case Conflict.Resolution.Merged m -> {
                        Annotation merged = m.result().withId(id);
                        if (document.contains(id)) {
                            document.replace(List.of(merged), Origin.EDIT);
                        } else {
                            document.add(List.of(merged.withRevision(Math.max(0, conflict.theirRevision()))), Origin.EDIT);
                        }
                        tracker.mark(id);
                    }
                }
            }
        }
    }
}
