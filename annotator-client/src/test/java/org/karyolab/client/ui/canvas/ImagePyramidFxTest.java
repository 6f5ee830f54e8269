package org.karyolab.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.FxTesting;
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
import org.testfx.api.FxToolkit;

/** The canvas drawing from the image pyramid: image pixels land where the viewport says, at every zoom. */
class ImagePyramidFxTest {

    static final int SIZE = 4096;
    static final int DARK = 40;
    /** A bright square of image pixels [X, X+SIDE) x [Y, Y+SIDE) on a dark image. */
    static final int X = 1000, Y = 1200, SIDE = 64;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    private static ImageDocument document(List<Annotation> annotations) {
        var asset = new ImageAsset("big", "0".repeat(64), SIZE, SIZE, 8, ImageKind.METAPHASE, Stain.G, null, "c", null, null);
        var doc = new ImageDocument(asset, "me");
        doc.load(annotations, List.of(), null);
        return doc;
    }

    private static ImageCanvas show(ImageDocument doc, ImageLayer layer) throws Exception {
        var model = new EditorModel(doc, new UndoManager(doc));
        var canvas = onFx(() -> new ImageCanvas(model));
        FxToolkit.setupStage(stage -> {
            FxTesting.showAtOrigin(stage, canvas, 1200, 800);
        });
        onFx(() -> canvas.setImage(layer));
        FxTesting.await("laid out", () -> canvas.getWidth() > 1000);
        return canvas;
    }

    @Test
    void aKnownImagePixelAppearsWhereTheViewportPutsItAtEveryLevel() throws Exception {
        byte[] grey = new byte[SIZE * SIZE];
        Arrays.fill(grey, (byte) DARK);
        for (int y = Y; y < Y + SIDE; y++) Arrays.fill(grey, y * SIZE + X, y * SIZE + X + SIDE, (byte) 240);
        var layer = new ImageLayer(ImagePixels.ofGrey(SIZE, SIZE, grey), Adjustments.NONE, () -> { });
        assertThat(layer.levels()).hasSize(4);
        var canvas = show(document(List.of()), layer);

        // fitted (level 2, the 1024 px copy), level 1 at 0.45 and exactly 0.5, level 0 shrunk (0.7), 1:1 and zoomed in
        // (nearest-neighbour), all through the frame compositor; the last pass waits for the view to settle so the
        // zoomed-out frames are the filtered (bilinear) ones.
        for (double scale : new double[] {0, 0.45, 0.5, 0.7, 1, 3, -0.45, -0.7}) {
            boolean settle = scale < 0;
            double[] expected = onFx(() -> {
                if (scale == 0) {
                    canvas.fitImage();
                } else {
                    canvas.viewport().set(Math.abs(scale), 0, 0);
                    canvas.viewport().centerOn(X + 10.3, Y + 20.7);
                }
                canvas.draw();
                Viewport v = canvas.viewport();
                // The count of composed frames is read in the same FX turn as the draw that moved the view: the
                // settle timer cannot have fired yet, however slow the machine (read later, it could have).
                return new double[] {v.scale(), v.toScreenX(X + SIDE / 2.0), v.toScreenY(Y + SIDE / 2.0), SIDE * v.scale(),
                        canvas.composedFrames()};
            });
            if (settle) {
                long composed = (long) expected[4];
                FxTesting.await("the settled view recomposed", () -> canvas.composedFrames() > composed);
            }
            WritableImage shot = onFx(() -> canvas.snapshot(null, null));
            // The square's centre of brightness on screen, along a row and a column through it.
            double[] centre = brightCentre(shot, expected[1], expected[2], expected[3]);
            // Filtered (zoomed out): within 0.3 screen px. Zoomed in, the software renderer's nearest-neighbour
            // takes each screen pixel from the image point under its corner, not its centre: edges may land up
            // to one screen pixel late, a third of an image pixel at 3:1; a wrong source pixel would be 3 px off.
            double tolerance = expected[0] < 1 ? 0.5 : 1.0;
            assertThat(centre[0]).as("x of the square at scale %.3f", expected[0]).isCloseTo(expected[1], within(tolerance));
            assertThat(centre[1]).as("y of the square at scale %.3f", expected[0]).isCloseTo(expected[2], within(tolerance));
            // ... and its edges: bright just inside, dark just outside.
            PixelReader px = shot.getPixelReader();
            double half = expected[3] / 2;
            int row = (int) expected[2];
            assertThat(grey(px, (int) Math.floor(expected[1] - half) + 2, row)).isGreaterThan(200);
            assertThat(grey(px, (int) Math.ceil(expected[1] + half) - 3, row)).isGreaterThan(200);
            assertThat(grey(px, (int) Math.floor(expected[1] - half) - 2, row)).isLessThan(DARK + 15);
            assertThat(grey(px, (int) Math.ceil(expected[1] + half) + 1, row)).isLessThan(DARK + 15);
        }
        layer.close();
    }

