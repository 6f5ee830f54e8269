package org.karyolab.client.sync;

import org.karyolab.schema.api.AnnotationDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.karyolab.client.document.Contents;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;

/**
 * What the user changed, as the smallest ops: {@link #diff} compares each annotation an edit touched with its
 * <em>base</em> (the server's version once every queued op has landed) and makes the create, update or delete that
 * takes the base to the document, with the revision it is based on; it moves the base on to what the server will
 * then have, so the next diff is based on it. Five drags of one shape are one update; an edit undone before the diff
 * is no op. Also: an undone delete the server already has comes back through a restore, an accepted suggestion goes
 * through the accept route, a rejected one through the reject route.
 *
 * <p>Pure bookkeeping: no threads, no I/O, not thread-safe (autosave calls it under its lock).
 */
final class ChangeTracker {

    /** Changes per batch request. */
    static final int BATCH = 1000;

    /** Per annotation id: the server's version once every queued op has landed (content as sent). */
    private final Map<String, Annotation> base = new HashMap<>();
    /** Deleted on the server (or about to be): the tombstone, to restore on an undo. */
    private final Map<String, Annotation> tombstones = new HashMap<>();
    private final Map<String, SuggestionState> suggestionBase = new HashMap<>();
    private final LinkedHashSet<String> marked = new LinkedHashSet<>();
    private final LinkedHashSet<String> markedSuggestions = new LinkedHashSet<>();

    /** The server's state (a load): the new base; marks and tombstones go. */
    void reset(List<Annotation> annotations, List<ModelSuggestion> suggestions) {
        base.clear();
        tombstones.clear();
        suggestionBase.clear();
        annotations.forEach(a -> base.put(a.id(), a));
        suggestions.forEach(s -> suggestionBase.put(s.id(), s.state()));
    }

    // --- marks ----------------------------------------------------------------------------------

    /** Marks what an edit touched; false if the event is about nothing this tracker sends. */
    boolean mark(DocumentEvent e) {
        switch (e) {
            case DocumentEvent.AnnotationsAdded a -> a.annotations().forEach(x -> marked.add(x.id()));
            case DocumentEvent.AnnotationsChanged c -> c.after().forEach(x -> marked.add(x.id()));
            case DocumentEvent.AnnotationsRemoved r -> r.annotations().forEach(x -> marked.add(x.id()));
            case DocumentEvent.SuggestionsChanged s -> s.suggestions().forEach(x -> markedSuggestions.add(x.id()));
            default -> {
                return false;
            }
        }
        return true;
    }

    void mark(String id) {
        marked.add(id);
    }

    void unmark(String id) {
        marked.remove(id);
    }

    boolean isMarked(String id) {
        return marked.contains(id);
    }

    /** Marked annotations and suggestions: changes not yet turned into ops. */
    int markedCount() {
        return marked.size() + markedSuggestions.size();
    }

    boolean hasMarks() {
        return !marked.isEmpty() || !markedSuggestions.isEmpty();
    }

    // --- the diff -------------------------------------------------------------------------------

    /**
     * The ops that take the base to what {@code document} shows for every marked annotation and suggestion, in the
     * order they must be sent: restores, accepts, batches (at most {@link #BATCH} changes each), rejects. The base
     * moves on to what the server will have once they landed; the marks are cleared. An annotation {@code held}
     * (an open conflict) is left out: settling the conflict marks it again.
     */
    List<SyncOp> diff(ImageDocument document, Predicate<String> held) {
        var restores = new ArrayList<SyncOp>();
        var accepts = new ArrayList<SyncOp>();
        var changes = new ArrayList<BatchOperation>();
        var extraUpdates = new ArrayList<BatchOperation>();
        for (String raw : marked) {
            String id = document.resolve(raw);
            if (held.test(id)) continue;
            Annotation local = document.annotation(id);
            Annotation known = base.get(id);
            if (local != null && known == null) {
                Annotation tomb = tombstones.remove(id);
                String suggestionId = document.acceptedFrom(id);
                if (tomb != null) {
                    // An undone delete that the server already has: bring the old revision back first.
                    restores.add(new SyncOp.Restore(id, tomb.revision() - 1, tomb.revision()));
                    Annotation restored = tomb.withRevision(tomb.revision() + 1);
                    base.put(id, restored);
                    if (!Contents.same(local, restored)) {
                        changes.add(BatchOperation.update(local, restored.revision()));
                        base.put(id, local.withRevision(restored.revision() + 1));
                    }
                } else if (suggestionId != null && document.suggestion(suggestionId) != null) {
                    accepts.add(accept(local, document.suggestion(suggestionId), extraUpdates));
                } else {
                    changes.add(BatchOperation.create(local));
                    base.put(id, local.withRevision(1));
                }
            } else if (local != null) {
                if (!Contents.same(local, known)) {
                    changes.add(BatchOperation.update(local, known.revision()));
                    base.put(id, local.withRevision(known.revision() + 1));
                }
            } else if (known != null) {
                changes.add(BatchOperation.delete(id, known.revision()));
                base.remove(id);
                tombstones.put(id, known.withRevision(known.revision() + 1));
            }
        }
        marked.clear();
        changes.addAll(0, extraUpdates);
        var ops = new ArrayList<SyncOp>(restores);
        ops.addAll(accepts);
        for (int from = 0; from < changes.size(); from += BATCH) {
            ops.add(new SyncOp.Batch(changes.subList(from, Math.min(changes.size(), from + BATCH))));
        }
        ops.addAll(rejections(document));
        return ops;
    }

