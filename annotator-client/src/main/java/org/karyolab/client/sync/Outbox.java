package org.karyolab.client.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.function.UnaryOperator;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.Problems;
import org.karyolab.client.net.ServerUnreachableException;

/**
 * The ops autosave owes the server, in order: each is in the {@link Journal} (fsync) before it is sent and
 * acknowledged there once the server answered. Sends them one at a time from the worker; while the server is away
 * (or the sign-in lapsed) it keeps them and tries again with a back-off that doubles from {@code retryMin} to
 * {@code retryMax}. Also holds what the status bar says about the line: online, the last error, the last refusal.
 *
 * <p>Its state is guarded by the autosave's lock (taken here where needed; the lock is reentrant).
 */
final class Outbox {

    /** One queued op and its journal line. */
    static final class Pending {
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

    /** Sends an op and takes in what came of it; called from the worker by {@link #drain}. */
    interface Exchange {
        Object send(SyncOp op);

        /** The server did it; {@code result} is what {@link #send} returned. */
        void done(Pending head, Object result);

        /** Not allowed (403 and the like): refused for good. */
        void refused(Pending head, ApiException e);

        /** Any other answer: a lost answer, a conflict, a refusal. */
        void failed(Pending head, ApiException e);
    }

    private final Journal journal;
    private final Autosave.Settings settings;
    private final SyncWorker worker;
    private final Object lock;
    private final SyncEvents events;
    /** What a retry runs: a flush (queue what was edited since, then drain). */
    private final Runnable retry;

    // Guarded by lock.
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean online = true;
    private String lastError;
    /** Why the server refused the last refused op, until one is accepted again (see {@link Autosave.Status#refusal}). */
    private String refusal;
    private ScheduledFuture<?> retryTask;
    private Duration backoff;

    Outbox(Journal journal, Autosave.Settings settings, SyncWorker worker, Object lock, SyncEvents events, Runnable retry) {
        this.journal = journal;
        this.settings = settings;
        this.worker = worker;
        this.lock = lock;
        this.events = events;
        this.retry = retry;
        this.backoff = settings.retryMin();
    }

    Path file() {
        return journal.file();
    }

    // --- the queue (callers hold the lock) ------------------------------------------------------

    /** Queues what the journal still holds from an earlier session (sent before: its answer may have been lost). */
    void recover() {
        var queued = new HashSet<Long>();
        queue.forEach(p -> queued.add(p.seq));
        journal.pending().forEach(e -> {
            if (!queued.contains(e.seq())) queue.add(new Pending(e.seq(), e.op(), true));
        });
    }

    /** Journals each op (fsync), then queues it. */
    void enqueue(List<SyncOp> ops) {
        for (SyncOp op : ops) queue.add(new Pending(journal.append(op), op, false));
    }

    /** The op to send next, or null. */
    Pending head() {
        return queue.peekFirst();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Queued requests. */
    int size() {
        return queue.size();
    }

    /** The annotation and suggestion changes the queued requests carry. */
    int changes() {
        return queue.stream().mapToInt(p -> p.op.size()).sum();
    }

    /** The queued ops, oldest first. */
    List<SyncOp> ops() {
        return queue.stream().map(p -> p.op).toList();
    }

    /** Whether a queued op changes annotation {@code id}. */
    boolean touches(String id) {
        return queue.stream().anyMatch(p -> p.op.targets().contains(id));
    }

    int journalPending() {
        synchronized (lock) {
            return journal.pendingCount();
        }
    }

    /**
     * Rewrites queued ops (from {@code head} on) with {@code f} (null drops one). The journal is append-only, so if
     * anything changed, every remaining op is acknowledged and appended again, in order: a later session reads them
     * back in the same order.
     */
    void rewrite(Pending head, UnaryOperator<SyncOp> f) {
        var kept = new ArrayList<Pending>();
        boolean changed = false;
        boolean reached = false;
        for (Pending p : queue) {
            reached |= p == head;
            SyncOp next = reached ? f.apply(p.op) : p.op;
            changed |= next != p.op;
            if (next != null) kept.add(next == p.op ? p : new Pending(-1, next, false));
        }
        if (!changed) return;
        for (Pending p : queue) journal.ack(p.seq);
        queue.clear();
        for (Pending p : kept) queue.add(new Pending(journal.append(p.op), p.op, p.attempted && p.seq >= 0));
    }

    /** Takes {@code head}'s op off the queue; a rewrite may have given it a new journal line, so it is found by its op. */
    void complete(Pending head) {
        for (Pending p : queue) {
            if (p.op == head.op) {
                queue.remove(p);
                journal.ack(p.seq);
                return;
            }
        }
    }

    // --- sending (on the worker) ----------------------------------------------------------------

    /** Sends queued ops in order until none is left, the server is away, or sign-in lapsed (then a retry is due). */
    void drain(Exchange exchange) {
        while (!worker.closed()) {
            Pending head;
            synchronized (lock) {
                head = head();
            }
            if (head == null) break;
            try {
                Object result = exchange.send(head.op);
                exchange.done(head, result);
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
                exchange.refused(head, e);
            } catch (ApiException e) {
                exchange.failed(head, e);
            }
        }
        synchronized (lock) {
            backoff = settings.retryMin();
        }
    }

    private void scheduleRetry() {
        synchronized (lock) {
            if (worker.closed() || (retryTask != null && !retryTask.isDone())) return;
            retryTask = worker.after(backoff, () -> {
                synchronized (lock) {
                    retryTask = null; // this retry is running: a failure may schedule the next one
                }
                retry.run();
            });
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : doubled;
        }
    }

    /** The wait before the next retry (for tests: it doubles per failure, and a drain that empties the queue resets it). */
    Duration backoff() {
        synchronized (lock) {
            return backoff;
        }
    }

    // --- the line's state -----------------------------------------------------------------------

    private void setOnline(boolean nowOnline, String error) {
        boolean changed;
        synchronized (lock) {
            changed = online != nowOnline || !Objects.equals(lastError, error);
            online = nowOnline;
            lastError = error;
        }
        if (changed) events.statusChanged();
    }

    boolean online() {
        synchronized (lock) {
            return online;
        }
    }

    String lastError() {
        synchronized (lock) {
            return lastError;
        }
    }

    void lastError(String error) {
        synchronized (lock) {
            lastError = error;
        }
    }

    String refusal() {
        synchronized (lock) {
            return refusal;
        }
    }

    /** The server took an op: a refusal shown before is over. */
    void accepted() {
        synchronized (lock) {
            refusal = null;
        }
    }

    /** The server refused {@code op} for good: shown in the status and told to the listeners. */
    void refused(SyncOp op, ApiException e) {
        synchronized (lock) {
            refusal = e.getMessage();
        }
        events.refused(op, e);
    }

    void close() {
        journal.close();
    }
}
