package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.server.store.AnnotationRepositoryContract.saved;

/** Many writers, one annotation: compare-and-set must hold under real concurrency. */
class ConcurrencyContract extends RepositoryContractBase {

    private static final int THREADS = 8;

    @Test
    void concurrentWritersNeverLoseAnUpdate() throws Exception {
        String image = newImage();
        Annotation first = saved(annotations.create(Fixtures.draft(image, "start", 0)));
        int attempts = 30;
        ConcurrentLinkedQueue<Annotation> wins = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(THREADS);

        runConcurrently(t -> {
            together.await();
            for (int k = 0; k < attempts; k++) {
                Annotation seen = annotations.get(first.id()).orElseThrow();
                switch (annotations.update(first.id(), seen.revision(), Fixtures.moved(seen, "w" + t + "-" + k, t * 100 + k))) {
                    case SaveResult.Saved s -> wins.add(s.annotation());
                    case SaveResult.Conflict c -> {
                        conflicts.incrementAndGet();
                        assertThat(c.current().revision()).isGreaterThan(seen.revision());
                    }
                    case SaveResult.NotFound n -> throw new AssertionError("annotation vanished: " + n);
                    case SaveResult.Unchanged u -> throw new AssertionError("an update is never a retried create: " + u);
                }
            }
        });

        List<Revision> history = annotations.history(first.id());
        assertThat(wins.size() + conflicts.get()).isEqualTo(THREADS * attempts);
        assertThat(conflicts.get()).as("writers really raced").isPositive();
        // every successful write is in the history, under its own revision, consecutive from 1
        assertThat(history).extracting(Revision::revision)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + wins.size()).boxed().toList());
        for (Annotation win : wins) {
            assertThat(history.get((int) win.revision() - 1).annotation()).isEqualTo(win);
        }
        assertThat(annotations.get(first.id()).orElseThrow().revision()).isEqualTo(1 + wins.size());
    }

    @Test
    void concurrentCreatesOfOneIdLetExactlyOneWin() throws Exception {
        String image = newImage();
        String id = Fixtures.unique("contended");
        ConcurrentLinkedQueue<SaveResult> results = new ConcurrentLinkedQueue<>();
        CyclicBarrier together = new CyclicBarrier(THREADS);

        runConcurrently(t -> {
            together.await();
            results.add(annotations.create(AnnotationRepositoryContract.withId(Fixtures.draft(image, "w" + t, t), id)));
        });

        List<SaveResult> saved = results.stream().filter(r -> r instanceof SaveResult.Saved).toList();
        assertThat(saved).hasSize(1);
        Annotation winner = ((SaveResult.Saved) saved.getFirst()).annotation();
        assertThat(results).filteredOn(r -> r instanceof SaveResult.Conflict)
                .hasSize(THREADS - 1)
                .allSatisfy(r -> assertThat(((SaveResult.Conflict) r).current()).isEqualTo(winner));
        assertThat(annotations.history(id)).hasSize(1);
    }

    @Test
    void batchesInOppositeOrdersNeitherDeadlockNorLoseUpdates() throws Exception {
        String image = newImage();
        Annotation a = saved(annotations.create(Fixtures.draft(image, "start", 1)));
        Annotation b = saved(annotations.create(Fixtures.draft(image, "start", 2)));
        int rounds = 25;
        AtomicInteger applied = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(THREADS);

        runConcurrently(t -> {
            together.await();
            for (int k = 0; k < rounds; k++) {
                Annotation x = annotations.get(a.id()).orElseThrow(), y = annotations.get(b.id()).orElseThrow();
                List<Change> changes = new ArrayList<>(List.of(
                        new Change.Update(x.id(), x.revision(), Fixtures.moved(x, "w" + t, k)),
                        new Change.Update(y.id(), y.revision(), Fixtures.moved(y, "w" + t, k))));
                if (t % 2 == 1) changes = changes.reversed();
                switch (annotations.saveBatch(image, changes)) {
                    case BatchResult.Applied ignored -> applied.incrementAndGet();
                    case BatchResult.Rejected r -> assertThat(r.reason()).isInstanceOf(SaveResult.Conflict.class);
                }
            }
        });

        // each applied batch moved both annotations by exactly one revision, together
        assertThat(applied.get()).isPositive();
        assertThat(annotations.get(a.id()).orElseThrow().revision()).isEqualTo(1 + applied.get());
        assertThat(annotations.get(b.id()).orElseThrow().revision()).isEqualTo(1 + applied.get());
        Set<String> authorsOfA = annotations.history(a.id()).stream().skip(1).map(Revision::changedBy).collect(Collectors.toSet());
        assertThat(authorsOfA).isNotEmpty();
    }

    interface Worker {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Object>) () -> {
                    worker.run(thread);
                    return null;
                }));
            }
            for (Future<Object> f : done) f.get(60, TimeUnit.SECONDS); // rethrows any worker's failure
        } finally {
            pool.shutdownNow();
        }
    }
}
