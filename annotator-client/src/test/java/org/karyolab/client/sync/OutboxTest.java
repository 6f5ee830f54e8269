package org.karyolab.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.ServerUnreachableException;

/**
 * The outbox without a server: ops leave in journal order, one at a time; while the line is down they stay in the
 * journal and a retry that backs off (doubling, up to the maximum) sends them once it is up again. The tests wait on
 * what the outbox does (a latch the exchange it calls counts down, or the worker taking its next task), never on the
 * clock.
 */
class OutboxTest {

    static final Autosave.Settings SETTINGS = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(40));
    static final Autosave.Status ANY = new Autosave.Status(0, 0, true, 0, null);

    @TempDir
    Path dir;
    final Object lock = new Object();
    final SyncWorker worker = new SyncWorker("outbox-test");
    Outbox outbox;

    @AfterEach
    void close() {
        worker.close();
        if (outbox != null) outbox.close();
    }

    /** An outbox whose retry drains again into {@code server}. */
    private Outbox outbox(Server server) {
        outbox = new Outbox(new Journal(dir.resolve("journal.jsonl")), SETTINGS, worker, lock, new SyncEvents(() -> ANY),
                () -> outbox.drain(server));
        return outbox;
    }

    private static List<SyncOp> ops(String... suggestionIds) {
        return Arrays.stream(suggestionIds).<SyncOp>map(SyncOp.Reject::new).toList();
    }

    /** Finds the server away for the first {@code failures} sends, then takes every op; records what it saw. */
    final class Server implements Outbox.Exchange {
        final int failures;
        final CountDownLatch delivered;
        final List<SyncOp> sent = new CopyOnWriteArrayList<>();
        final List<Duration> backoffs = new CopyOnWriteArrayList<>();
        final List<Boolean> offline = new CopyOnWriteArrayList<>();
        final List<Integer> journaled = new CopyOnWriteArrayList<>();
        final List<Boolean> attempted = new CopyOnWriteArrayList<>();
        int sends;

        Server(int failures, int expected) {
            this.failures = failures;
            this.delivered = new CountDownLatch(expected);
        }

        public Object send(SyncOp op) {
            backoffs.add(outbox.backoff());
            offline.add(!outbox.online());
            journaled.add(outbox.journalPending());
            if (++sends <= failures) throw new ServerUnreachableException("down", null);
            return op;
        }

        public void done(Outbox.Pending head, Object result) {
            attempted.add(head.attempted);
            sent.add(head.op);
            synchronized (lock) {
                outbox.complete(head);
            }
            delivered.countDown();
        }

        public void refused(Outbox.Pending head, ApiException e) {
            throw new AssertionError(e);
        }

        public void failed(Outbox.Pending head, ApiException e) {
            throw new AssertionError(e);
        }

        void awaitDelivered() throws InterruptedException {
            assertThat(delivered.await(10, TimeUnit.SECONDS)).as("delivered").isTrue();
        }
    }

    @Test
    void opsLeaveInTheOrderTheyWereJournaledAndTheJournalEmpties() throws Exception {
        var server = new Server(0, 3);
        Outbox box = outbox(server);
        synchronized (lock) {
            box.enqueue(ops("a", "b", "c"));
        }
        assertThat(box.journalPending()).isEqualTo(3);
        worker.call(() -> box.drain(server));
        server.awaitDelivered();
        assertThat(server.sent).isEqualTo(ops("a", "b", "c"));
        assertThat(server.attempted).containsExactly(false, false, false);
        assertThat(box.isEmpty()).isTrue();
        assertThat(box.journalPending()).isZero();
        assertThat(Files.size(box.file())).isZero();
    }

    @Test
    void whileTheServerIsAwayOpsStayAndTheRetryBacksOffUntilItAnswers() throws Exception {
        var server = new Server(4, 2);
        Outbox box = outbox(server);
        synchronized (lock) {
            box.enqueue(ops("a", "b"));
        }
        worker.call(() -> box.drain(server));
        assertThat(box.online()).isFalse();
        assertThat(box.lastError()).isEqualTo("down");

        server.awaitDelivered();
        worker.call(() -> { }); // the drain that sent them has returned once the worker runs the next task
        assertThat(server.sent).isEqualTo(ops("a", "b"));
        // Tried at once, then after 10, 20, 40, 40 ms: doubling from retryMin, held at retryMax.
        assertThat(server.backoffs).containsExactly(ms(10), ms(20), ms(40), ms(40), ms(40), ms(40));
        assertThat(server.offline).containsExactly(false, true, true, true, true, false);
        assertThat(server.journaled).as("both stay in the journal while the server is away").containsExactly(2, 2, 2, 2, 2, 1);
        assertThat(server.attempted).as("the one sent before may be on the server already").containsExactly(true, false);
        assertThat(box.online()).isTrue();
        assertThat(box.lastError()).isNull();
        assertThat(box.backoff()).as("a drain that empties the queue starts the back-off again").isEqualTo(ms(10));
        assertThat(box.journalPending()).isZero();
    }

    @Test
    void aRewriteKeepsTheOrderForALaterSession() {
        Outbox box = outbox(new Server(0, 0));
        synchronized (lock) {
            box.enqueue(ops("a", "b", "c", "d"));
            Outbox.Pending first = box.head();
            box.rewrite(first, op -> op.equals(first.op) ? op : null); // drops b, c, d: nothing before the head changes
            box.enqueue(ops("e"));
            box.rewrite(box.head(), op -> op.equals(new SyncOp.Reject("e")) ? new SyncOp.Reject("e2") : op);
        }
        assertThat(box.ops()).isEqualTo(ops("a", "e2"));
        box.close();
        outbox = null;
        try (var again = new Journal(dir.resolve("journal.jsonl"))) {
            assertThat(again.pending()).extracting(Journal.Entry::op).isEqualTo(ops("a", "e2"));
        }
    }

    @Test
    void whatAnEarlierSessionLeftIsQueuedOnceAsSentBefore() throws Exception {
        try (var earlier = new Journal(dir.resolve("journal.jsonl"))) {
            ops("a", "b").forEach(earlier::append);
        }
        var server = new Server(0, 2);
        Outbox box = outbox(server);
        synchronized (lock) {
            box.recover();
            box.recover(); // a load retried: nothing twice
        }
        assertThat(box.ops()).isEqualTo(ops("a", "b"));
        worker.call(() -> box.drain(server));
        server.awaitDelivered();
        assertThat(server.sent).isEqualTo(ops("a", "b"));
        assertThat(server.attempted).containsExactly(true, true);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
