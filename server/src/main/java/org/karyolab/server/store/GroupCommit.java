package org.karyolab.server.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Group commit for H2: writers that queue for the write lock at the same time share one commit. One platform
 * thread takes every unit of work waiting at that moment, runs each inside a savepoint of its own on one
 * connection, and commits them together; a unit returns only after the commit that holds it. Why, and what
 * happens when a unit fails: docs/STORAGE.md, "Group commit (H2)".
 */
final class GroupCommit implements AutoCloseable {

    /** Caps the work of one group, and so the wait of the first one in it. */
    private static final int MAX_GROUP = 64;

    private record Pending<T>(Database.Work<T> work, Predicate<? super T> commitIf, CompletableFuture<T> outcome) {
        /** Runs in the group's transaction, undoing only its own work when {@code commitIf} refuses the result. */
        T run(Connection c) throws SQLException {
            Savepoint before = c.setSavepoint();
            T result = work.run(c);
            if (!commitIf.test(result)) c.rollback(before);
            return result;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            outcome.complete((T) result);
        }
    }

    /** Tells the writer to stop once everything queued before it is done. */
    private static final Pending<Void> STOP = new Pending<>(c -> null, r -> true, new CompletableFuture<>());

    private final LinkedBlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>();
    private final DataSource pool;
    private final ReentrantLock writeLock;
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(DataSource pool, ReentrantLock writeLock, String name) {
        this.pool = pool;
        this.writeLock = writeLock;
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::writeUntilStopped);
    }

    /** Runs {@code work} in a transaction shared with the units queued alongside it; see the class comment. */
    <T> T run(Database.Work<T> work, Predicate<? super T> commitIf) {
        Pending<T> mine = new Pending<>(work, commitIf, new CompletableFuture<>());
        waiting.add(mine);
        // Closed meanwhile: if it is still queued, nobody will run it (if not, the writer has it).
        if (closed && waiting.remove(mine)) throw new StoreException("the database is closed");
        try {
            return mine.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new StoreException("database error: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Units queued and not yet taken by the writer: lets a test know who is waiting without reading thread states. */
    int queued() {
        return waiting.size();
    }

    private void writeUntilStopped() {
        List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            try {
                group.add(waiting.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, through STOP, so that nothing queued is dropped
            }
            waiting.drainTo(group, MAX_GROUP - 1);
            boolean stop = group.remove(STOP);
            writeLock.lock(); // shared with the other writes of this JVM (Database#serializingWrites)
            try {
                if (!group.isEmpty()) runGroup(group);
            } finally {
                writeLock.unlock();
            }
            group.clear();
            if (stop) return;
        }
    }

    /** Completes every member of {@code group}, with its result or its exception. */
    private void runGroup(List<Pending<?>> group) {
        List<Pending<?>> toRun = new ArrayList<>(group);
        try (Connection c = pool.getConnection()) {
            while (!toRun.isEmpty()) {
                List<Object> results = new ArrayList<>(toRun.size());
                Pending<?> failed = null;
                for (Pending<?> p : toRun) {
                    try {
                        results.add(p.run(c));
                    } catch (SQLException | RuntimeException | Error e) {
                        c.rollback();
                        p.outcome().completeExceptionally(e);
                        failed = p;
                        break;
                    }
                }
                if (failed != null) {
                    toRun.remove(failed);
                    continue; // the ones before it were rolled back with it: run the rest again
                }
                c.commit();
                for (int i = 0; i < toRun.size(); i++) toRun.get(i).complete(results.get(i));
                return;
            }
        } catch (SQLException | RuntimeException | Error e) {
            // no connection, or the commit failed: nobody in the group is acknowledged
            for (Pending<?> p : group) p.outcome().completeExceptionally(e);
        }
    }

    /** Finishes what is queued, then stops the writer; later calls fail. */
    @Override
    public void close() {
        closed = true;
        waiting.add(STOP);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing first: the pool must not close under the writer
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
