package org.karyolab.client.ui.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.canvas.Adjustments;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.ImageLayer;
import org.karyolab.client.ui.canvas.ImagePixels;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * Pan and zoom frame times of the real {@link ImageCanvas} on a big, crowded image, over a scripted
 * sequence of viewport moves, run twice:
 * <ol>
 * <li><b>lock-step</b>: one frame at a time: move the viewport and {@link ImageCanvas#draw()} on the
 * JavaFX thread, then wait until JavaFX has synced and painted it. Frame time = the draw call + (pulse
 * start to frame painted): all the work of a frame, with the idle wait for the next pulse tick left
 * out and no overlap between the JavaFX and render threads (so a little pessimistic);</li>
 * <li><b>continuous</b>: an {@link AnimationTimer} moves and draws on every pulse, as a drag does, at
 * JavaFX's normal pulse rate (60 Hz); the gaps between painted frames show what a user sees.</li>
 * </ol>
 */
final class FrameBenchmark {

    /** A phase of the script: what it does, over which share of the frames. */
    record Phase(String name, double share) {}

    static final List<Phase> PHASES = List.of(new Phase("pan, whole image", 0.2), new Phase("zoom in to 1:1", 0.25),
            new Phase("pan at 1:1", 0.25), new Phase("zoom 1:1 to 4:1 and back", 0.15), new Phase("zoom out to whole", 0.15));

    record Result(Stats lockStep, Map<String, Stats> byPhase, Stats draw, Stats render, Stats continuousGaps,
                  double continuousFps, int maxDrawn, int minDrawn, Stats composite) {}

    private final ClientBenchmark.Options options;
    private ImageCanvas canvas;
    private ImageLayer layer;
    private Stage stage;
    private double fitScale;

    FrameBenchmark(ClientBenchmark.Options options) {
        this.options = options;
    }

    Result run() throws Exception {
        ImageDocument doc = document(options.imageSize(), options.shapes(), options.suggestions());
        var model = new EditorModel(doc, new UndoManager(doc));
        byte[] grey = pixels(options.imageSize());
        layer = new ImageLayer(ImagePixels.ofGrey(options.imageSize(), options.imageSize(), grey), Adjustments.NONE, () -> { });
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            canvas = new ImageCanvas(model);
            stage = new Stage();
            stage.setScene(new Scene(canvas, options.width(), options.height()));
            stage.show();
            canvas.setImage(layer);
            canvas.layout();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        try (FrameClock clock = onFx(() -> new FrameClock(stage.getScene()))) {
            // warm-up: the JIT and the software pipeline's caches, not measured
            lockStep(clock, Math.min(200, options.frames()));
            LockStep measured = lockStep(clock, options.frames());
            Continuous continuous = continuous(clock, options.frames());
            Map<String, Stats> byPhase = new LinkedHashMap<>();
            int from = 0;
            for (int p = 0; p < PHASES.size(); p++) {
                int to = p == PHASES.size() - 1 ? options.frames() : from + (int) Math.round(PHASES.get(p).share() * options.frames());
                byPhase.put(PHASES.get(p).name(), Stats.of(measured.total.subList(from, to)));
                from = to;
            }
            return new Result(Stats.of(measured.total), byPhase, Stats.of(measured.draw), Stats.of(measured.render),
                    Stats.of(continuous.gaps), continuous.fps, measured.maxDrawn, measured.minDrawn, Stats.of(measured.composite));
        } finally {
            onFx(() -> {
                stage.close();
                return null;
            });
            layer.close();
        }
    }

    // --- the script -------------------------------------------------------------------------------

    /** Puts the viewport where frame {@code i} of {@code n} wants it. Frame 0 starts from the whole image. */
    void step(int i, int n) {
        Viewport v = canvas.viewport();
        double size = options.imageSize();
        if (i == 0) {
            canvas.fitImage();
            fitScale = v.scale();
        }
        int from = 0;
        for (int p = 0; p < PHASES.size(); p++) {
            int len = p == PHASES.size() - 1 ? n - from : (int) Math.round(PHASES.get(p).share() * n);
            if (i < from + len) {
                int k = i - from, left = len - k;
                double cx = v.screenWidth() / 2, cy = v.screenHeight() / 2;
                switch (p) {
                    case 0 -> v.panBy(6 * Math.cos(k * 0.15), 6 * Math.sin(k * 0.15)); // small circles
                    case 1 -> { // towards the image point at 40 %, 45 %
                        v.zoomAt(cx, cy, Math.pow(1.0 / v.scale(), 1.0 / left));
                        if (k == 0) v.centerOn(size * 0.4, size * 0.45);
                    }
                    case 2 -> v.panBy(-14 * Math.cos(k * 0.02), -10 * Math.sin(k * 0.03)); // ~840 px/s at 60 fps
                    case 3 -> v.zoomAt(cx, cy, k < len / 2 ? Math.pow(4.0, 2.0 / len) : Math.pow(0.25, 2.0 / len));
                    default -> v.zoomAt(cx, cy, Math.pow(fitScale / v.scale(), 1.0 / left));
                }
                return;
            }
            from += len;
        }
    }

    // --- lock-step --------------------------------------------------------------------------------

    private static final class LockStep {
        final List<Long> total = new ArrayList<>();
        final List<Long> draw = new ArrayList<>();
        final List<Long> render = new ArrayList<>();
        /** Of the draw time, what the frame compositor took (image and shape layer composited in Java). */
        final List<Long> composite = new ArrayList<>();
        int maxDrawn;
        int minDrawn = Integer.MAX_VALUE;
    }

    private LockStep lockStep(FrameClock clock, int n) throws Exception {
        var out = new LockStep();
        var done = new CompletableFuture<LockStep>();
        var state = new Object() {
            int i;
            long drawnAtStep;
            long composedAtStep;
            volatile long render;
            volatile long pulseAt;
            volatile boolean awaitingPulse;
            volatile boolean awaitingRender;
        };
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (state.i > 0) {
                // Frame i-1's draw time: every draw() from its step to now, also those the canvas asked for
                // itself in between (the next slice of a shape-layer re-render), not only the scripted one.
                long draw = canvas.drawNanos() - state.drawnAtStep;
                out.draw.add(draw);
                out.render.add(state.render);
                out.total.add(draw + state.render);
                out.composite.add(canvas.composeNanos() - state.composedAtStep);
            }
            if (state.i == n) {
                done.complete(out);
                return;
            }
            state.drawnAtStep = canvas.drawNanos();
            state.composedAtStep = canvas.composeNanos();
            step(state.i, n);
            canvas.draw();
            int drawn = canvas.lastDrawnAnnotations() + canvas.lastDrawnSuggestions();
            out.maxDrawn = Math.max(out.maxDrawn, drawn);
            out.minDrawn = Math.min(out.minDrawn, drawn);
            state.awaitingPulse = true;
        };
        clock.onPulse(() -> {
            if (state.awaitingPulse) {
                state.awaitingPulse = false;
                state.pulseAt = System.nanoTime();
                state.awaitingRender = true;
            }
        });
        clock.onRendered(() -> {
            if (!state.awaitingRender) return;
            long rendered = System.nanoTime();
            state.awaitingRender = false;
            state.render = rendered - state.pulseAt;
            state.i++;
            Platform.runLater(next[0]);
        });
        Platform.runLater(next[0]);
        try {
            return done.get(Math.max(60, n / 2), TimeUnit.SECONDS);
        } finally {
            clock.onPulse(null);
            clock.onRendered(null);
        }
    }

    // --- continuous -------------------------------------------------------------------------------

    private record Continuous(List<Long> gaps, double fps) {}

    private Continuous continuous(FrameClock clock, int n) throws Exception {
        List<Long> rendered = new ArrayList<>();
        var done = new CompletableFuture<Void>();
        clock.onRendered(() -> {
            synchronized (rendered) {
                rendered.add(System.nanoTime());
            }
        });
        var timer = new AnimationTimer() {
            int i;

            @Override
            public void handle(long now) {
                if (i == n) {
                    stop();
                    done.complete(null);
                    return;
                }
                step(i++, n);
                canvas.draw();
            }
        };
        Platform.runLater(timer::start);
        try {
            done.get(Math.max(60, n), TimeUnit.SECONDS);
        } finally {
            clock.onRendered(null);
        }
        List<Long> times;
        synchronized (rendered) {
            times = List.copyOf(rendered);
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) gaps.add(times.get(i) - times.get(i - 1));
        double seconds = times.size() < 2 ? Double.NaN : (times.getLast() - times.getFirst()) / 1e9;
        return new Continuous(gaps, (times.size() - 1) / seconds);
    }

    // --- the scene --------------------------------------------------------------------------------

    /**
     * {@code shapes} annotations spread over the image, chromosome-sized (30-90 px long) and mixed as an
     * annotated metaphase is: 60 % outlines (polygons of 20 points), 15 % medial axes, 15 % boxes,
     * 10 % rotated boxes; plus {@code suggestions} open model suggestions (boxes). Seeded.
     */
    static ImageDocument document(int size, int shapes, int suggestions) {
        var asset = new ImageAsset("bench", "0".repeat(64), size, size, 8, ImageKind.METAPHASE, Stain.G, null, "bench", null, null);
        var doc = new ImageDocument(asset, "bench");
        var rnd = new SplittableRandom(42);
        List<Annotation> list = new ArrayList<>(shapes);
        for (int i = 0; i < shapes; i++) {
            double r = rnd.nextDouble();
            Shape s = r < 0.6 ? outline(rnd, size) : r < 0.75 ? axis(rnd, size) : r < 0.9 ? box(rnd, size) : rotated(rnd, size);
            list.add(new Annotation("a" + i, "bench", s, AnnotationLabels.ofClass(ChromosomeClass.of(1 + i % 24), null),
                    Provenance.human("bench"), 1, AnnotationStatus.DRAFT, null, null));
        }
        List<ModelSuggestion> open = new ArrayList<>(suggestions);
        for (int i = 0; i < suggestions; i++) {
            open.add(new ModelSuggestion("s" + i, "bench", "bench-model", "1", box(rnd, size),
                    AnnotationLabels.ofClass(ChromosomeClass.of(1 + i % 24), null), 0.5 + rnd.nextDouble() / 2, SuggestionState.OPEN, null));
        }
        doc.load(list, open, null);
        return doc;
    }

    private static Polygon outline(SplittableRandom rnd, int size) {
        double len = 30 + rnd.nextDouble() * 60, half = 5 + rnd.nextDouble() * 4, a = rnd.nextDouble() * Math.PI;
        double cx = 60 + rnd.nextDouble() * (size - 120), cy = 60 + rnd.nextDouble() * (size - 120);
        double ux = Math.cos(a), uy = Math.sin(a);
        List<Point> pts = new ArrayList<>(20);
        for (int k = 0; k < 20; k++) { // a capsule: two half circles joined by the sides
            double t = k / 20.0 * 2 * Math.PI;
            double along = (k < 10 ? 1 : -1) * (len / 2 - half) + half * Math.sin(t);
            double across = half * Math.cos(t);
            pts.add(new Point(cx + along * ux - across * uy, cy + along * uy + across * ux));
        }
        return new Polygon(pts);
    }

    private static Polyline axis(SplittableRandom rnd, int size) {
        double len = 30 + rnd.nextDouble() * 60, a = rnd.nextDouble() * Math.PI;
        double x = 60 + rnd.nextDouble() * (size - 120), y = 60 + rnd.nextDouble() * (size - 120);
        List<Point> pts = new ArrayList<>(8);
        for (int k = 0; k < 8; k++) {
            double bend = Math.sin(k / 7.0 * Math.PI) * 4;
            pts.add(new Point(x + Math.cos(a) * len * k / 7 - Math.sin(a) * bend, y + Math.sin(a) * len * k / 7 + Math.cos(a) * bend));
        }
        return new Polyline(pts);
    }

    private static Box box(SplittableRandom rnd, int size) {
        double w = 12 + rnd.nextDouble() * 40, h = 25 + rnd.nextDouble() * 60;
        return new Box(rnd.nextDouble() * (size - w - 1), rnd.nextDouble() * (size - h - 1), w, h);
    }

    private static RotatedBox rotated(SplittableRandom rnd, int size) {
        return new RotatedBox(60 + rnd.nextDouble() * (size - 120), 60 + rnd.nextDouble() * (size - 120), 12 + rnd.nextDouble() * 8,
                30 + rnd.nextDouble() * 60, rnd.nextDouble() * 180 - 90);
    }

    /** A metaphase-like grey image: light, smoothly varying background with noise. */
    static byte[] pixels(int size) {
        byte[] grey = new byte[size * size];
        var rnd = new SplittableRandom(7);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 215 + 20 * Math.sin(x / 300.0) * Math.cos(y / 410.0) + rnd.nextInt(12);
                grey[y * size + x] = (byte) Math.clamp((int) v, 0, 255);
            }
        }
        return grey;
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return OnFx.call(c);
    }
}
