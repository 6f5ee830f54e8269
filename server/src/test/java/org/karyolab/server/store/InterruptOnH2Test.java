package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.schema.Annotation;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.server.store.AnnotationRepositoryContract.saved;

/**
 * A thread interrupted while H2 writes (a cancelled request, an executor's shutdownNow) must not
 * take the database down for everybody: with H2's default file system an interrupt closes the
 * shared FileChannel and the database with it.
 */
class InterruptOnH2Test {

    @Test
    void interruptedWritersDoNotCloseTheDatabase(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            var projects = new ProjectRepository(db);
            var images = new ImageRepository(db);
            var annotations = new AnnotationRepository(db);
            String projectId = projects.create(Fixtures.project("interrupts")).orElseThrow().id();
            images.add(projectId, Fixtures.image("img"));
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();

            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 400; i++) {
                    Thread.interrupted(); // clear, keep going: we only want interrupts to land inside writes
                    try {
                        saved(annotations.create(Fixtures.draft("img", "w", i)));
                        written.incrementAndGet();
                    } catch (StoreException e) {
                        // an interrupted write may fail by itself; the database must survive it
                    } catch (Throwable t) {
                        failure.set(t);
                        return;
                    }
                }
            });
            while (writer.isAlive()) {
                writer.interrupt();
                Thread.sleep(0, 200_000);
            }

            assertThat(failure.get()).isNull();
            assertThat(db.isReachable()).as("database still open after interrupts").isTrue();
            Annotation after = saved(annotations.create(Fixtures.draft("img", "after", 1)));
            assertThat(annotations.get(after.id())).contains(after);
            assertThat(annotations.current("img")).hasSizeGreaterThanOrEqualTo(written.get() + 1);
        }
    }
}
