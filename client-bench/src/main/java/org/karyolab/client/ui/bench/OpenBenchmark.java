package org.karyolab.client.ui.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.view.AnnotationLoading;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.client.ui.view.EditorWarmup;
import org.karyolab.client.ui.view.ImageLoad;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.Shape;

/**
 * Opening an image from a running server, the way the annotator does it ({@code KaryoLabApp.openImage}):
 * {@link Autosave#open} (image record, annotations, suggestions), then an {@link EditorView} whose
 * {@code loadImage} fetches the thumbnail and the full image. Timed from "open requested" to: the
 * document loaded, the thumbnail painted (first paint of the image) and the full resolution painted.
 * "Painted" is when JavaFX's renderer has finished the first frame whose canvas holds that image.
 */
final class OpenBenchmark {

    /**
     * One open, in ns from the request: {@code documentNs} the annotations loaded into the document (the editor's
     * {@code loadAnnotations} done), {@code thumbnailNs} first paint (the thumbnail), {@code annotationsNs} the first
     * frame with every shape painted, {@code fullNs} full resolution painted. With {@code -Dkaryolab.bench.blockingOpen=true}
     * the open is the old one ({@code Autosave.open}, then the editor), for comparison.
     */
    record Run(long documentNs, long thumbnailNs, long fullNs, long annotationsNs, int annotations, int suggestions) {}

    /** The editor waits for the annotations before it shows (the open before the progressive one). */
    static final boolean BLOCKING = Boolean.getBoolean("karyolab.bench.blockingOpen");

    record Result(String server, String imageId, int width, int height, List<Run> runs) {}

    private final ClientBenchmark.Options options;

    OpenBenchmark(ClientBenchmark.Options options) {
        this.options = options;
    }