    /**
     * The cached shape layer, composited over the image: a box annotation's outline lands where the viewport puts the
     * box, at the zoom the layer was rendered at (two zooms) and while a zoom shows the layer resampled before its re-render.
     */
    @Test
    void aBoxAnnotationAppearsWhereTheViewportPutsItAtTwoZooms() throws Exception {
        double bx = 1500.25, by = 1700.5, bw = 80, bh = 120;
        var labels = AnnotationLabels.ofClass(ChromosomeClass.of(2), null);
        var box = new Annotation("b", "big", new Box(bx, by, bw, bh), labels,
                Provenance.human("me"), 1, AnnotationStatus.DRAFT, null, null);
        byte[] grey = new byte[SIZE * SIZE];
        Arrays.fill(grey, (byte) DARK);
        var layer = new ImageLayer(ImagePixels.ofGrey(SIZE, SIZE, grey), Adjustments.NONE, () -> { });
        var canvas = show(document(List.of(box)), layer);
        Color color = ClassColors.of(labels);
        for (double scale : new double[] {0.5, 2, -2.3}) {
            boolean resampled = scale < 0;
            double[] expected = onFx(() -> {
                if (resampled) {
                    canvas.viewport().zoomAt(600, 400, 2.3 / 2); // shown from the 2:1 bitmap until it is re-rendered
                } else {
                    canvas.viewport().set(scale, 0, 0);
                    canvas.viewport().centerOn(bx + bw / 2 + 7.3, by + bh / 2 - 3.1);
                }
                canvas.draw();
                Viewport v = canvas.viewport();
                return new double[] {v.scale(), v.toScreenX(bx), v.toScreenX(bx + bw), v.toScreenY(by), v.toScreenY(by + bh)};
            });
            if (!resampled) {
                FxTesting.await("shape layer rendered", () -> !canvas.shapeLayerRendering());
                onFx(canvas::draw);
            }
            WritableImage shot = onFx(() -> canvas.snapshot(null, null));
            PixelReader px = shot.getPixelReader();
            int midY = (int) ((expected[3] + expected[4]) / 2), midX = (int) ((expected[1] + expected[2]) / 2);
            // The outline is a class-coloured stroke centred on the box's edge: its colour-weighted centre across each edge.
            double tolerance = resampled ? 0.5 + expected[0] / 2 : 0.6;
            String at = "at scale %.2f%s".formatted(expected[0], resampled ? " (bitmap resampled)" : "");
            assertThat(strokeCentre(px, color, expected[1], midY, true)).as("left edge " + at).isCloseTo(expected[1], within(tolerance));
            assertThat(strokeCentre(px, color, expected[2], midY, true)).as("right edge " + at).isCloseTo(expected[2], within(tolerance));
            assertThat(strokeCentre(px, color, expected[4], midX, false)).as("bottom edge " + at).isCloseTo(expected[4], within(tolerance));
        }
        layer.close();
    }

    /** Where along a row (or column) near {@code around} the pixels are most like {@code color}: weighted centre. */
    private static double strokeCentre(PixelReader px, Color color, double around, int line, boolean alongRow) {
        double s = 0, w = 0;
        for (int d = -5; d <= 5; d++) {
            int p = (int) Math.floor(around) + d;
            int argb = alongRow ? px.getArgb(p, line) : px.getArgb(line, p);
            double r = (argb >> 16 & 0xff) / 255.0, g = (argb >> 8 & 0xff) / 255.0, b = (argb & 0xff) / 255.0;
            double dist = Math.abs(r - color.getRed()) + Math.abs(g - color.getGreen()) + Math.abs(b - color.getBlue());
            double weight = Math.max(0, 0.6 - dist); // only near-class-colour pixels count
            s += weight * (p + 0.5);
            w += weight;
        }
        assertThat(w).as("class colour found near %.1f", around).isGreaterThan(0);
        return s / w;
    }

    /** Brightness-weighted centre of the square, from the row and column through the expected centre. */
    private static double[] brightCentre(WritableImage shot, double cx, double cy, double side) {
        PixelReader px = shot.getPixelReader();
        int reach = (int) Math.ceil(side) + 6;
        double sx = 0, wx = 0, sy = 0, wy = 0;
        for (int d = -reach; d <= reach; d++) {
            int x = (int) cx + d, y = (int) cy + d;
            double a = Math.max(0, grey(px, x, (int) cy) - DARK), b = Math.max(0, grey(px, (int) cx, y) - DARK);
            sx += a * (x + 0.5);
            wx += a;
            sy += b * (y + 0.5);
            wy += b;
        }
        return new double[] {sx / wx, sy / wy};
    }

    private static int grey(PixelReader px, int x, int y) {
        return px.getArgb(x, y) & 0xff;
    }

    @Test
    void screenshotsOfAMetaphaseWithItsOutlinesAtThreeZooms() throws Exception {
        var rods = FxTesting.rods(360, SIZE, SIZE, 11);
        var annotations = new ArrayList<Annotation>();
        for (int i = 0; i < rods.size(); i++) {
            List<Point> pts = new ArrayList<>();
            for (double[] p : rods.get(i).outline()) pts.add(new Point(p[0], p[1]));
            annotations.add(new Annotation("a" + i, "big", new Polygon(pts), AnnotationLabels.ofClass(ChromosomeClass.of(1 + i % 24), null),
                    Provenance.human("me"), 1, AnnotationStatus.DRAFT, null, null));
        }
        var layer = new ImageLayer(ImagePixels.decode(FxTesting.metaphase(SIZE, SIZE, rods, 11)), Adjustments.NONE, () -> { });
        var canvas = show(document(annotations), layer);
        var rod = rods.get(rods.size() / 2);
        double[][] views = {{0}, {0.35}, {2}};
        String[] names = {"pyramid-fitted", "pyramid-level1", "pyramid-2to1"};
        for (int i = 0; i < views.length; i++) {
            double scale = views[i][0];
            onFx(() -> {
                if (scale == 0) {
                    canvas.fitImage();
                } else {
                    canvas.viewport().set(scale, 0, 0);
                    canvas.viewport().centerOn(rod.cx(), rod.cy());
                }
                canvas.draw();
            });
            FxTesting.await("shape layer rendered", () -> !canvas.shapeLayerRendering());
            onFx(canvas::draw);
            FxTesting.screenshot(canvas, names[i]);
        }
        layer.close();
    }
}
