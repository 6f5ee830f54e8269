package org.karyolab.client.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.karyolab.client.document.Contents;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.Origin;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.api.AcceptedSuggestion;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.schema.api.ImageLabelsAt;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.Problems;
import org.karyolab.schema.Annotation;

/**
 * What the server says, taken into the base and the document. Each op is sent over its route; what the server saved
 * corrects the base where its revision or id differs from the predicted one (later queued ops follow), and the
 * document takes the revisions. A request sent before whose answer was lost is recognised when the server then says
 * conflict and already holds exactly that content. Conflicts and refusals go to the {@link ConflictDesk} or the
 * {@link ImageLabelsSync}. The server's versions also come in when asked for: a load, someone else's saved change,
 * the answers to my workflow calls; never over an edit of mine not on the server yet (that one meets the server's
 * version as a conflict, as it should). Runs on the worker.
 */
final class Answers implements Outbox.Exchange {

    private final KaryoLabClient client;
    private final ImageDocument document;
    private final ChangeTracker tracker;
    private final Outbox outbox;
    private final ConflictDesk desk;
    private final ImageLabelsSync labels;
    private final Object lock;
    private final SyncEvents events;

    Answers(KaryoLabClient client, ImageDocument document, ChangeTracker tracker, Outbox outbox, ConflictDesk desk,
            ImageLabelsSync labels, Object lock, SyncEvents events) {
        this.client = client;
        this.document = document;
        this.tracker = tracker;
        this.outbox = outbox;
        this.desk = desk;
        this.labels = labels;
        this.lock = lock;
        this.events = events;
    }

