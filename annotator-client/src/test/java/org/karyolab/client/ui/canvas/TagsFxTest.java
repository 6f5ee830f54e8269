package org.karyolab.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.review.ReviewColors;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Box;
import org.testfx.api.FxToolkit;

/**
 * Issue 10, item 8: on a crowded metaphase the class tags do not hide each other ({@link TagLayout}), and every
 * tag's text, as drawn, has a contrast of at least 4.5:1 with its background (before: classes 8, 13 and 21 on a
 * suggestion's near-black tag were about 3-4:1, and tags were all put at their shape's corner, over each other).
 */
class TagsFxTest {

    static final int W = 420;
    static final int H = 300;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A 46-chromosome cell packed into a small image, each rod boxed and classed, with model suggestions over ten of them. */
    private static ImageCanvas crowdedCell() throws Exception {
        List<Rod> rods = FxTesting.rods(46, W, H, 46);
        var asset = new ImageAsset("img", "0".repeat(64), W, H, 8, ImageKind.METAPHASE, Stain.G, null, "crowded", null, null);
        var doc = new ImageDocument(asset, "me");
        var annotations = new ArrayList<Annotation>();
        for (int i = 0; i < rods.size(); i++) {
            double[] b = rods.get(i).box();
            ChromosomeClass c = i < 44 ? ChromosomeClass.of(1 + i / 2) : i == 44 ? ChromosomeClass.X : ChromosomeClass.Y;
            annotations.add(new Annotation("a" + i, "img", new Box(b[0], b[1], b[2], b[3]),
                    AnnotationLabels.ofClass(c, i % 3 == 0 ? Polarity.P_UP : null), Provenance.human("me"), 1, AnnotationStatus.DRAFT, null, null));
        }
        var suggestions = new ArrayList<ModelSuggestion>();
        for (int i = 0; i < 10; i++) {
            double[] b = rods.get(i * 4 + 1).box();
            suggestions.add(new ModelSuggestion("s" + i, "img", "m", "1", new Box(b[0] + 2, b[1] + 2, b[2], b[3]),
                    AnnotationLabels.ofClass(ChromosomeClass.of(8 + i), null), 0.3 + i * 0.07, SuggestionState.OPEN, null));
        }
        doc.load(annotations, suggestions, null);
        var model = new EditorModel(doc, new UndoManager(doc));
        model.thresholdProperty().set(0.5);
        var canvas = onFx(() -> new ImageCanvas(model));
        var pixels = ImagePixels.decode(FxTesting.metaphase(W, H, rods, 46));
        onFx(() -> canvas.setImage(new ImageLayer(pixels, Adjustments.NONE, canvas::repaint)));
        FxToolkit.setupStage(stage -> FxTesting.showAtOrigin(stage, canvas, 900, 640));
        FxTesting.await("laid out", () -> canvas.getWidth() > 890);
        onFx(() -> {
            canvas.toolProperty().set(new SelectTool(canvas));
            canvas.viewport().set(1.25, 30, 40); // a whole cell on screen, as at fit on a laptop
            canvas.draw();
        });
        // The shape layer is re-rendered (with its tag layout) once the new zoom has settled.
        FxTesting.await("the shape layer at the new zoom", () -> !canvas.tagBoxes().isEmpty() && !canvas.shapeLayerRendering());
        onFx(canvas::draw);
        return canvas;
    }

