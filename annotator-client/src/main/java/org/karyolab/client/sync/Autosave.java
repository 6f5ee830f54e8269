package org.karyolab.client.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.karyolab.client.document.Contents;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.Origin;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.api.AcceptedSuggestion;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.AnnotationDraft;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.HistoryEntry;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.schema.api.ImageLabelsAt;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.Problems;
import org.karyolab.client.net.ServerUnreachableException;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Provenance;

/**
 * Saves the user's edits of one document without them pressing Save, and never loses one.
 *
 * <ul>
 *   <li><b>What is sent.</b> It listens to the document: every annotation an {@link Origin#EDIT}
 *       event touched is marked. A flush (1 s after the last edit, or {@link #flushNow()}) compares
 *       each marked annotation with the server version it is based on and makes the smallest
 *       change: create (client-made UUID), update or delete with the revision it was based on (the
 *       batch's If-Match), so five drags of one shape are one update, and an edit undone before the
 *       flush sends nothing. Accepted suggestions go through the accept route (so the model's
 *       statistics count them), rejections through the reject route, an undone delete that was
 *       already saved through revert.</li>
 *   <li><b>Journal first.</b> Each op is written to the image's {@link Journal} (fsync) before it
 *       is sent, and acknowledged there once the server answered, so a crash or an unreachable
 *       server loses nothing. While the server is away, ops pile up in order, each carrying the
 *       revisions the server will have once the earlier ones landed; they are sent in order when
 *       it answers again (retried with back-off). A client restarted with a non-empty journal sends
 *       it before loading the image ({@link #open}).</li>
 *   <li><b>Lost answers.</b> A request whose answer was lost may have been applied. When it is sent
 *       again and the server says conflict, autosave checks whether the server already has exactly
 *       that content; if so it was applied (the client-made ids also keep a retried create from
 *       making a second annotation).</li>
 *   <li><b>Conflicts.</b> A stale revision (412) becomes a {@link Conflict} (mine, theirs, common
 *       ancestor) for the UI; the rest of the batch is sent without it; {@link #resolve} settles it.</li>
 *   <li><b>Image labels.</b> The image's karyotype and quality flags go the same way: an edit marks them,
 *       a flush journals one PUT of the whole labels with the revision they were based on (If-Match), a
 *       stale revision becomes a {@link LabelsConflict} settled with {@link #resolveLabels}.</li>
 *   <li><b>Refusals.</b> Content the server refuses (403, 409, 422 and the like) is rolled back in the
 *       document to what the server holds, reported to {@link Listener#refused} with the server's detail and
 *       violations and in {@link Status#refusal}, and not retried.</li>
 * </ul>
 * Network and journal work runs on one worker thread; listeners are called from it.
 */
public final class Autosave implements AutoCloseable {

    public record Settings(Duration debounce, Duration retryMin, Duration retryMax) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /**
     * What the status bar shows. {@code unsentChanges}: annotation and suggestion changes not yet
     * confirmed by the server (marked edits plus queued ops' changes); {@code queuedOps}: requests
     * in the journal; {@code online}: the last request got an answer; {@code refusal}: why the server refused the
     * last refused edit (it was rolled back in the document), until an edit is accepted again, else null.
     */
    public record Status(int unsentChanges, int queuedOps, boolean online, int conflicts, String lastError, String refusal) {
        public Status(int unsentChanges, int queuedOps, boolean online, int conflicts, String lastError) {
            this(unsentChanges, queuedOps, online, conflicts, lastError, null);
        }
    }

    public interface Listener {
        default void statusChanged(Status status) {
        }

        /** Someone else changed what I edited: ask the expert (then call {@link #resolve}). */
        default void conflict(Conflict conflict) {
        }

        /** Someone else saved the image's labels since mine were based on them: ask the expert (then call {@link #resolveLabels}). */
        default void labelsConflict(LabelsConflict conflict) {
        }

        /** The server refused an op for good (e.g. 422 with violations); it is not retried. */
        default void refused(SyncOp op, ApiException reason) {
        }
    }

    private static final class Pending {
        final long seq;
        final SyncOp op;
        /** Sent before without an answer: the server may already have it. */
        boolean attempted;

        Pending(long seq, SyncOp op, boolean attempted) {
            this.seq = seq;
            this.op = op;
            this.attempted = attempted;
        }
    }

    private final KaryoLabClient client;
    private final ImageDocument document;
    private final Journal journal;
    private final Settings settings;
    private final ScheduledExecutorService worker;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this. Lock order: the document first, then this.
    /** Per annotation id: the server's version once every queued op has landed (content as sent). */
    private final Map<String, Annotation> base = new HashMap<>();
    /** Deleted on the server (or about to be): the tombstone, to restore on an undo. */
    private final Map<String, Annotation> tombstones = new HashMap<>();
    private final Map<String, SuggestionState> suggestionBase = new HashMap<>();
    private final LinkedHashSet<String> dirty = new LinkedHashSet<>();
    private final LinkedHashSet<String> dirtySuggestions = new LinkedHashSet<>();
    private final ArrayDeque<Pending> outbox = new ArrayDeque<>();
    private final LinkedHashMap<String, Conflict> conflicts = new LinkedHashMap<>();
    /** The image's labels as the server will have them once every queued op has landed. */
    private ImageLabelsAt labelsBase = ImageLabelsAt.NONE;
    /** The labels as the server last said it has them (the ancestor of a conflict). */
    private ImageLabelsAt labelsServer = ImageLabelsAt.NONE;
    private boolean labelsDirty;
    private LabelsConflict labelsConflict;
    private boolean online = true;
    private String lastError;
    /** Why the server refused the last refused op, until one is accepted again (see {@link Status#refusal}). */
    private String refusal;
    private ScheduledFuture<?> flushTask;
    private ScheduledFuture<?> retryTask;
    private Duration backoff;
    private volatile boolean closed;