    Result run() throws Exception {
        var client = new KaryoLabClient(options.server(), Duration.ofSeconds(30));
        client.login(options.user(), options.password());
        String imageId = options.image() != null ? options.image() : options.generated() ? generatedImage(client) : firstImage(client);
        ImageInfo info = client.image(imageId);
        Stage stage = onFx(() -> {
            var s = new Stage();
            s.setScene(new Scene(new StackPane(), options.width(), options.height()));
            s.show();
            // as KaryoLabApp.start does when its window is shown; the first open is requested right after, without waiting for it
            if (options.warmup()) EditorWarmup.start();
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

    /** Projects, the demo's first. */
    private static List<ProjectInfo> projects(KaryoLabClient client) {
        List<ProjectInfo> projects = new ArrayList<>(client.projects());
        projects.sort(Comparator.comparing((ProjectInfo p) -> !p.project().name().startsWith("Demo")));
        return projects;
    }

    /**
     * The workload as an image on the server: {@code --image-size}² grey pixels (the frame
     * benchmark's) with {@code --shapes} annotations (the frame benchmark's mix, seeded). Uploaded to
     * the first project the first time, in batches; found again by its case id on later runs.
     */
    private String generatedImage(KaryoLabClient client) {
        int size = options.imageSize(), shapes = options.shapes();
        String caseId = "bench-open-" + size + "-" + shapes;
        ProjectInfo project = projects(client).getFirst();
        String after = null;
        do {
            var page = client.images(project.id(), 100, after);
            for (ImageInfo i : page.items()) {
                if (caseId.equals(i.caseId()) && annotationCount(i.id()) == shapes) return i.id();
            }
            after = page.next();
        } while (after != null);
        System.out.printf("  uploading a generated %dx%d image with %,d annotations (case %s)...%n", size, size, shapes, caseId);
        var img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = FrameBenchmark.pixels(size);
        System.arraycopy(grey, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, grey.length);
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String imageId = client.uploadImage(project.id(), png.toByteArray(), "image/png", caseId).id();
        List<BatchOperation> batch = new ArrayList<>();
        for (var a : FrameBenchmark.document(size, shapes, 0).annotations()) {
            batch.add(BatchOperation.create(new Annotation(UUID.randomUUID().toString(),
                    imageId, inside(a.shape(), size), a.labels(), a.provenance(), 1, a.status(), null, null)));
            if (batch.size() == 500) {
                client.saveBatch(imageId, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) client.saveBatch(imageId, batch);
        return imageId;
    }

    /**
     * How many annotations an image has, counted in the raw JSON with a login of its own: reading
     * them through the client would warm its JSON decoding up before the cold open is measured.
     */
    private int annotationCount(String imageId) {
        try (var http = HttpClient.newHttpClient()) {
            String base = options.server().replaceAll("/+$", "") + "/api/v1";
            String login = "{\"username\":\"" + options.user() + "\",\"password\":\"" + options.password() + "\"}";
            String session = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(session);
            if (!m.find()) return -1;
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/images/" + imageId + "/annotations"))
                    .header("Authorization", "Bearer " + m.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            int n = 0;
            for (int i = body.indexOf("\"shape\""); i >= 0; i = body.indexOf("\"shape\"", i + 1)) n++;
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The generated outlines and axes may poke a few pixels out of the image; the server refuses that. */
    private static Shape inside(Shape s, int size) {
        UnaryOperator<List<Point>> clamp = pts -> pts.stream()
                .map(p -> new Point(Math.clamp(p.x(), 0, size), Math.clamp(p.y(), 0, size))).toList();
        return switch (s) {
            case Polygon p -> new Polygon(clamp.apply(p.exterior()), p.holes());
            case Polyline l -> new Polyline(clamp.apply(l.points()));
            default -> s;
        };
    }

    /** The first image of the demo project, or of the first project with images. */
    private static String firstImage(KaryoLabClient client) {
        for (ProjectInfo p : projects(client)) {
            var page = client.images(p.id(), 1, null);
            if (!page.items().isEmpty()) return page.items().getFirst().id();
        }
        throw new IllegalStateException("the server has no image this user can open; give --image ID");
    }

    private Run open(KaryoLabClient client, String imageId, Stage stage, FrameClock clock) throws Exception {
        Path journal = Files.createTempDirectory("karyolab-bench-journal");
        var state = new Object() {
            volatile EditorView editor;
            volatile long t0;
            volatile long documentAt;
            volatile long thumbnailAt;
            volatile long fullAt;
            volatile long annotationsAt;
            volatile boolean thumbnailInFrame;
            volatile boolean fullInFrame;
            volatile boolean annotationsInFrame;
        };
        var done = new CompletableFuture<Run>();
        // In each pulse (JavaFX thread, before the sync to the renderer): once the canvas holds an image,
        // draw it into this very frame, so the next painted frame is the first one showing it. Likewise
        // for the annotations once they are in the document, when the shape layer is complete (not mid-slices).
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
            if (!state.annotationsInFrame && state.documentAt != 0 && e.canvas().shownImage() != null) {
                e.canvas().draw();
                state.annotationsInFrame = !e.canvas().shapeLayerRendering();
            }
        });
        clock.onRendered(() -> {
            long now = System.nanoTime();
            if (state.thumbnailInFrame && state.thumbnailAt == 0) state.thumbnailAt = now;
            if (state.fullInFrame && state.fullAt == 0) state.fullAt = now;
            if (state.annotationsInFrame && state.annotationsAt == 0) state.annotationsAt = now;
            if (state.fullAt != 0 && state.annotationsAt != 0 && !done.isDone()) {
                EditorView e = state.editor;
                done.complete(new Run(state.documentAt - state.t0, state.thumbnailAt - state.t0, state.fullAt - state.t0,
                        state.annotationsAt - state.t0, e.model().document().size(), e.model().document().openSuggestions().size()));
            }
        });
        state.t0 = System.nanoTime(); // the request, not when the JavaFX thread gets to it
        Platform.runLater(() -> {
            var pixels = ImageLoad.start(client, imageId); // as KaryoLabApp.openImage: the pixels while the annotations load
            if (BLOCKING) {
                Fx.async(() -> Autosave.open(client, imageId, journal, Autosave.Settings.DEFAULT), autosave -> {
                    state.documentAt = System.nanoTime();
                    var editor = new EditorView(autosave, null);
                    state.editor = editor;
                    stage.getScene().setRoot(editor);
                    editor.loadImageFrom(pixels);
                }, err -> {
                    pixels.close();
                    done.completeExceptionally(err);
                });
                return;
            }
            // as KaryoLabApp.openImage: the editor on an empty document as soon as the image record is here
            Fx.async(() -> Autosave.prepare(client, client.image(imageId), journal, Autosave.Settings.DEFAULT), autosave -> {
                var editor = new EditorView(autosave, null);
                state.editor = editor;
                stage.getScene().setRoot(editor);
                editor.loadImageFrom(pixels);
                var loading = editor.loadAnnotations(() -> state.documentAt = System.nanoTime());
                loading.stateProperty().addListener((o, was, now) -> {
                    if (now == AnnotationLoading.State.FAILED) {
                        done.completeExceptionally(new IllegalStateException("the annotations did not load"));
                    }
                });
            }, err -> {
                pixels.close();
                done.completeExceptionally(err);
            });
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

    private static <T> T onFx(Callable<T> c) throws Exception {
        return OnFx.call(c);
    }
}