    @Override
    public Object send(SyncOp op) {
        String imageId = document.imageId();
        return switch (op) {
            case SyncOp.Batch b -> client.saveBatch(imageId, b.changes());
            case SyncOp.Accept a -> client.acceptSuggestion(a.suggestionId(), a.shape(), a.labels());
            case SyncOp.Reject r -> client.rejectSuggestion(r.suggestionId(), null);
            case SyncOp.Restore r -> client.revert(r.id(), r.toRevision(), r.expectedRevision());
            case SyncOp.SetLabels l -> client.putImageLabels(imageId, l.labels(), l.expectedRevision());
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void done(Outbox.Pending head, Object result) {
        synchronized (document) {
            synchronized (lock) {
                switch (head.op) {
                    case SyncOp.Batch b -> {
                        List<Annotation> saved = (List<Annotation>) result;
                        for (int i = 0; i < saved.size(); i++) {
                            BatchOperation c = b.changes().get(i);
                            Annotation a = saved.get(i);
                            long predicted = "create".equals(c.op()) ? 1 : c.revision() + 1;
                            if (a.revision() != predicted) shift(a.id(), a.revision() - predicted, head);
                            if (!"delete".equals(c.op())) document.saved(a.id(), a.revision());
                        }
                    }
                    case SyncOp.Accept a -> {
                        AcceptedSuggestion accepted = (AcceptedSuggestion) result;
                        String serverId = accepted.annotation().id();
                        rename(a.localId(), serverId, head);
                        long delta = accepted.annotation().revision() - a.predictedRevision();
                        if (delta != 0) shift(serverId, delta, head);
                        ModelSuggestion decided = ModelSuggestion.of(accepted.suggestion());
                        tracker.suggestion(a.suggestionId(), decided.state());
                        document.setSuggestions(List.of(decided), Origin.SAVED);
                        document.saved(serverId, accepted.annotation().revision());
                    }
                    case SyncOp.Reject r -> tracker.suggestion(r.suggestionId(), SuggestionState.REJECTED);
                    case SyncOp.Restore r -> {
                        Annotation restored = (Annotation) result;
                        if (restored.revision() != r.expectedRevision() + 1) {
                            shift(r.id(), restored.revision() - r.expectedRevision() - 1, head);
                        }
                        document.saved(r.id(), restored.revision());
                    }
                    case SyncOp.SetLabels l -> labels.saved((ImageLabelsAt) result);
                }
                outbox.complete(head);
                outbox.accepted(); // the server takes my edits again
            }
        }
        events.statusChanged();
    }

    @Override
    public void refused(Outbox.Pending head, ApiException e) {
        desk.refuse(head, e);
    }

    /** A conflict-like answer: applied already (lost answer), a real conflict, or a refusal. */
    @Override
    public void failed(Outbox.Pending head, ApiException e) {
        if (head.attempted) {
            Optional<Object> applied = alreadyApplied(head.op, e);
            if (applied.isPresent()) {
                done(head, applied.get());
                return;
            }
        }
        if (head.op instanceof SyncOp.SetLabels) labels.failed(head, e);
        else desk.failed(head, e);
    }

    /** The server named an accepted suggestion's annotation: follow the new id everywhere. */
    private void rename(String oldId, String newId, Outbox.Pending head) {
        if (oldId.equals(newId)) return;
        tracker.rename(oldId, newId);
        document.renamed(oldId, newId);
        outbox.rewrite(head, op -> op == head.op ? op : op.renamed(oldId, newId));
    }

    /** The server's revision differs from the predicted one by {@code delta}: later ops and the base follow. */
    private void shift(String id, long delta, Outbox.Pending head) {
        tracker.shift(id, delta);
        outbox.rewrite(head, op -> switch (op) {
            case SyncOp.Batch batch when op != head.op && batch.targets().contains(id) -> batch.mapChanges(c ->
                    c.target().equals(id) && c.revision() != null ? c.withRevision(c.revision() + delta) : c);
            case SyncOp.Restore r when op != head.op && r.id().equals(id) ->
                    new SyncOp.Restore(id, r.toRevision() + delta, r.expectedRevision() + delta);
            default -> op;
        });
    }

    // --- the server's versions, asked for -------------------------------------------------------

    /** The document becomes the server's state, in one step; refused while anything is unsent. */
    void reload(IntConsumer arriving) {
        synchronized (lock) {
            if (!outbox.isEmpty() || tracker.hasMarks() || labels.marked()) {
                throw new IllegalStateException("unsent edits: flush them before reloading");
            }
        }
        List<Annotation> annotations = client.annotations(document.imageId(), arriving);
        List<ModelSuggestion> suggestions = client.suggestions(document.imageId(), true);
        ImageLabelsAt imageLabels = client.imageLabels(document.imageId());
        synchronized (document) {
            synchronized (lock) {
                document.load(annotations, suggestions, labels.reset(imageLabels));
                tracker.reset(annotations, suggestions);
                desk.showMine(); // conflicts left from the journal of an earlier session: mine, for the expert to choose
            }
        }
    }

    /** Someone else's saved change of {@code annotationId}; false if it was not taken (mine is unsent, or nothing newer). */
    boolean refresh(String annotationId) {
        String id = document.resolve(annotationId);
        synchronized (lock) {
            if (busyWith(id)) return false;
        }
        Annotation theirs;
        try {
            theirs = client.annotation(id);
        } catch (Problems.NotFoundException gone) {
            theirs = null;
        }
        synchronized (document) {
            synchronized (lock) {
                if (busyWith(id)) return false;
                Annotation known = tracker.base(id);
                if (theirs != null && known != null && theirs.revision() <= known.revision()) return false; // nothing newer
                if (theirs == null) {
                    tracker.forget(id);
                    document.remove(List.of(id), Origin.SERVER);
                } else {
                    tracker.adopt(theirs);
                    if (document.contains(id)) document.replace(List.of(theirs), Origin.SERVER);
                    else document.add(List.of(theirs), Origin.SERVER);
                }
                return true;
            }
        }
    }

    /** The answers to my workflow calls (see {@link Autosave#adopt}). */
    void adopt(Collection<Annotation> answers) {
        synchronized (document) {
            synchronized (lock) {
                var replaced = new ArrayList<Annotation>();
                for (Annotation theirs : answers) {
                    String id = document.resolve(theirs.id());
                    Annotation known = tracker.base(id);
                    if (known != null && theirs.revision() <= known.revision()) continue;
                    if (desk.isOpen(id) || outbox.touches(id)) continue;
                    Annotation local = document.annotation(id);
                    tracker.adopt(theirs);
                    if (local == null) continue; // deleted here meanwhile: the marked delete goes out on this revision
                    replaced.add(tracker.isMarked(id) ? local.withId(id).withRevision(theirs.revision()).withStatus(theirs.status())
                            .withTimes(theirs.createdAt(), theirs.updatedAt()) : theirs);
                }
                if (!replaced.isEmpty()) document.replace(replaced, Origin.SERVER);
            }
        }
    }

    private boolean busyWith(String id) {
        return tracker.isMarked(id) || desk.isOpen(id) || outbox.touches(id);
    }

    // --- lost answers ---------------------------------------------------------------------------

    /** Whether the server already has exactly what {@code op} would have made (its answer was lost). */
    private Optional<Object> alreadyApplied(SyncOp op, ApiException e) {
        try {
            return switch (op) {
                case SyncOp.Batch b -> batchApplied(b);
                case SyncOp.Accept a -> {
                    if (e instanceof Problems.AlreadyDecidedException d && d.current() != null && d.current().annotationId() != null) {
                        Annotation made = client.annotation(d.current().annotationId());
                        if (made.provenance() != null && Objects.equals(made.provenance().author(), client.username())) {
                            yield Optional.of(new AcceptedSuggestion(d.decided(), made));
                        }
                    }
                    yield Optional.empty();
                }
                case SyncOp.Reject r -> e instanceof Problems.AlreadyDecidedException d && d.current() != null
                        && d.current().state() == SuggestionState.REJECTED ? Optional.of(d.current()) : Optional.empty();
                case SyncOp.SetLabels l -> ImageLabelsSync.alreadyApplied(l, e);
                case SyncOp.Restore r -> restoreApplied(r, e);
            };
        } catch (ApiException lookupFailed) {
            return Optional.empty();
        }
    }

    /** Every change of the batch is on the server as sent: its answer, as the server would have given it. */
    private Optional<Object> batchApplied(SyncOp.Batch b) {
        Map<String, Annotation> current = new HashMap<>();
        client.annotations(document.imageId()).forEach(a -> current.put(a.id(), a));
        var saved = new ArrayList<Annotation>();
        for (BatchOperation c : b.changes()) {
            Annotation now = current.get(c.target());
            if ("delete".equals(c.op())) {
                if (now != null) return Optional.empty();
                saved.add(null);
            } else {
                if (now == null || !Contents.same(now, ChangeTracker.content(c, document.imageId()))) return Optional.empty();
                saved.add(now);
            }
        }
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i) == null) {
                List<HistoryEntry> h = client.history(b.changes().get(i).target());
                saved.set(i, h.getLast().annotation());
            }
        }
        return Optional.of(saved);
    }

    private Optional<Object> restoreApplied(SyncOp.Restore r, ApiException e) {
        if (e instanceof Problems.StaleRevisionException s && s.current() != null && s.current().revision() == r.expectedRevision() + 1) {
            HistoryEntry last = client.history(r.id()).getLast();
            if ("reverted".equals(last.kind()) && Objects.equals(last.revertedTo(), r.toRevision())) return Optional.of(s.current());
        }
        return Optional.empty();
    }
}