    private Autosave(KaryoLabClient client, ImageDocument document, Journal journal, Settings settings) {
        this.client = client;
        this.document = document;
        this.journal = journal;
        this.settings = settings;
        this.backoff = settings.retryMin();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "karyolab-autosave-" + document.imageId());
            t.setDaemon(true);
            return t;
        });
        document.addListener(this::onDocumentEvent);
    }

    /**
     * Opens an image for editing: sends what the journal still holds from an earlier session (in
     * order), then loads the image, its annotations and its suggestions into a new document.
     *
     * @param dataDir the client's data directory (the journal lives under it)
     * @throws ServerUnreachableException if the server does not answer (the journal stays as it is)
     */
    public static Autosave open(KaryoLabClient client, String imageId, Path dataDir, Settings settings) {
        Autosave autosave = prepare(client, client.image(imageId), dataDir, settings);
        try {
            autosave.load();
        } catch (RuntimeException e) {
            autosave.closeQuietly();
            throw e;
        }
        return autosave;
    }

    /**
     * {@link #open} in two steps, so a view can be shown before the annotations are here: an
     * autosave on an <em>empty</em> document of the image (no request is made), then {@link #load}.
     * Until {@code load} has returned, the document must not be edited.
     */
    public static Autosave prepare(KaryoLabClient client, ImageInfo info, Path dataDir, Settings settings) {
        Journal journal = new Journal(Journal.fileFor(dataDir, client.baseUrl(), info.id()));
        return new Autosave(client, new ImageDocument(info.asset(), client.username()), journal, settings);
    }

    /**
     * The rest of {@link #open}: sends what the journal still holds (in order), then loads the
     * annotations and suggestions into the document in one step (nothing is loaded if it throws).
     * May be called again after it threw (a retry); the autosave then stays usable.
     */
    public void load() {
        load(n -> { });
    }

    /** {@link #load()}, telling {@code arriving} how many annotations are coming once the server's answer is here (autosave's thread). */
    public void load(IntConsumer arriving) {
        call(() -> {
            synchronized (this) {
                var queued = new HashSet<Long>();
                outbox.forEach(p -> queued.add(p.seq));
                journal.pending().forEach(e -> {
                    if (!queued.contains(e.seq())) outbox.add(new Pending(e.seq(), e.op(), true));
                });
            }
            drain();
        });
        if (!online) throw new ServerUnreachableException("the server stopped answering while the journal was sent", null);
        reload(arriving);
    }

    public ImageDocument document() {
        return document;
    }

    public KaryoLabClient client() {
        return client;
    }

    public Path journalFile() {
        return journal.file();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /**
     * Replaces the document with the server's state (e.g. after a {@code resync} event). Only when
     * nothing is waiting to be sent, so no edit is thrown away.
     */
    public void reload() {
        reload(n -> { });
    }

    private void reload(IntConsumer arriving) {
        call(() -> {
            synchronized (this) {
                if (!outbox.isEmpty() || !dirty.isEmpty() || !dirtySuggestions.isEmpty() || labelsDirty) {
                    throw new IllegalStateException("unsent edits: flush them before reloading");
                }
            }
            List<Annotation> annotations = client.annotations(document.imageId(), arriving);
            List<ModelSuggestion> suggestions = client.suggestions(document.imageId(), true);
            ImageLabelsAt labels = client.imageLabels(document.imageId());
            synchronized (document) {
                synchronized (this) {
                    // A labels conflict left from the journal of an earlier session: show mine so the expert can choose.
                    document.load(annotations, suggestions, labelsConflict != null ? labelsConflict.mine() : labels.labels());
                    labelsBase = labels;
                    labelsServer = labels;
                    base.clear();
                    tombstones.clear();
                    suggestionBase.clear();
                    annotations.forEach(a -> base.put(a.id(), a));
                    suggestions.forEach(s -> suggestionBase.put(s.id(), s.state()));
                    // Conflicts left from the journal of an earlier session: show my version so the expert can choose.
                    for (Conflict c : conflicts.values()) {
                        if (c.mine() == null) {
                            document.remove(List.of(c.id()), Origin.SERVER);
                        } else if (document.contains(c.id())) {
                            document.replace(List.of(Contents.withRevision(c.mine(), Math.max(0, c.theirRevision()))), Origin.SERVER);
                        } else {
                            document.add(List.of(Contents.withRevision(c.mine(), 0)), Origin.SERVER);
                        }
                    }
                }
            }
        });
        fireStatus();
    }

    /**
     * Takes someone else's saved change of one annotation into the document (call it for an
     * {@code annotation-saved} event of this image from {@link KaryoLabClient#events}). Returns false
     * and changes nothing while I have an unsent edit or a conflict on it: my edit then meets theirs
     * as a conflict, as it should.
     */
    public boolean refresh(String annotationId) {
        var adopted = new boolean[1];
        call(() -> {
            String id = document.resolve(annotationId);
            synchronized (this) {
                if (busyWith(id)) return;
            }
            Annotation theirs;
            try {
                theirs = client.annotation(id);
            } catch (Problems.NotFoundException gone) {
                theirs = null;
            }
            synchronized (document) {
                synchronized (this) {
                    if (busyWith(id)) return;
                    Annotation known = base.get(id);
                    if (theirs != null && known != null && theirs.revision() <= known.revision()) return; // nothing newer
                    if (theirs == null) {
                        base.remove(id);
                        document.remove(List.of(id), Origin.SERVER);
                    } else {
                        base.put(id, theirs);
                        tombstones.remove(id);
                        if (document.contains(id)) document.replace(List.of(theirs), Origin.SERVER);
                        else document.add(List.of(theirs), Origin.SERVER);
                    }
                    adopted[0] = true;
                }
            }
        });
        return adopted[0];
    }

    /**
     * Takes the server's answer to one of my own workflow calls (submit, review, accept, reject) into the base and
     * the document: its status and revision are the server's now, so the review panel shows what happened and my
     * next edit is based on that revision (not on the one before, which would be a false conflict). An annotation I
     * have an unsent edit of keeps my content and takes the status and revision; one with queued ops or a conflict
     * is left to meet the server as it is. Revision-ordered: an answer older than what is known changes nothing.
     */
    public void adopt(java.util.Collection<Annotation> answers) {
        if (answers.isEmpty()) return;
        call(() -> {
            synchronized (document) {
                synchronized (this) {
                    var replaced = new ArrayList<Annotation>();
                    for (Annotation theirs : answers) {
                        String id = document.resolve(theirs.id());
                        Annotation known = base.get(id);
                        if (known != null && theirs.revision() <= known.revision()) continue;
                        if (conflicts.containsKey(id) || outbox.stream().anyMatch(p -> p.op.targets().contains(id))) continue;
                        Annotation local = document.annotation(id);
                        base.put(id, theirs);
                        tombstones.remove(id);
                        if (local == null) continue; // deleted here meanwhile: the dirty delete goes out on this revision
                        replaced.add(dirty.contains(id) ? new Annotation(id, local.imageId(), local.shape(), local.labels(),
                                local.provenance(), theirs.revision(), theirs.status(), theirs.createdAt(), theirs.updatedAt()) : theirs);
                    }
                    if (!replaced.isEmpty()) document.replace(replaced, Origin.SERVER);
                }
            }
        });
    }

    private boolean busyWith(String id) {
        return dirty.contains(id) || conflicts.containsKey(id) || outbox.stream().anyMatch(p -> p.op.targets().contains(id));
    }

    // --- status ---------------------------------------------------------------------------------

    public synchronized Status status() {
        int queuedChanges = outbox.stream().mapToInt(p -> p.op.size()).sum();
        return new Status(dirty.size() + dirtySuggestions.size() + queuedChanges + (labelsDirty ? 1 : 0), outbox.size(), online,
                conflicts.size() + (labelsConflict != null ? 1 : 0), lastError, refusal);
    }

    /** For "closing with unsent edits asks first": anything not yet on the server, or a conflict not yet settled. */
    public synchronized boolean hasUnsentEdits() {
        return !dirty.isEmpty() || !dirtySuggestions.isEmpty() || !outbox.isEmpty() || !conflicts.isEmpty()
                || labelsDirty || labelsConflict != null;
    }

    /** The open conflict on the image's labels, if any. */
    public synchronized Optional<LabelsConflict> labelsConflict() {
        return Optional.ofNullable(labelsConflict);
    }

    public synchronized List<Conflict> conflicts() {
        return List.copyOf(conflicts.values());
    }

    public synchronized int journalPending() {
        return journal.pendingCount();
    }

    // --- flushing -------------------------------------------------------------------------------

    /** Sends everything now and waits (at most 60 s) until it is on the server, or the server stopped answering. */
    public Status flushNow() {
        call(this::flushOnWorker);
        return status();
    }

    private void onDocumentEvent(DocumentEvent e) {
        if (e.origin() != Origin.EDIT) return;
        synchronized (this) {
            switch (e) {
                case DocumentEvent.AnnotationsAdded a -> a.annotations().forEach(x -> dirty.add(x.id()));
                case DocumentEvent.AnnotationsChanged c -> c.after().forEach(x -> dirty.add(x.id()));
                case DocumentEvent.AnnotationsRemoved r -> r.annotations().forEach(x -> dirty.add(x.id()));
                case DocumentEvent.SuggestionsChanged s -> s.suggestions().forEach(x -> dirtySuggestions.add(x.id()));
                case DocumentEvent.ImageLabelsChanged l -> labelsDirty = true;
                default -> {
                    return;
                }
            }
            if (!closed && (flushTask == null || flushTask.isDone())) {
                flushTask = worker.schedule(this::flushQuietly, settings.debounce().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        fireStatus();
    }

    private void flushQuietly() {
        try {
            flushOnWorker();
        } catch (RuntimeException e) {
            synchronized (this) {
                lastError = e.toString();
            }
            fireStatus();
        }
    }

    /** On the worker: turn marked edits into journaled ops, then send. */
    private void flushOnWorker() {
        synchronized (document) {
            synchronized (this) {
                queueChanges();
            }
        }
        fireStatus();
        drain();
    }

    private void queueChanges() {
        var restores = new ArrayList<SyncOp>();
        var accepts = new ArrayList<SyncOp>();
        var changes = new ArrayList<BatchOperation>();
        var rejects = new ArrayList<SyncOp>();
        var extraUpdates = new ArrayList<BatchOperation>();
        for (String raw : dirty) {
            String id = document.resolve(raw);
            if (conflicts.containsKey(id)) continue; // settled by resolve()
            Annotation local = document.annotation(id);
            Annotation known = base.get(id);
            if (local != null && known == null) {
                Annotation tomb = tombstones.remove(id);
                String suggestionId = document.acceptedFrom(id);
                if (tomb != null) {
                    // An undone delete that the server already has: bring the old revision back first.
                    restores.add(new SyncOp.Restore(id, tomb.revision() - 1, tomb.revision()));
                    Annotation restored = Contents.withRevision(tomb, tomb.revision() + 1);
                    base.put(id, restored);
                    if (!Contents.same(local, restored)) {
                        changes.add(BatchOperation.update(local, restored.revision()));
                        base.put(id, Contents.withRevision(local, restored.revision() + 1));
                    }
                } else if (suggestionId != null && document.suggestion(suggestionId) != null) {
                    ModelSuggestion s = document.suggestion(suggestionId);
                    boolean shapeChanged = !local.shape().equals(s.shape());
                    boolean labelsChanged = !local.labels().equals(s.labels());
                    long revision = shapeChanged || labelsChanged ? 2 : 1;
                    accepts.add(new SyncOp.Accept(suggestionId, id, shapeChanged ? local.shape() : null,
                            labelsChanged ? local.labels() : null, revision));
                    Provenance p = Provenance.suggestion(local.provenance().author(), s.modelId(), s.modelVersion(), revision == 2);
                    Annotation accepted = new Annotation(id, local.imageId(), local.shape(), local.labels(), p, revision,
                            AnnotationStatus.DRAFT, null, null);
                    base.put(id, accepted);
                    if (!Contents.same(local, accepted)) {
                        // e.g. the status was changed too: the accept route takes shape and labels only
                        extraUpdates.add(BatchOperation.update(local, revision));
                        base.put(id, Contents.withRevision(local, revision + 1));
                    }
                    suggestionBase.put(suggestionId, revision == 2 ? SuggestionState.EDITED : SuggestionState.ACCEPTED);
                } else {
                    changes.add(BatchOperation.create(local));
                    base.put(id, Contents.withRevision(local, 1));
                }
            } else if (local != null) {
                if (!Contents.same(local, known)) {
                    changes.add(BatchOperation.update(local, known.revision()));
                    base.put(id, Contents.withRevision(local, known.revision() + 1));
                }
            } else if (known != null) {
                changes.add(BatchOperation.delete(id, known.revision()));
                base.remove(id);
                tombstones.put(id, Contents.withRevision(known, known.revision() + 1));
            }
        }
        dirty.clear();
        for (String sid : dirtySuggestions) {
            ModelSuggestion s = document.suggestion(sid);
            if (s != null && s.state() == SuggestionState.REJECTED && suggestionBase.get(sid) == SuggestionState.OPEN) {
                rejects.add(new SyncOp.Reject(sid));
                suggestionBase.put(sid, SuggestionState.REJECTED);
            }
            // Un-rejecting after the server has the rejection is not possible: it stays rejected there.
        }
        dirtySuggestions.clear();
        changes.addAll(0, extraUpdates);
        var ops = new ArrayList<SyncOp>(restores);
        ops.addAll(accepts);
        for (int from = 0; from < changes.size(); from += 1000) {
            ops.add(new SyncOp.Batch(changes.subList(from, Math.min(changes.size(), from + 1000))));
        }
        ops.addAll(rejects);
        if (labelsDirty && labelsConflict == null) { // with a conflict open, resolveLabels decides what is sent
            ImageLabels local = document.imageLabels();
            if (!local.equals(labelsBase.labels())) {
                ops.add(new SyncOp.SetLabels(local, labelsBase.revision()));
                labelsBase = new ImageLabelsAt(local, labelsBase.revision() + 1, client.username(), null);
            }
        }
        labelsDirty = false;
        for (SyncOp op : ops) outbox.add(new Pending(journal.append(op), op, false));
    }

    // --- sending --------------------------------------------------------------------------------

    /** On the worker: sends queued ops in order until none is left, the server is away, or sign-in lapsed. */
    private void drain() {
        while (!closed) {
            Pending head;
            synchronized (this) {
                head = outbox.peekFirst();
            }
            if (head == null) break;
            try {
                Object result = send(head.op);
                succeeded(head, result);
                setOnline(true, null);
            } catch (ServerUnreachableException e) {
                head.attempted = true;
                setOnline(false, e.detail());
                scheduleRetry();
                return;
            } catch (Problems.NotAllowedException e) {
                if (e.status() == 401) { // signed out or token expired: keep everything, try again later
                    setOnline(true, e.getMessage());
                    scheduleRetry();
                    return;
                }
                refuse(head, e);
            } catch (ApiException e) {
                failed(head, e);
            }
        }
        synchronized (this) {
            backoff = settings.retryMin();
        }
    }

    private Object send(SyncOp op) {
        String imageId = document.imageId();
        return switch (op) {
            case SyncOp.Batch b -> client.saveBatch(imageId, b.changes());
            case SyncOp.Accept a -> client.acceptSuggestion(a.suggestionId(), a.shape(), a.labels());
            case SyncOp.Reject r -> client.rejectSuggestion(r.suggestionId(), null);
            case SyncOp.Restore r -> client.revert(r.id(), r.toRevision(), r.expectedRevision());
            case SyncOp.SetLabels l -> client.putImageLabels(imageId, l.labels(), l.expectedRevision());
        };
    }

    @SuppressWarnings("unchecked")
    private void succeeded(Pending head, Object result) {
        synchronized (document) {
            synchronized (this) {
                switch (head.op) {
                    case SyncOp.Batch b -> {
                        List<Annotation> saved = (List<Annotation>) result;
                        for (int i = 0; i < saved.size(); i++) {
                            BatchOperation c = b.changes().get(i);
                            Annotation a = saved.get(i);
                            long predicted = "create".equals(c.op()) ? 1 : c.revision() + 1;
                            if (a.revision() != predicted) shiftRevisions(a.id(), a.revision() - predicted, head);
                            if (!"delete".equals(c.op())) document.saved(a.id(), a.revision());
                        }
                    }
                    case SyncOp.Accept a -> {
                        AcceptedSuggestion accepted = (AcceptedSuggestion) result;
                        String serverId = accepted.annotation().id();
                        rename(a.localId(), serverId, head);
                        long delta = accepted.annotation().revision() - a.predictedRevision();
                        if (delta != 0) shiftRevisions(serverId, delta, head);
                        ModelSuggestion decided = ModelSuggestion.of(accepted.suggestion());
                        suggestionBase.put(a.suggestionId(), decided.state());
                        document.setSuggestions(List.of(decided), Origin.SAVED);
                        document.saved(serverId, accepted.annotation().revision());
                    }
                    case SyncOp.Reject r -> suggestionBase.put(r.suggestionId(), SuggestionState.REJECTED);
                    case SyncOp.Restore r -> {
                        Annotation restored = (Annotation) result;
                        if (restored.revision() != r.expectedRevision() + 1) {
                            shiftRevisions(r.id(), restored.revision() - r.expectedRevision() - 1, head);
                        }
                        document.saved(r.id(), restored.revision());
                    }
                    case SyncOp.SetLabels l -> {
                        ImageLabelsAt saved = (ImageLabelsAt) result;
                        labelsServer = saved;
                        if (labelsBase.revision() == saved.revision()) labelsBase = saved; // no later labels queued
                    }
                }
                complete(head);
                refusal = null; // the server takes my edits again
            }
        }
        fireStatus();
    }

    /** Takes {@code head}'s op off the queue; a rewrite may have given it a new journal line, so it is found by its op. */
    private void complete(Pending head) {
        for (Pending p : outbox) {
            if (p.op == head.op) {
                outbox.remove(p);
                journal.ack(p.seq);
                return;
            }
        }
    }

    /** A conflict-like answer: applied already (lost answer), a real conflict, or a refusal. */
    private void failed(Pending head, ApiException e) {
        if (head.attempted) {
            Optional<Object> applied = alreadyApplied(head.op, e);
            if (applied.isPresent()) {
                succeeded(head, applied.get());
                return;
            }
        }
        switch (head.op) {
            case SyncOp.Batch b when e instanceof Problems.StaleRevisionException s && s.index() >= 0 && s.index() < b.size() ->
                    conflict(head, b.changes().get(s.index()), s.current(), s.currentRevision());
            case SyncOp.Batch b when e instanceof Problems.NotFoundException n && n.index() >= 0 && n.index() < b.size() ->
                    conflict(head, b.changes().get(n.index()), null, -1);
            case SyncOp.Restore r when e instanceof Problems.StaleRevisionException s ->
                    conflict(head, BatchOperation.update(s.current() == null ? document.annotation(r.id()) : s.current(), r.expectedRevision()),
                            s.current(), s.currentRevision());
            case SyncOp.SetLabels l when e instanceof Problems.StaleLabelsException s -> labelsConflict(head, s.current());
            case SyncOp.SetLabels l -> refuseLabels(head, e);
            case SyncOp.Accept a when e instanceof Problems.AlreadyDecidedException d -> {
                // Someone else decided it first: my annotation stays, as a plain new one.
                synchronized (document) {
                    synchronized (this) {
                        document.markAcceptedFrom(a.localId(), null);
                        if (d.current() != null) {
                            suggestionBase.put(a.suggestionId(), d.current().state());
                            document.setSuggestions(List.of(d.current()), Origin.SERVER);
                        }
                        base.remove(a.localId());
                        rewriteOutbox(head, op -> op == head.op ? null : op.without(a.localId()));
                        if (document.contains(a.localId())) dirty.add(a.localId());
                    }
                }
                reportRefused(head.op, e);
                flushLater();
            }
            case SyncOp.Reject r when e instanceof Problems.AlreadyDecidedException d -> {
                synchronized (document) {
                    synchronized (this) {
                        if (d.current() != null) {
                            suggestionBase.put(r.suggestionId(), d.current().state());
                            document.setSuggestions(List.of(d.current()), Origin.SERVER);
                        }
                        complete(head);
                    }
                }
                reportRefused(head.op, e);
            }
            default -> refuse(head, e);
        }
    }

    /** Whether the server already has exactly what {@code op} would have made (its answer was lost). */
    private Optional<Object> alreadyApplied(SyncOp op, ApiException e) {
        try {
            switch (op) {
                case SyncOp.Batch b -> {
                    Map<String, Annotation> current = new HashMap<>();
                    client.annotations(document.imageId()).forEach(a -> current.put(a.id(), a));
                    var saved = new ArrayList<Annotation>();
                    for (BatchOperation c : b.changes()) {
                        Annotation now = current.get(c.target());
                        if ("delete".equals(c.op())) {
                            if (now != null) return Optional.empty();
                            saved.add(null);
                        } else {
                            if (now == null || !Contents.same(now, draft(c))) return Optional.empty();
                            saved.add(now);
                        }
                    }
                    for (int i = 0; i < saved.size(); i++) {
                        if (saved.get(i) == null) {
                            BatchOperation c = b.changes().get(i);
                            List<HistoryEntry> h = client.history(c.target());
                            saved.set(i, h.getLast().annotation());
                        }
                    }
                    return Optional.of(saved);
                }
                case SyncOp.Accept a -> {
                    if (e instanceof Problems.AlreadyDecidedException d && d.current() != null && d.current().annotationId() != null) {
                        Annotation made = client.annotation(d.current().annotationId());
                        if (made.provenance() != null && Objects.equals(made.provenance().author(), client.username())) {
                            return Optional.of(new AcceptedSuggestion(d.decided(), made));
                        }
                    }
                    return Optional.empty();
                }
                case SyncOp.Reject r -> {
                    return e instanceof Problems.AlreadyDecidedException d && d.current() != null
                            && d.current().state() == SuggestionState.REJECTED ? Optional.of(d.current()) : Optional.empty();
                }
                case SyncOp.SetLabels l -> {
                    return e instanceof Problems.StaleLabelsException s && s.current().revision() == l.expectedRevision() + 1
                            && s.current().labels().equals(l.labels()) ? Optional.of(s.current()) : Optional.empty();
                }
                case SyncOp.Restore r -> {
                    if (e instanceof Problems.StaleRevisionException s && s.current() != null
                            && s.current().revision() == r.expectedRevision() + 1) {
                        List<HistoryEntry> h = client.history(r.id());
                        HistoryEntry last = h.getLast();
                        if ("reverted".equals(last.kind()) && Objects.equals(last.revertedTo(), r.toRevision())) {
                            return Optional.of(s.current());
                        }
                    }
                    return Optional.empty();
                }
            }
        } catch (ApiException lookupFailed) {
            return Optional.empty();
        }
    }

    private Annotation draft(BatchOperation c) {
        AnnotationDraft d = c.annotation();
        return new Annotation(c.target(), document.imageId(), d.shape(), d.labels(), d.provenance(), 0,
                d.status() == null ? AnnotationStatus.DRAFT : d.status(), null, null);
    }

    /** Change {@code failing} met a newer version on the server: a {@link Conflict}; the rest goes on without it. */
    private void conflict(Pending head, BatchOperation failing, Annotation theirs, long theirRevision) {
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
            synchronized (this) {
                Annotation mine = document.contains(id) ? document.annotation(id)
                        : "delete".equals(failing.op()) || failing.annotation() == null ? null : draft(failing);
                c = new Conflict(id, mine, theirs, theirRevision, ancestor);
                if (theirs != null) {
                    base.put(id, theirs);
                    tombstones.remove(id);
                } else {
                    base.remove(id);
                    if (tombstone != null) tombstones.put(id, tombstone);
                }
                conflicts.put(id, c);
                dirty.remove(id);
                rewriteOutbox(head, op -> op.without(id));
            }
        }
        listeners.forEach(l -> l.conflict(c));
        fireStatus();
    }

    /**
     * A labels save met newer labels on the server: a {@link LabelsConflict}. Every queued labels op goes (mine is
     * the document's, or the last one queued before the document was loaded); {@link #resolveLabels} sends the choice.
     */
    private void labelsConflict(Pending head, ImageLabelsAt theirs) {
        LabelsConflict c;
        synchronized (document) {
            synchronized (this) {
                ImageLabels mine = document.imageLabels();
                if (!labelsDirty) { // not edited since the last flush: the last labels queued are mine (also before a load)
                    for (Pending p : outbox) if (p.op instanceof SyncOp.SetLabels l) mine = l.labels();
                }
                long edited = ((SyncOp.SetLabels) head.op).expectedRevision();
                ImageLabels ancestor = labelsServer.revision() == edited ? labelsServer.labels() : null;
                c = new LabelsConflict(mine, theirs.labels(), theirs.revision(), theirs.changedBy(), ancestor);
                labelsBase = theirs;
                labelsServer = theirs;
                labelsConflict = c;
                labelsDirty = false;
                rewriteOutbox(head, op -> op instanceof SyncOp.SetLabels ? null : op);
            }
        }
        listeners.forEach(l -> l.labelsConflict(c));
        fireStatus();
    }

    /**
     * A labels save refused for good (e.g. a karyotype that is not ISCN): queued labels ops go, the server's labels
     * become the base, and the document's again unless they were edited since (that edit goes out by itself).
     */
    private void refuseLabels(Pending head, ApiException e) {
        ImageLabelsAt truth = null;
        try {
            truth = client.imageLabels(document.imageId());
        } catch (ApiException ignored) {
            // keep the predicted base; the next edit will tell
        }
        synchronized (document) {
            synchronized (this) {
                if (truth != null) {
                    labelsBase = truth;
                    labelsServer = truth;
                    if (!labelsDirty) document.setImageLabels(truth.labels(), Origin.SERVER);
                }
                rewriteOutbox(head, op -> op instanceof SyncOp.SetLabels ? null : op);
                lastError = e.getMessage();
            }
        }
        reportRefused(head.op, e);
        fireStatus();
    }

    /**
     * Refused for good: dropped, and rolled back: the server's version of what it touched becomes the base and the
     * document's content again (an annotation the server does not have goes; a suggestion gets its server state), so
     * the screen never shows an edit the server does not hold. An annotation edited again since keeps that newer edit,
     * which goes out by itself. The user is told ({@link Status#refusal}, {@link Listener#refused}).
     */
    private void refuse(Pending head, ApiException e) {
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
            synchronized (this) {
                for (String id : targets) {
                    Annotation theirs = truth.get(id);
                    if (theirs != null) base.put(id, theirs);
                    else if (known) base.remove(id);
                    if (!known || dirty.contains(id) || conflicts.containsKey(id)) continue;
                    if (theirs != null) {
                        tombstones.remove(id);
                        if (document.contains(id)) document.replace(List.of(theirs), Origin.SERVER);
                        else document.add(List.of(theirs), Origin.SERVER);
                    } else if (document.contains(id)) {
                        document.remove(List.of(id), Origin.SERVER);
                    }
                }
                if (suggestion != null) {
                    suggestionBase.put(suggestion.id(), suggestion.state());
                    document.setSuggestions(List.of(suggestion), Origin.SERVER);
                }
                rewriteOutbox(head, op -> op == head.op ? null : targets.stream().reduce(op, (o, id) -> o == null ? null : o.without(id), (x, y) -> x));
                lastError = e.getMessage();
            }
        }
        reportRefused(head.op, e);
        fireStatus();
    }

    private void reportRefused(SyncOp op, ApiException e) {
        synchronized (this) {
            refusal = e.getMessage();
        }
        listeners.forEach(l -> l.refused(op, e));
    }

    /**
     * Rewrites queued ops (from {@code head} on) with {@code f} (null drops one). The journal is
     * append-only, so if anything changed, every remaining op is acknowledged and appended again, in
     * order: a later session reads them back in the same order.
     */
    private void rewriteOutbox(Pending head, UnaryOperator<SyncOp> f) {
        var kept = new ArrayList<Pending>();
        boolean changed = false;
        boolean reached = false;
        for (Pending p : outbox) {
            reached |= p == head;
            SyncOp next = reached ? f.apply(p.op) : p.op;
            changed |= next != p.op;
            if (next != null) kept.add(next == p.op ? p : new Pending(-1, next, false));
        }
        if (!changed) return;
        for (Pending p : outbox) journal.ack(p.seq);
        outbox.clear();
        for (Pending p : kept) outbox.add(new Pending(journal.append(p.op), p.op, p.attempted && p.seq >= 0));
    }

    /** The server named an accepted suggestion's annotation: follow the new id everywhere. */
    private void rename(String oldId, String newId, Pending head) {
        if (oldId.equals(newId)) return;
        move(base, oldId, newId);
        move(tombstones, oldId, newId);
        if (dirty.remove(oldId)) dirty.add(newId);
        document.renamed(oldId, newId);
        rewriteOutbox(head, op -> op == head.op ? op : op.renamed(oldId, newId));
    }

    private static <T> void move(Map<String, T> map, String from, String to) {
        T v = map.remove(from);
        if (v != null) map.put(to, v);
    }

    /** The server's revision differs from the predicted one by {@code delta}: later ops and the base follow. */
    private void shiftRevisions(String id, long delta, Pending head) {
        Annotation b = base.get(id);
        if (b != null) base.put(id, Contents.withRevision(b, b.revision() + delta));
        Annotation t = tombstones.get(id);
        if (t != null) tombstones.put(id, Contents.withRevision(t, t.revision() + delta));
        rewriteOutbox(head, op -> switch (op) {
            case SyncOp.Batch batch when op != head.op && batch.targets().contains(id) -> batch.mapChanges(c ->
                    c.target().equals(id) && c.revision() != null ? c.withRevision(c.revision() + delta) : c);
            case SyncOp.Restore r when op != head.op && r.id().equals(id) ->
                    new SyncOp.Restore(id, r.toRevision() + delta, r.expectedRevision() + delta);
            default -> op;
        });
    }

    // --- conflicts ------------------------------------------------------------------------------

    /** Settles a conflict the way the expert chose; the outcome is sent at once. */
    public void resolve(Conflict conflict, Conflict.Resolution resolution) {
        String id = conflict.id();
        synchronized (document) {
            synchronized (this) {
                if (conflicts.remove(id) == null) throw new IllegalArgumentException("no open conflict on " + id);
                switch (resolution) {
                    case Conflict.Resolution.KeepMine k -> {
                        dirty.add(id);
                        if (conflict.theirRevision() > 0) document.saved(id, conflict.theirRevision());
                    }
                    case Conflict.Resolution.KeepTheirs k -> {
                        Annotation theirs = conflict.theirs();
                        if (theirs == null) document.remove(List.of(id), Origin.SERVER);
                        else if (document.contains(id)) document.replace(List.of(theirs), Origin.SERVER);
                        else document.add(List.of(theirs), Origin.SERVER);
                    }
                    case Conflict.Resolution.Merged m -> {
                        Annotation merged = Contents.withId(m.result(), id);
                        if (document.contains(id)) {
                            document.replace(List.of(merged), Origin.EDIT);
                        } else {
                            document.add(List.of(Contents.withRevision(merged, Math.max(0, conflict.theirRevision()))), Origin.EDIT);
                        }
                        dirty.add(id);
                    }
                }
            }
        }
        fireStatus();
        flushLater();
    }

    /**
     * Settles the conflict on the image's labels: {@code result} (the conflict's mine, theirs or {@link LabelsConflict#merge()})
     * becomes the document's labels and is sent at once on top of their revision (nothing is sent if it is theirs).
     */
    public void resolveLabels(ImageLabels result) {
        Objects.requireNonNull(result, "result");
        synchronized (document) {
            synchronized (this) {
                if (labelsConflict == null) throw new IllegalStateException("no open conflict on the image labels");
                labelsConflict = null;
                document.setImageLabels(result, Origin.SERVER);
                labelsDirty = true;
            }
        }
        fireStatus();
        flushLater();
    }

    /**
     * Takes someone else's saved labels into the document (call it for an {@code image-labels-changed} event of this
     * image). Returns false and changes nothing while I have unsent labels or a conflict on them.
     */
    public boolean refreshLabels() {
        var adopted = new boolean[1];
        call(() -> {
            ImageLabelsAt theirs = client.imageLabels(document.imageId());
            synchronized (document) {
                synchronized (this) {
                    if (labelsDirty || labelsConflict != null || outbox.stream().anyMatch(p -> p.op instanceof SyncOp.SetLabels)) return;
                    if (theirs.revision() <= labelsBase.revision()) return; // nothing newer
                    labelsBase = theirs;
                    labelsServer = theirs;
                    document.setImageLabels(theirs.labels(), Origin.SERVER);
                    adopted[0] = true;
                }
            }
        });
        return adopted[0];
    }

    // --- plumbing -------------------------------------------------------------------------------

    private void flushLater() {
        if (!closed) worker.execute(this::flushQuietly);
    }

    private synchronized void scheduleRetry() {
        if (closed || (retryTask != null && !retryTask.isDone())) return;
        retryTask = worker.schedule(() -> {
            synchronized (this) {
                retryTask = null; // this retry is running: a failure may schedule the next one
            }
            flushQuietly();
        }, backoff.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : doubled;
    }

    private void setOnline(boolean nowOnline, String error) {
        boolean changed;
        synchronized (this) {
            changed = online != nowOnline || !Objects.equals(lastError, error);
            online = nowOnline;
            lastError = error;
        }
        if (changed) fireStatus();
    }

    private void fireStatus() {
        Status s = status();
        listeners.forEach(l -> l.statusChanged(s));
    }

    /** Runs on the worker and waits, so the journal and the network are used from one thread only. */
    private void call(Runnable task) {
        try {
            worker.submit(task).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("autosave did not finish within 60 s", e);
        }
    }

    /** Sends what it can (best effort), then stops. Unsent ops stay in the journal for next time. */
    @Override
    public void close() {
        if (closed) return;
        try {
            if (!worker.isShutdown()) call(this::flushOnWorker);
        } catch (RuntimeException e) {
            // whatever was not sent is in the journal
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
