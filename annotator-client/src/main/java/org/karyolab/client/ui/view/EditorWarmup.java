package org.karyolab.client.ui.view;

import com.fasterxml.jackson.core.type.TypeReference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.net.Json;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.canvas.Adjustments;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.ImageLayer;
import org.karyolab.client.ui.canvas.ImagePixels;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.tool.Tools;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * Gets the editor's code ready while the user is still on the sign-in, project and image screens,
 * so the first image opened in a fresh JVM does not pay for loading and first running it: on one
 * background thread (never touching a shown scene), the annotations' JSON decoding, the document and
 * its spatial index, PNG decoding into an image layer, and the editor's canvas, tools, side panels
 * and control skins built detached (which loads and initialises their classes). Nothing here waits:
 * opening an image does not wait for it, and a failure here only means the first open is slower.
 */
public final class EditorWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Thread thread;
    private static volatile boolean stopped;

    private EditorWarmup() {
    }

    /** Starts the warm-up once per JVM (later calls do nothing); returns at once. */
    public static void start() {
        if (Boolean.getBoolean("karyolab.noWarmup") || !STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(EditorWarmup::run, "karyolab-editor-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        thread = t;
        t.start();
    }

    /**
     * An image is being opened: the steps not yet begun are skipped. From here the open runs the same
     * code itself, and on 2 CPUs a warm-up beside it only slows it down (the cold first paint:
     * docs/BENCHMARKS.md, "Annotator client").
     */
    public static void stop() {
        stopped = true;
    }

    /** Waits for the warm-up to end (tests). */
    static void join() throws InterruptedException {
        Thread t = thread;
        if (t != null) t.join();
    }

    private static void run() {
        step(EditorWarmup::documentAndJson);
        step(EditorWarmup::pixels);
        step(EditorWarmup::controls);
    }

    private static void step(Runnable r) {
        if (stopped) return;
        long t0 = System.nanoTime();
        try {
            r.run();
            if (Boolean.getBoolean("karyolab.warmupLog")) System.err.printf("warm-up step %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the real open does the same work and reports its own errors
            if (Boolean.getBoolean("karyolab.warmupLog")) e.printStackTrace();
        }
    }

    /** The JSON of annotations and suggestions of every shape kind, read as {@code KaryoLabClient} reads it, into a document. */
    private static void documentAndJson() {
        List<Shape> shapes = List.of(new Box(10, 10, 20, 40), new RotatedBox(50, 50, 12, 40, 30),
                new Polygon(List.of(new Point(0, 0), new Point(10, 0), new Point(10, 30), new Point(0, 30))),
                new Polyline(List.of(new Point(5, 5), new Point(8, 20), new Point(9, 35))),
                new Keypoints(Map.of("p", new Point(3, 4), "q", new Point(7, 30))));
        List<Annotation> annotations = new ArrayList<>();
        List<ModelSuggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Shape s = shapes.get(i % shapes.size());
            var labels = AnnotationLabels.ofClass(ChromosomeClass.of(1 + i % 24), null);
            annotations.add(new Annotation("w" + i, "warmup", s, labels, Provenance.human("warmup"), 1, AnnotationStatus.DRAFT, null, null));
            suggestions.add(new ModelSuggestion("s" + i, "warmup", "model", "1", s, labels, 0.5, SuggestionState.OPEN, null));
        }
        List<Annotation> readA = Json.read(Json.write(annotations), new TypeReference<List<Annotation>>() {});
        List<ModelSuggestion> readS = Json.read(Json.write(suggestions), new TypeReference<List<ModelSuggestion>>() {});
        var asset = new ImageAsset("warmup", "0".repeat(64), 200, 200, 8, ImageKind.METAPHASE, Stain.G, null, "warmup", null, null);
        var doc = new ImageDocument(asset, "warmup");
        doc.load(readA, readS, null);
        var model = new EditorModel(doc, new UndoManager(doc));
        // the canvas and the tools, built detached: their classes and the shape painting set-up
        var canvas = new ImageCanvas(model);
        Tools.create(canvas);
        EditorExtension.listed(); // the extension list read and its classes loaded, as the first editor would
        new PalettePanel(c -> { });
        new AdjustmentPanel(model.adjustmentsProperty());
    }

    /** A PNG decoded into an image layer, as {@link ImageLoad} does with the thumbnail. */
    private static void pixels() {
        var img = new BufferedImage(256, 192, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 192; y++) for (int x = 0; x < 256; x++) img.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 0xff);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ImageLayer(ImagePixels.decode(out.toByteArray()), Adjustments.NONE, () -> { }).close();
    }

    /**
     * The kinds of controls the editor shows, detached, with their skins and the annotator's style
     * sheet applied in a scene of their own that is never shown (the CSS pass of a detached scene may
     * run on any thread).
     */
    private static void controls() {
        var toggle = new ToggleButton("Select  V");
        toggle.getStyleClass().add("tool-button");
        var slider = new Slider(0, 1, 0.5);
        var bar = new HBox(new Button("Undo"), toggle, new Separator(Orientation.VERTICAL), new Label("Case"));
        bar.getStyleClass().add("kl-toolbar");
        var side = new VBox(new Label("Suggestions"), slider, new CheckBox("Annotations  H"), new PalettePanel(c -> { }));
        side.getStyleClass().add("kl-side");
        var root = new BorderPane(new ScrollPane(side), bar, null, new Label("status"), null);
        root.getStyleClass().add("kl-root");
        root.getStylesheets().add(EditorWarmup.class.getResource("/org/karyolab/client/ui/karyolab.css").toExternalForm());
        if (Platform.isFxApplicationThread()) return;
        var scene = new Scene(root, 640, 400);
        root.applyCss();
        root.layout();
        scene.setRoot(new Pane());
    }
}
