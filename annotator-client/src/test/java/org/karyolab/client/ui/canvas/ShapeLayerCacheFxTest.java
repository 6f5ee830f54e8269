package org.karyolab.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.List;
import java.util.Set;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Origin;
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
import org.testfx.api.FxToolkit;

/** The cached shape layer: reused while panning and for small zoom steps, re-rendered on edits and toggles. */
class ShapeLayerCacheFxTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    private static Annotation box(String id, double x, double y) {
        return new Annotation(id, "img", new Box(x, y, 60, 40), AnnotationLabels.ofClass(ChromosomeClass.of(1), null),
                Provenance.human("me"), 1, AnnotationStatus.DRAFT, null, null);
    }

    @Test
    void reusesTheBitmapUntilSomethingChanges() throws Exception {
        var asset = new ImageAsset("img", "0".repeat(64), 1000, 1000, 8, ImageKind.METAPHASE, Stain.G, null, "c", null, null);
        var doc = new ImageDocument(asset, "me");
        doc.load(List.of(box("a", 100, 100), box("b", 300, 300)), List.of(), null);
        var model = new EditorModel(doc, new UndoManager(doc));
        var canvas = onFx(() -> new ImageCanvas(model));
        FxToolkit.setupStage(stage -> {
            FxTesting.showAtOrigin(stage, canvas, 600, 400);
        });
        FxTesting.await("laid out", () -> canvas.getWidth() > 500);

        long first = onFx(() -> {
            canvas.viewport().set(1, 0, 0);
            canvas.draw();
            return canvas.shapeLayerRenders();
        });
        int before = onFx(() -> pixel(canvas, 100, 130)); // on box a's left edge

        // Panning at the same zoom, inside the cached margin: no re-render, the shape moves with the view.
        long panned = onFx(() -> {
            canvas.viewport().panBy(40, 0);
            canvas.draw();
            return canvas.shapeLayerRenders();
        });
        assertThat(panned).isEqualTo(first);
        assertThat(onFx(() -> pixel(canvas, 140, 130))).isEqualTo(before);

        // An edit invalidates: the moved box shows at once, the old place is empty.
        doc.replace(List.of(box("a", 200, 100)), Origin.EDIT);
        long edited = onFx(() -> {
            canvas.viewport().set(1, 0, 0);
            canvas.draw();
            return canvas.shapeLayerRenders();
        });
        assertThat(edited).isGreaterThan(panned);
        assertThat(onFx(() -> pixel(canvas, 100, 130))).isNotEqualTo(before);
        assertThat(onFx(() -> pixel(canvas, 200, 130))).isEqualTo(before);

        // A small zoom step shows the bitmap scaled; a big one re-renders.
        long small = onFx(() -> {
            canvas.zoomBy(1.2);
            canvas.draw();
            return canvas.shapeLayerRenders();
        });
        assertThat(small).isEqualTo(edited);
        // ... and once the zoom has settled it is re-rendered sharp.
        FxTesting.await("re-rendered after the zoom settled", () -> canvas.shapeLayerRenders() > small);
        long big = onFx(() -> {
            long n = canvas.shapeLayerRenders();
            canvas.zoomBy(3);
            canvas.draw();
            return canvas.shapeLayerRenders() - n;
        });
        assertThat(big).isEqualTo(1);

        // Selection and view toggles re-render; the selected shape is drawn live on top.
        long toggled = onFx(() -> {
            long n = canvas.shapeLayerRenders();
            doc.select(Set.of("b"));
            canvas.draw();
            model.thresholdProperty().set(0.9);
            canvas.draw();
            return canvas.shapeLayerRenders() - n;
        });
        assertThat(toggled).isEqualTo(2);
    }

    private static int pixel(ImageCanvas canvas, int x, int y) {
        WritableImage shot = canvas.snapshot(null, null);
        return shot.getPixelReader().getArgb(x, y);
    }
}
