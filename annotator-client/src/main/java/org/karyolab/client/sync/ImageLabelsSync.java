package org.karyolab.client.sync;

import java.util.Objects;
import java.util.Optional;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Origin;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.ImageLabelsAt;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.Problems;
import org.karyolab.schema.ImageLabels;

/**
 * The image's labels (karyotype, quality flags) the autosave way: an edit marks them, a flush queues one PUT of the
 * whole labels on top of the revision they were based on (If-Match), a stale revision becomes a {@link LabelsConflict}
 * the expert settles ({@link #resolve}), a refusal brings the server's labels back.
 *
 * <p>State guarded by the autosave's lock (after the document's); methods that talk to the server run on the worker.
 */
final class ImageLabelsSync {

    private final KaryoLabClient client;
    private final ImageDocument document;
    private final Outbox outbox;
    private final Object lock;
    private final SyncEvents events;

    // Guarded by lock.
    /** The labels as the server will have them once every queued op has landed. */
    private ImageLabelsAt base = ImageLabelsAt.NONE;
    /** The labels as the server last said it has them (the ancestor of a conflict). */
    private ImageLabelsAt server = ImageLabelsAt.NONE;
    private boolean marked;
    private LabelsConflict conflict;

    ImageLabelsSync(KaryoLabClient client, ImageDocument document, Outbox outbox, Object lock, SyncEvents events) {
        this.client = client;
        this.document = document;
        this.outbox = outbox;
        this.lock = lock;
        this.events = events;
    }

    // --- callers hold the lock ------------------------------------------------------------------

    void mark() {
        marked = true;
    }

    boolean marked() {
        return marked;
    }

    /** The open conflict, or null. */
    LabelsConflict conflict() {
        return conflict;
    }

    /**
     * The server's labels (a load) become the base; returns what the document shows: those, or mine while a conflict
     * is open (one left from the journal of an earlier session), so the expert can choose.
     */
    ImageLabels reset(ImageLabelsAt labels) {
        base = labels;
        server = labels;
        return conflict != null ? conflict.mine() : labels.labels();
    }

    /** The PUT that takes the base to the document's labels, if they were edited and differ; clears the mark. */
    Optional<SyncOp> diff() {
        SyncOp op = null;
        if (marked && conflict == null) { // with a conflict open, resolve decides what is sent
            ImageLabels local = document.imageLabels();
            if (!local.equals(base.labels())) {
                op = new SyncOp.SetLabels(local, base.revision());
                base = new ImageLabelsAt(local, base.revision() + 1, client.username(), null);
            }
        }
        marked = false;
        return Optional.ofNullable(op);
    }

    /** The server saved labels as {@code saved}. */
    void saved(ImageLabelsAt saved) {
        server = saved;
        if (base.revision() == saved.revision()) base = saved; // no later labels queued
    }

    // --- on the worker --------------------------------------------------------------------------

    /** A PUT met something else than success: a conflict (412) or a refusal. */
    void failed(Outbox.Pending head, ApiException e) {
        if (e instanceof Problems.StaleLabelsException s) conflict(head, s.current());
        else refuse(head, e);
    }

    /** Whether the server already has exactly what {@code put} would have made (its answer was lost). */
    static Optional<Object> alreadyApplied(SyncOp.SetLabels put, ApiException e) {
        return e instanceof Problems.StaleLabelsException s && s.current().revision() == put.expectedRevision() + 1
                && s.current().labels().equals(put.labels()) ? Optional.of(s.current()) : Optional.empty();
    }

    /**
     * A labels save met newer labels on the server: a {@link LabelsConflict}. Every queued labels op goes (mine is
     * the document's, or the last one queued before the document was loaded); {@link #resolve} sends the choice.
     */
    private void conflict(Outbox.Pending head, ImageLabelsAt theirs) {
        LabelsConflict c;
        synchronized (document) {
            synchronized (lock) {
                ImageLabels mine = document.imageLabels();
                if (!marked) { // not edited since the last flush: the last labels queued are mine (also before a load)
                    for (SyncOp op : outbox.ops()) if (op instanceof SyncOp.SetLabels l) mine = l.labels();
                }
                long edited = ((SyncOp.SetLabels) head.op).expectedRevision();
                ImageLabels ancestor = server.revision() == edited ? server.labels() : null;
                c = new LabelsConflict(mine, theirs.labels(), theirs.revision(), theirs.changedBy(), ancestor);
                base = theirs;
                server = theirs;
                conflict = c;
                marked = false;
                outbox.rewrite(head, op -> op instanceof SyncOp.SetLabels ? null : op);
            }
        }
        events.labelsConflict(c);
        events.statusChanged();
    }

    /**
     * A labels save refused for good (e.g. a karyotype that is not ISCN): queued labels ops go, the server's labels
     * become the base, and the document's again unless they were edited since (that edit goes out by itself).
     */
    private void refuse(Outbox.Pending head, ApiException e) {
        ImageLabelsAt truth = null;
        try {
            truth = client.imageLabels(document.imageId());
        } catch (ApiException ignored) {
            // keep the predicted base; the next edit will tell
        }
        synchronized (document) {
            synchronized (lock) {
                if (truth != null) {
                    base = truth;
                    server = truth;
                    if (!marked) document.setImageLabels(truth.labels(), Origin.SERVER);
                }
                outbox.rewrite(head, op -> op instanceof SyncOp.SetLabels ? null : op);
                outbox.lastError(e.getMessage());
            }
        }
        outbox.refused(head.op, e);
        events.statusChanged();
    }

    /**
     * Settles the open conflict: {@code result} becomes the document's labels, marked to be sent on top of their
     * revision (nothing is sent if it is theirs). Any thread.
     */
    void resolve(ImageLabels result) {
        Objects.requireNonNull(result, "result");
        synchronized (document) {
            synchronized (lock) {
                if (conflict == null) throw new IllegalStateException("no open conflict on the image labels");
                conflict = null;
                document.setImageLabels(result, Origin.SERVER);
                marked = true;
            }
        }
    }

    /** Takes someone else's saved labels into the document; false (nothing changed) while mine are unsent or in conflict. */
    boolean refresh() {
        ImageLabelsAt theirs = client.imageLabels(document.imageId());
        synchronized (document) {
            synchronized (lock) {
                if (marked || conflict != null || outbox.ops().stream().anyMatch(op -> op instanceof SyncOp.SetLabels)) return false;
                if (theirs.revision() <= base.revision()) return false; // nothing newer
                base = theirs;
                server = theirs;
                document.setImageLabels(theirs.labels(), Origin.SERVER);
                return true;
            }
        }
    }
}
