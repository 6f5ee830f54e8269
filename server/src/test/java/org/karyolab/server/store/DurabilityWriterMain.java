package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

import java.nio.file.Path;

/**
 * The child process of {@link KillDurabilityOnH2Test}: saves annotations as fast as it can and
 * acknowledges each save on stdout only after its commit returned. It never stops by itself.
 *
 * <pre>READY                      database open, project and image "img" created
 * ACK id revision            that revision of that annotation is committed</pre>
 */
public final class DurabilityWriterMain {
    private DurabilityWriterMain() {}

    public static void main(String[] args) {
        Database db = Database.open(StorageConfig.embedded(Path.of(args[0])));
        var annotations = new AnnotationRepository(db);
        String projectId = new ProjectRepository(db).create(Fixtures.project("durability")).orElseThrow().id();
        new ImageRepository(db).add(projectId, Fixtures.image("img"));
        ack("READY");
        for (int i = 0; ; i++) {
            // every annotation gets a history: created (x = i), then updated (x = i + 0.5)
            Annotation created = ((SaveResult.Saved) annotations.create(Fixtures.draft("img", "writer", i))).annotation();
            ack("ACK " + created.id() + " 1");
            if (!(annotations.update(created.id(), 1, Fixtures.moved(created, "writer", i + 0.5)) instanceof SaveResult.Saved)) {
                throw new IllegalStateException("single writer, no conflict expected");
            }
            ack("ACK " + created.id() + " 2");
        }
    }

    private static void ack(String line) {
        System.out.println(line);
        System.out.flush(); // into the pipe now: after a SIGKILL the parent still reads it
    }
}