    @Test
    void tagsOnACrowdedCellDoNotHideEachOther() throws Exception {
        ImageCanvas canvas = crowdedCell();
        Map<String, Rectangle2D> boxes = onFx(canvas::tagBoxes);
        assertThat(boxes).hasSize(46 + 10);

        // Where the tags used to go (each at its shape's top-left corner), many collide: the cell is crowded.
        ImageDocument doc = canvas.model().document();
        double scale = onFx(() -> canvas.viewport().scale());
        var painter = onFx(ShapePainter::new);
        var naive = new ArrayList<Rectangle2D>();
        for (Annotation a : doc.annotations()) {
            var b = a.shape().bounds();
            double w = onFx(() -> painter.tagWidth(ClassColors.tag(a.labels())));
            var p = onFx(() -> canvas.imageToLocal(b.minX(), b.minY()));
            naive.add(new Rectangle2D(p.getX(), p.getY() - ShapePainter.TAG_HEIGHT - 2, w, ShapePainter.TAG_HEIGHT));
        }
        for (ModelSuggestion sg : doc.openSuggestions()) {
            var b = sg.shape().bounds();
            String text = ClassColors.tag(sg.labels()) + " \u00b7 " + Math.round(sg.confidence() * 100) + "%";
            double w = onFx(() -> painter.tagWidth(text));
            var p = onFx(() -> canvas.imageToLocal(b.minX(), b.minY()));
            naive.add(new Rectangle2D(p.getX(), p.getY() - ShapePainter.TAG_HEIGHT - 2, w, ShapePainter.TAG_HEIGHT));
        }
        assertThat(overlappingPairs(naive)).as("collisions of tags at their corners (zoom %.2f)", scale).isGreaterThanOrEqualTo(5);

        // Laid out: no two tags overlap.
        assertThat(overlappingPairs(List.copyOf(boxes.values()))).isZero();

        // And as drawn, each tag shows its own background where its text begins: nothing was drawn over it.
        WritableImage frame = onFx(() -> canvas.snapshot(null, null));
        PixelReader px = frame.getPixelReader();
        for (var e : boxes.entrySet()) {
            Rectangle2D r = e.getValue();
            int x = (int) Math.floor(r.getMinX() + 2.5), y = (int) Math.floor(r.getMinY() + r.getHeight() / 2);
            if (x < 0 || y < 0 || x >= frame.getWidth() || y >= frame.getHeight()) continue;
            Color want = ShapePainter.tagBackground(colourOf(doc, e.getKey()), e.getKey().startsWith("s:"));
            assertThat(distance(px.getColor(x, y), want)).as("the background of tag " + e.getKey() + " at " + x + "," + y).isLessThan(0.06);
        }
        FxTesting.screenshot(canvas, "tags-crowded-cell");
    }

    @Test
    void everyTagsTextHasAContrastOfAtLeast4Point5AsDrawn() throws Exception {
        // Each class's tag as an annotation's (solid) and as a suggestion's above and below the threshold (dark,
        // dashed border), over a white and a black image: the text's strongest pixel against the tag's background.
        var colours = new ArrayList<Color>();
        for (ChromosomeClass c : ChromosomeClass.values()) colours.add(ClassColors.of(c));
        colours.add(ClassColors.UNLABELLED);
        colours.add(ClassColors.CLUSTER);
        var worst = new double[] {Double.MAX_VALUE};
        var worstWhat = new String[1];
        for (Color under : List.of(Color.WHITE, Color.BLACK)) {
            for (int kind = 0; kind < 4; kind++) {
                int k = kind;
                WritableImage shot = onFx(() -> {
                    var canvas = new Canvas(40 * 2 + 60, colours.size() * 24 + 20);
                    var g = canvas.getGraphicsContext2D();
                    g.setFill(under);
                    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
                    var painter = new ShapePainter();
                    for (int i = 0; i < colours.size(); i++) {
                        Color c = k == 2 ? ClassColors.belowThreshold(colours.get(i)) : k == 3 ? Color.WHITE : colours.get(i);
                        painter.tag(g, 10, 20 + i * 24 + ShapePainter.TAG_HEIGHT + 2, k == 0 ? "88" : "88 \u00b7 88%", c, k != 0);
                    }
                    return canvas.snapshot(null, null);
                });
                for (int i = 0; i < colours.size(); i++) {
                    Color c = k == 2 ? ClassColors.belowThreshold(colours.get(i)) : k == 3 ? Color.WHITE : colours.get(i);
                    Color bg = ShapePainter.tagBackground(c, k != 0);
                    double best = 1;
                    int top = 20 + i * 24;
                    for (int y = top + 2; y < top + ShapePainter.TAG_HEIGHT - 2; y++) {
                        for (int x = 14; x < 10 + (k == 0 ? 18 : 50); x++) {
                            best = Math.max(best, ClassColors.contrast(shot.getPixelReader().getColor(x, y), bg));
                        }
                    }
                    // The background as drawn is the one the contrast is computed against.
                    assertThat(distance(shot.getPixelReader().getColor(11, top + 7), bg)).as("tag background " + i).isLessThan(0.02);
                    if (best < worst[0]) {
                        worst[0] = best;
                        worstWhat[0] = "kind " + k + " colour " + i + " on " + under;
                    }
                }
            }
        }
        assertThat(worst[0]).as("the least contrast of a tag's text, " + worstWhat[0]).isGreaterThanOrEqualTo(ClassColors.MIN_CONTRAST);
    }