    /** Accepting suggestion {@code s} as {@code local}; an edit the accept route cannot carry goes to {@code extraUpdates}. */
    private SyncOp accept(Annotation local, ModelSuggestion s, List<BatchOperation> extraUpdates) {
        String id = local.id();
        boolean shapeChanged = !local.shape().equals(s.shape());
        boolean labelsChanged = !local.labels().equals(s.labels());
        long revision = shapeChanged || labelsChanged ? 2 : 1;
        Provenance p = Provenance.suggestion(local.provenance().author(), s.modelId(), s.modelVersion(), revision == 2);
        Annotation accepted = local.withProvenance(p).withRevision(revision).withStatus(AnnotationStatus.DRAFT)
                .withTimes(null, null);
        base.put(id, accepted);
        if (!Contents.same(local, accepted)) {
            // e.g. the status was changed too: the accept route takes shape and labels only
            extraUpdates.add(BatchOperation.update(local, revision));
            base.put(id, local.withRevision(revision + 1));
        }
        suggestionBase.put(s.id(), revision == 2 ? SuggestionState.EDITED : SuggestionState.ACCEPTED);
        return new SyncOp.Accept(s.id(), id, shapeChanged ? local.shape() : null, labelsChanged ? local.labels() : null, revision);
    }

    private List<SyncOp> rejections(ImageDocument document) {
        var rejects = new ArrayList<SyncOp>();
        for (String sid : markedSuggestions) {
            ModelSuggestion s = document.suggestion(sid);
            if (s != null && s.state() == SuggestionState.REJECTED && suggestionBase.get(sid) == SuggestionState.OPEN) {
                rejects.add(new SyncOp.Reject(sid));
                suggestionBase.put(sid, SuggestionState.REJECTED);
            }
            // Un-rejecting after the server has the rejection is not possible: it stays rejected there.
        }
        markedSuggestions.clear();
        return rejects;
    }

    /** What a create or update makes of annotation {@code c.target()} on image {@code imageId} (bookkeeping left out). */
    static Annotation content(BatchOperation c, String imageId) {
        AnnotationDraft d = c.annotation();
        return new Annotation(c.target(), imageId, d.shape(), d.labels(), d.provenance(), 0,
                d.status() == null ? AnnotationStatus.DRAFT : d.status(), null, null);
    }

    // --- the base, as the server's answers correct it -------------------------------------------

    /** The server's version of {@code id} once every queued op has landed; null if it will not have it. */
    Annotation base(String id) {
        return base.get(id);
    }

    /** The server has {@code theirs}: the base, and no tombstone to restore. */
    void adopt(Annotation theirs) {
        base.put(theirs.id(), theirs);
        tombstones.remove(theirs.id());
    }

    /** The base of {@code theirs.id()}, leaving its tombstone as it is. */
    void rebase(Annotation theirs) {
        base.put(theirs.id(), theirs);
    }

    /** The server does not have {@code id} (or will not). */
    void forget(String id) {
        base.remove(id);
    }

    void dropTombstone(String id) {
        tombstones.remove(id);
    }

    /** The server deleted {@code id}: {@code tombstone} is what an undo restores. */
    void tombstone(String id, Annotation tombstone) {
        tombstones.put(id, tombstone);
    }

    void suggestion(String suggestionId, SuggestionState state) {
        suggestionBase.put(suggestionId, state);
    }

    /** The server's revision of {@code id} differs from the predicted one by {@code delta}. */
    void shift(String id, long delta) {
        Annotation b = base.get(id);
        if (b != null) base.put(id, b.withRevision(b.revision() + delta));
        Annotation t = tombstones.get(id);
        if (t != null) tombstones.put(id, t.withRevision(t.revision() + delta));
    }

    /** The server named an accepted suggestion's annotation {@code newId}. */
    void rename(String oldId, String newId) {
        move(base, oldId, newId);
        move(tombstones, oldId, newId);
        if (marked.remove(oldId)) marked.add(newId);
    }

    private static <T> void move(Map<String, T> map, String from, String to) {
        T v = map.remove(from);
        if (v != null) map.put(to, v);
    }
}
