package org.karyolab.client.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Origin;
import org.karyolab.client.net.ApiException;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.ServerUnreachableException;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ImageLabels;

/**
 * Saves the user's edits of one document without them pressing Save, and never loses one. A facade over its parts:
 * <ul>
 *   <li>{@link ChangeTracker}: every annotation an {@link Origin#EDIT} event touched is marked; a flush (1 s after the
 *       last edit, or {@link #flushNow()}) makes the marks the smallest ops against the server's version.</li>
 *   <li>{@link Outbox}: each op is in the image's {@link Journal} (fsync) before it is sent; while the server is away
 *       ops pile up in order and go when it answers again (back-off). A journal left by an earlier session is sent
 *       before the image loads ({@link #open}).</li>
 *   <li>{@link Answers}: the server's answers into the base and the document, a lost answer recognised on retry.</li>
 *   <li>{@link ConflictDesk}: a stale revision (412) is a {@link Conflict} settled with {@link #resolve}; content
 *       refused for good (403, 409, 422, 423) is rolled back, reported ({@link Listener#refused}, {@link Status#refusal})
 *       and not retried.</li>
 *   <li>{@link ImageLabelsSync}: karyotype and quality flags, one PUT of the whole labels; a stale revision is a
 *       {@link LabelsConflict} settled with {@link #resolveLabels}.</li>
 * </ul>
 * Network and journal work runs on one worker thread ({@link SyncWorker}); listeners are called from it.
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

    private final KaryoLabClient client;
    private final ImageDocument document;
    /** Guards the parts' state. Lock order: the document first, then this. */
    private final Object lock = new Object();
    private final SyncWorker worker;
    private final SyncEvents events = new SyncEvents(this::status);
    private final ChangeTracker tracker = new ChangeTracker();
    private final Outbox outbox;
    private final ConflictDesk desk;
    private final ImageLabelsSync labels;
    private final Answers answers;
    private final Flush flush;

    private Autosave(KaryoLabClient client, ImageDocument document, Journal journal, Settings settings) {
        this.client = client;
        this.document = document;
        this.worker = new SyncWorker(document.imageId());
        this.outbox = new Outbox(journal, settings, worker, lock, events, this::flushQuietly);
        this.desk = new ConflictDesk(client, document, tracker, outbox, lock, events, this::flushLater);
        this.labels = new ImageLabelsSync(client, document, outbox, lock, events);
        this.answers = new Answers(client, document, tracker, outbox, desk, labels, lock, events);
        this.flush = new Flush(document, tracker, labels, desk, outbox, answers, worker, lock, events, settings.debounce());
        document.addListener(flush::edited);
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
        worker.call(() -> {
            synchronized (lock) {
                outbox.recover();
            }
            outbox.drain(answers);
        });
        if (!outbox.online()) throw new ServerUnreachableException("the server stopped answering while the journal was sent", null);
        reload(arriving);
    }

    public ImageDocument document() {
        return document;
    }

    public KaryoLabClient client() {
        return client;
    }

    public Path journalFile() {
        return outbox.file();
    }

    public void addListener(Listener l) {
        events.add(l);
    }

    public void removeListener(Listener l) {
        events.remove(l);
    }

    /**
     * Replaces the document with the server's state (e.g. after a {@code resync} event). Only when
     * nothing is waiting to be sent, so no edit is thrown away.
     */
    public void reload() {
        reload(n -> { });
    }

    private void reload(IntConsumer arriving) {
        worker.call(() -> answers.reload(arriving));
        events.statusChanged();
    }

    /**
     * Takes someone else's saved change of one annotation into the document (call it for an
     * {@code annotation-saved} event of this image from {@link KaryoLabClient#events}). Returns false
     * and changes nothing while I have an unsent edit or a conflict on it: my edit then meets theirs
     * as a conflict, as it should.
     */
    public boolean refresh(String annotationId) {
        var adopted = new boolean[1];
        worker.call(() -> adopted[0] = answers.refresh(annotationId));
        return adopted[0];
    }

    /**
     * Takes the server's answer to one of my own workflow calls (submit, review, accept, reject) into the base and
     * the document: its status and revision are the server's now, so the review panel shows what happened and my
     * next edit is based on that revision (not on the one before, which would be a false conflict). An annotation I
     * have an unsent edit of keeps my content and takes the status and revision; one with queued ops or a conflict
     * is left to meet the server as it is. Revision-ordered: an answer older than what is known changes nothing.
     */
    public void adopt(Collection<Annotation> answers) {
        if (!answers.isEmpty()) worker.call(() -> this.answers.adopt(answers));
    }

    // --- status ---------------------------------------------------------------------------------

    public Status status() {
        synchronized (lock) {
            return new Status(tracker.markedCount() + outbox.changes() + (labels.marked() ? 1 : 0), outbox.size(), outbox.online(),
                    desk.size() + (labels.conflict() != null ? 1 : 0), outbox.lastError(), outbox.refusal());
        }
    }

    /** For "closing with unsent edits asks first": anything not yet on the server, or a conflict not yet settled. */
    public boolean hasUnsentEdits() {
        synchronized (lock) {
            return tracker.hasMarks() || !outbox.isEmpty() || desk.size() > 0 || labels.marked() || labels.conflict() != null;
        }
    }

    /** The open conflict on the image's labels, if any. */
    public Optional<LabelsConflict> labelsConflict() {
        synchronized (lock) {
            return Optional.ofNullable(labels.conflict());
        }
    }

    public List<Conflict> conflicts() {
        synchronized (lock) {
            return desk.all();
        }
    }

    public int journalPending() {
        return outbox.journalPending();
    }

    // --- flushing -------------------------------------------------------------------------------

    /** Sends everything now and waits (at most 60 s) until it is on the server, or the server stopped answering. */
    public Status flushNow() {
        worker.call(flush::now);
        return status();
    }

    private void flushQuietly() {
        flush.quietly();
    }

    private void flushLater() {
        flush.soon();
    }

    // --- conflicts ------------------------------------------------------------------------------

    /** Settles a conflict the way the expert chose; the outcome is sent at once. */
    public void resolve(Conflict conflict, Conflict.Resolution resolution) {
        desk.resolve(conflict, resolution);
        events.statusChanged();
        flushLater();
    }

    /**
     * Settles the conflict on the image's labels: {@code result} (the conflict's mine, theirs or {@link LabelsConflict#merge()})
     * becomes the document's labels and is sent at once on top of their revision (nothing is sent if it is theirs).
     */
    public void resolveLabels(ImageLabels result) {
        labels.resolve(result);
        events.statusChanged();
        flushLater();
    }

    /**
     * Takes someone else's saved labels into the document (call it for an {@code image-labels-changed} event of this
     * image). Returns false and changes nothing while I have unsent labels or a conflict on them.
     */
    public boolean refreshLabels() {
        var adopted = new boolean[1];
        worker.call(() -> adopted[0] = labels.refresh());
        return adopted[0];
    }

    /** Sends what it can (best effort), then stops. Unsent ops stay in the journal for next time. */
    @Override
    public void close() {
        if (worker.closed()) return;
        try {
            if (worker.running()) worker.call(flush::now);
        } catch (RuntimeException e) {
            // whatever was not sent is in the journal
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        worker.close();
        outbox.close();
    }
}
