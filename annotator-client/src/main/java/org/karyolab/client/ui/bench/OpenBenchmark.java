package org.karyolab.client.ui.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.karyolab.client.net.ImageInfo;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.ProjectInfo;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.view.EditorView;

/**
 * Opening an image from a running server, the way the annotator does it ({@code KaryoLabApp.openImage}):
 * {@link Autosave#open} (image record, annotations, suggestions), then an {@link EditorView} whose
 * {@code loadImage} fetches the thumbnail and the full image. Timed from "open requested" to: the
 * document loaded, the thumbnail painted (first paint of the image) and the full resolution painted.
 * "Painted" is when JavaFX's renderer has finished the first frame whose canvas holds that image.
 */
final class OpenBenchmark {

    record Run(long documentNs, long thumbnailNs, long fullNs, int annotations, int suggestions) {}

    record Result(String server, String imageId, int width, int height, List<Run> runs) {}

    private final ClientBenchmark.Options options;

    OpenBenchmark(ClientBenchmark.Options options) {
        this.options = options;
    }

    Result run() throws Exception {
        var client = new KaryoLabClient(options.server(), Duration.ofSeconds(30));
        client.login(options.user(), options.password());
        String imageId = options.image() != null ? options.image() : firstImage(client);
        ImageInfo info = client.image(imageId);
        Stage stage = onFx(() -> {
            var s = new Stage();
            s.setScene(new Scene(new StackPane(), options.width(), options.height()));
            s.show();
            return s;
        });
        List<Run> runs = new ArrayList<>();
        try (FrameClock clock = onFx(() -> new FrameClock(stage.getScene()))) {
            for (int r = 0; r < options.opens(); r++) runs.add(open(client, imageId, stage, clock));
        } finally {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        return new Result(options.server(), imageId, info.width(), info.height(), runs);
    }

    /** The first image of the demo project, or of the first project with images. */
    private static String firstImage(KaryoLabClient client) {
        List<ProjectInfo> projects = new ArrayList<>(client.projects());
        projects.sort(Comparator.comparing((ProjectInfo p) -> !p.project().name().startsWith("Demo")));
        for (ProjectInfo p : projects) {
            var page = client.images(p.id(), 1, null);
            if (!page.items().isEmpty()) return page.items().getFirst().id();
        }
        throw new IllegalStateException("the server has no image this user can open; give --image ID");
    }

    private Run open(KaryoLabClient client, String imageId, Stage stage, FrameClock clock) throws Exception {
        Path journal = Files.createTempDirectory("karyolab-bench-journal");
        var state = new Object() {
            volatile EditorView editor;
            long t0;
            volatile long documentAt;
            volatile long thumbnailAt;
            volatile long fullAt;
            volatile boolean thumbnailInFrame;
            volatile boolean fullInFrame;
        };
        var done = new CompletableFuture<Run>();
        // In each pulse (JavaFX thread, before the sync to the renderer): once the canvas holds an image,
        // draw it into this very frame, so the next painted frame is the first one showing it.
        clock.onPulse(() -> {
            EditorView e = state.editor;
            if (e == null) return;
            if (!state.thumbnailInFrame && e.canvas().shownImage() != null) {
                e.canvas().draw();
                state.thumbnailInFrame = true;
            }
            if (!state.fullInFrame && e.fullImageShown()) {
                e.canvas().draw();
                state.fullInFrame = true;
            }
        });
        clock.onRendered(() -> {
            long now = System.nanoTime();
            if (state.thumbnailInFrame && state.thumbnailAt == 0) state.thumbnailAt = now;
            if (state.fullInFrame && state.fullAt == 0) {
                state.fullAt = now;
                EditorView e = state.editor;
                done.complete(new Run(state.documentAt - state.t0, state.thumbnailAt - state.t0, state.fullAt - state.t0,
                        e.model().document().size(), e.model().document().openSuggestions().size()));
            }
        });
        Platform.runLater(() -> {
            state.t0 = System.nanoTime();
            Fx.async(() -> Autosave.open(client, imageId, journal, Autosave.Settings.DEFAULT), autosave -> {
                state.documentAt = System.nanoTime();
                var editor = new EditorView(autosave, null);
                state.editor = editor;
                stage.getScene().setRoot(editor);
                editor.loadImage();
            }, done::completeExceptionally);
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } finally {
            clock.onPulse(null);
            clock.onRendered(null);
            EditorView e = state.editor;
            if (e != null) {
                e.close();
                onFx(() -> {
                    stage.getScene().setRoot(new StackPane());
                    return null;
                });
            }
            delete(journal);
        }
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is harmless
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        var f = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
