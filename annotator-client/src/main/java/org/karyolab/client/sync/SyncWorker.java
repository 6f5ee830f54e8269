package org.karyolab.client.sync;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Autosave's one thread: the journal and the network are used from it only, so ops leave in the order they were
 * journaled. Once closed it takes no more work.
 */
final class SyncWorker {

    private final ScheduledExecutorService executor;
    private volatile boolean closed;

    SyncWorker(String imageId) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "karyolab-autosave-" + imageId);
            t.setDaemon(true);
            return t;
        });
    }

    boolean closed() {
        return closed;
    }

    /** Runs {@code task} soon, unless closed. */
    void later(Runnable task) {
        if (!closed) executor.execute(task);
    }

    /** Runs {@code task} after {@code delay}; null when closed. */
    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return closed ? null : executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the worker and waits (at most 60 s); its exception is the caller's. */
    void call(Runnable task) {
        try {
            executor.submit(task).get(60, TimeUnit.SECONDS);
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

    /** Whether {@link #call} can still run anything. */
    boolean running() {
        return !executor.isShutdown();
    }

    /** Stops taking work, interrupts what runs and waits for it (at most 5 s). */
    void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