    @Test
    void wcagContrastOfEveryClassTag() {
        assertThat(ClassColors.contrast(Color.WHITE, Color.BLACK)).isCloseTo(21, Offset.offset(1e-9));
        // The old suggestion tag: the class colour on near-black. Classes 8 and 21 were well under 4.5:1.
        Color oldBackground = Color.rgb(20, 22, 28);
        assertThat(ClassColors.contrast(ClassColors.of(ChromosomeClass.of(21)), oldBackground)).isLessThan(4.5);
        var failures = new ArrayList<String>();
        for (ChromosomeClass c : ChromosomeClass.values()) {
            Color colour = ClassColors.of(c);
            check(failures, "class " + c.label() + " annotation tag", ShapePainter.tagText(colour, false), ShapePainter.tagBackground(colour, false));
            check(failures, "class " + c.label() + " suggestion tag", ShapePainter.tagText(colour, true), ShapePainter.tagBackground(colour, true));
            Color pale = ClassColors.belowThreshold(colour);
            check(failures, "class " + c.label() + " suggestion below the threshold", ShapePainter.tagText(pale, true), ShapePainter.tagBackground(pale, true));
            check(failures, "class " + c.label() + " palette button and key point letters", ClassColors.textOn(colour), colour);
        }
        for (Color other : List.of(ClassColors.UNLABELLED, ClassColors.CLUSTER, Color.WHITE)) {
            check(failures, other + " annotation tag", ShapePainter.tagText(other, false), ShapePainter.tagBackground(other, false));
            check(failures, other + " suggestion tag", ShapePainter.tagText(other, true), ShapePainter.tagBackground(other, true));
        }
        for (var s : AnnotationStatus.values()) {
            Color c = ReviewColors.of(s);
            check(failures, "review badge " + s, ClassColors.textOn(c), c);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String what, Color text, Color background) {
        double ratio = ClassColors.contrast(text, background);
        if (ratio < ClassColors.MIN_CONTRAST) failures.add(what + ": %.2f:1".formatted(ratio));
    }

    private static Color colourOf(ImageDocument doc, String key) {
        if (key.startsWith("a:")) return ClassColors.of(doc.annotation(key.substring(2)).labels());
        ModelSuggestion s = doc.openSuggestions().stream().filter(x -> x.id().equals(key.substring(2))).findFirst().orElseThrow();
        return s.confidence() >= 0.5 ? ClassColors.of(s.labels()) : ClassColors.belowThreshold(ClassColors.of(s.labels()));
    }

    private static int overlappingPairs(List<Rectangle2D> rs) {
        int n = 0;
        for (int i = 0; i < rs.size(); i++) for (int j = i + 1; j < rs.size(); j++) if (rs.get(i).intersects(rs.get(j))) n++;
        return n;
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }
}
