package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.karyolab.server.store.DatabaseContract.count;
import static org.karyolab.server.store.DatabaseContract.execute;

/** What {@link Database} does on H2 only; what it promises on both is {@link DatabaseContract}. */
class DatabaseOnH2Test {

    @TempDir
    Path dir;

    private static StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }

    @Test
    void h2LivesUnderTheDataDirectoryWithDurableSettings() {
        try (Database db = Database.open(emptyDatabase(dir))) {
            assertThat(db.isReachable()).isTrue();
            assertThat(dir.resolve("db/karyolab.mv.db")).isRegularFile();
        }
        assertThat(Database.h2Url(dir)).contains(";WRITE_DELAY=0").contains(";MODE=PostgreSQL").contains(";FILE_LOCK=FS").startsWith("jdbc:h2:async:");
    }

    /** The page cache follows the heap: an eighth of it, within 16-256 MB; and the open database uses it. */
    @Test
    void h2sPageCacheIsAnEighthOfTheHeapWithinBounds() throws Exception {
        long mb = 1024 * 1024;
        assertThat(Database.h2CacheKb(64 * mb)).isEqualTo(16 * 1024);
        assertThat(Database.h2CacheKb(1024 * mb)).isEqualTo(128 * 1024);
        assertThat(Database.h2CacheKb(6144 * mb)).isEqualTo(256 * 1024);
        try (Database db = Database.open(emptyDatabase(dir))) {
            long expectedMb = Database.h2CacheKb(Runtime.getRuntime().maxMemory()) / 1024;
            String shown = db.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'info.CACHE_MAX_SIZE'")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(shown).isEqualTo(Long.toString(expectedMb));
        }
    }

    /** The H2-only migrations apply on H2: the audit log's identity hands out values from a cache of 4096 (V10_1). */
    @Test
    void theAuditSequenceHasALargeCacheOnH2() throws Exception {
        try (Database db = Database.open(emptyDatabase(dir)); var c = db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT identity_cache FROM information_schema.columns "
                     + "WHERE table_name = 'audit_log' AND column_name = 'seq'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(4096);
        }
    }

    /**
     * Writers that queue while the writer is busy run together on the one writer thread and share a
     * commit; the one that throws is rolled back alone: the others run again and are stored once.
     */
    @Test
    void writersQueuedTogetherShareOneCommitAndAFailureTakesOnlyItself() throws Exception {
        try (Database db = Database.open(emptyDatabase(dir)); var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch gateRunning = new CountDownLatch(1), openGate = new CountDownLatch(1);
            Future<String> gate = writers.submit(() -> db.inGroupCommit(c -> {
                gateRunning.countDown();
                try {
                    if (!openGate.await(10, TimeUnit.SECONDS)) throw new AssertionError("gate never opened");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return "gate";
            }, r -> true));
            assertThat(gateRunning.await(10, TimeUnit.SECONDS)).isTrue(); // the writer is now busy with the gate

            Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
            Map<Integer, String> ranOn = new ConcurrentHashMap<>();
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                outcomes.add(writers.submit(() -> db.inGroupCommit(c -> {
                    runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                    ranOn.put(n, Thread.currentThread().getName());
                    execute(c, "INSERT INTO projects (id, name, created_at, doc) VALUES ('g" + n + "', 'g" + n + "', CURRENT_TIMESTAMP, '{}')");
                    if (n == 3) throw new IllegalStateException("writer 3 failed");
                    return n == 4 ? "refused" : "kept";
                }, "kept"::equals)));
                // One at a time, so the queue's order is 0..5 whatever the scheduler does; the writer is held by the
                // gate, so what is queued can only grow. Waits on the group commit's own queue, not on thread states.
                awaitQueued(db, n + 1);
            }
            openGate.countDown();

            assertThat(gate.get()).isEqualTo("gate");
            for (int n : new int[] {0, 1, 2, 5}) assertThat(outcomes.get(n).get()).isEqualTo("kept");
            assertThatThrownBy(() -> outcomes.get(3).get()).hasMessageContaining("writer 3 failed");
            assertThat(outcomes.get(4).get()).isEqualTo("refused");
            assertThat(db.<Long>inTransaction(c -> count(c, "SELECT COUNT(*) FROM projects WHERE id IN ('g0', 'g1', 'g2', 'g5')"))).isEqualTo(4);
            assertThat(db.<Long>inTransaction(c -> count(c, "SELECT COUNT(*) FROM projects WHERE id IN ('g3', 'g4')"))).isZero();
            assertThat(ranOn.values()).containsOnly("karyolab-h2-writer");
            // one group: the three before writer 3 were rolled back with it and ran again; the rest ran once
            assertThat(runs).allSatisfy((n, count) -> assertThat(count.get()).isEqualTo(n < 3 ? 2 : 1));
        }
    }

    private static void awaitQueued(Database db, int writers) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (db.groupCommitQueued() < writers) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("writer " + writers + " did not queue");
            Thread.onSpinWait();
        }
    }
}
