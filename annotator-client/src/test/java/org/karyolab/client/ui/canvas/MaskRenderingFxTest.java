package org.karyolab.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.review.ReviewTool;
import org.karyolab.client.ui.tool.BoxTool;
import org.karyolab.client.ui.tool.BrushTool;
import org.karyolab.client.ui.tool.KeypointsTool;
import org.karyolab.client.ui.tool.PolygonTool;
import org.karyolab.client.ui.tool.PolylineTool;
import org.karyolab.client.ui.tool.RotatedBoxTool;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.client.ui.tool.SplitTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Mask;
import org.testfx.api.FxToolkit;

/**
 * Issue 10, item 5: a mask is drawn as what it is, its pixels tinted in the class colour and its contour, whatever
 * the tool (before, only a dashed bounding box, and the pixels only while the brush was active).
 */
class MaskRenderingFxTest {

    static final int W = 300;
    static final int H = 200;
    static final int GREY = 200;
    /** Mask pixels: x 100..159, y 60..119 (class 8, one of the dark blue classes), and a disc (class 1). */
    static final int X0 = 100;
    static final int Y0 = 60;
    static final int SIDE = 60;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Annotation mask(String id, ChromosomeClass c, boolean[] pixels) {
        return new Annotation(id, "img", Mask.encode(W, H, pixels), AnnotationLabels.ofClass(c, null), Provenance.human("me"), 1,
                AnnotationStatus.DRAFT, null, null);
    }

    private record Scene(ImageDocument doc, ImageCanvas canvas) {
    }

    private Scene show() throws Exception {
        boolean[] square = new boolean[W * H];
        for (int y = Y0; y < Y0 + SIDE; y++) for (int x = X0; x < X0 + SIDE; x++) square[y * W + x] = true;
        boolean[] disc = new boolean[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) disc[y * W + x] = Math.hypot(x + 0.5 - 240, y + 0.5 - 150) < 25;
        var asset = new ImageAsset("img", "0".repeat(64), W, H, 8, ImageKind.METAPHASE, Stain.G, null, "c", null, null);
        var doc = new ImageDocument(asset, "me");
        doc.load(List.of(mask("square", ChromosomeClass.of(8), square), mask("disc", ChromosomeClass.of(1), disc)), List.of(), null);
        var model = new EditorModel(doc, new UndoManager(doc));
        var canvas = onFx(() -> new ImageCanvas(model));
        byte[] grey = new byte[W * H];
        Arrays.fill(grey, (byte) GREY);
        onFx(() -> canvas.setImage(new ImageLayer(ImagePixels.ofGrey(W, H, grey), Adjustments.NONE, canvas::repaint)));
        FxToolkit.setupStage(stage -> FxTesting.showAtOrigin(stage, canvas, 400, 300));
        FxTesting.await("laid out", () -> canvas.getWidth() > 390);
        return new Scene(doc, canvas);
    }

    /** Draws a frame with {@code tool} at zoom {@code scale} (image origin at the canvas origin) and returns it. */
    private static WritableImage frame(ImageCanvas canvas, Tool tool, double scale) throws Exception {
        return onFx(() -> {
            canvas.toolProperty().set(tool);
            canvas.viewport().set(scale, 0, 0);
            canvas.draw();
            return canvas.snapshot(null, null);
        });
    }

    /** The frame's colour at image pixel (x, y), read at the pixel's centre. */
    private static Color at(WritableImage frame, double scale, int x, int y) {
        return frame.getPixelReader().getColor((int) ((x + 0.5) * scale), (int) ((y + 0.5) * scale));
    }

    /** The grey background with {@code c} over it at the mask's opacity. */
    private static Color tinted(Color c) {
        double a = MaskRendering.FILL_ALPHA, g = GREY / 255.0;
        return Color.color(c.getRed() * a + g * (1 - a), c.getGreen() * a + g * (1 - a), c.getBlue() * a + g * (1 - a));
    }

    private static void assertClose(Color actual, Color expected, String where) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as(where + " red of " + actual + " vs " + expected).isLessThan(0.03);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as(where + " green of " + actual + " vs " + expected).isLessThan(0.03);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as(where + " blue of " + actual + " vs " + expected).isLessThan(0.03);
    }

    private static void assertMasksShown(WritableImage frame, double scale, String tool) {
        Color grey = Color.grayRgb(GREY);
        Color square = ClassColors.of(ChromosomeClass.of(8)), disc = ClassColors.of(ChromosomeClass.of(1));
        // Inside: tinted with the class colour (several points, away from the contour).
        for (int[] p : new int[][] {{X0 + 5, Y0 + 5}, {X0 + 30, Y0 + 30}, {X0 + SIDE - 6, Y0 + SIDE - 6}}) {
            assertClose(at(frame, scale, p[0], p[1]), tinted(square), tool + ": in the class-8 mask at " + Arrays.toString(p));
        }
        assertClose(at(frame, scale, 240, 150), tinted(disc), tool + ": in the class-1 mask");
        // Outside, away from both: the image as it is.
        for (int[] p : new int[][] {{30, 30}, {X0 + SIDE + 20, Y0 + 10}, {X0 + 30, Y0 - 20}, {200, 190}}) {
            assertClose(at(frame, scale, p[0], p[1]), grey, tool + ": outside at " + Arrays.toString(p));
        }
        // The contour: the pixel just outside the square's left edge is no longer the plain background.
        Color edge = at(frame, scale, X0 - 1, Y0 + 30);
        assertThat(Math.abs(edge.getBrightness() - grey.getBrightness()) + Math.abs(edge.getSaturation() - grey.getSaturation()))
                .as(tool + ": the contour just left of the square, " + edge).isGreaterThan(0.08);
    }

    @Test
    void masksShowTheirPixelsAndContourInEveryTool() throws Exception {
        Scene s = show();
        ImageCanvas canvas = s.canvas();
        List<Function<ToolContext, Tool>> tools = List.of(SelectTool::new, BoxTool::new, RotatedBoxTool::new, PolygonTool::new,
                KeypointsTool::new, PolylineTool::new, SplitTool::new, c -> new BrushTool(c, false), c -> new BrushTool(c, true),
                c -> new ReviewTool(c, id -> { }));
        for (var make : tools) {
            Tool tool = onFx(() -> make.apply(canvas));
            WritableImage frame = frame(canvas, tool, 1);
            assertMasksShown(frame, 1, tool.name());
        }
        FxTesting.screenshot(canvas, "masks-select-tool");
    }

    @Test
    void aSelectedMaskAndAZoomedInOneAreShownToo() throws Exception {
        Scene s = show();
        ImageCanvas canvas = s.canvas();
        Tool select = onFx(() -> new SelectTool(canvas));
        // Selected: drawn live over the cached layer, still its pixels (not a second tint over them).
        onFx(() -> s.doc().select(Set.of("square")));
        assertMasksShown(frame(canvas, select, 1), 1, "Select, square selected");
        // The brush with the mask selected (not painting): the same picture as every other tool.
        Tool brush = onFx(() -> new BrushTool(canvas, false));
        assertMasksShown(frame(canvas, brush, 1), 1, "Brush, square selected");
        onFx(() -> s.doc().select(Set.of()));
        // Zoomed in (1.25x: the whole square still on screen): pixels stay square and tinted.
        assertMasksShown(frame(canvas, select, 1.25), 1.25, "Select at 125%");
        FxTesting.screenshot(canvas, "masks-zoomed");
    }
}
