package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.ImagePixels;
import org.karyolab.client.ui.canvas.ImageLayer;
import org.karyolab.client.ui.canvas.Adjustments;
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

/** 10,000 shapes on a 4096x4096 image: only what is on screen is drawn. Not a benchmark: the frame time is printed. */
class CanvasCullingFxTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxTesting.startToolkit();
    }

    @Test
    void drawsOnlyTheShapesInTheViewport() throws Exception {
        var asset = new ImageAsset("big", "0".repeat(64), 4096, 4096, 8, ImageKind.METAPHASE, Stain.G, null, "c", null, null);
        var doc = new ImageDocument(asset, "me");
        var rnd = new Random(3);
        var list = new ArrayList<Annotation>();
        for (int i = 0; i < 10_000; i++) {
            double x = rnd.nextDouble() * 4000, y = rnd.nextDouble() * 4000;
            list.add(new Annotation("a" + i, "big", new Box(x, y, 20 + rnd.nextDouble() * 60, 20 + rnd.nextDouble() * 60),
                    AnnotationLabels.ofClass(ChromosomeClass.of(1 + i % 24), null), Provenance.human("me"), 1, AnnotationStatus.DRAFT, null, null));
        }
        doc.load(list, List.of(), null);
        var model = new EditorModel(doc, new UndoManager(doc));
        byte[] grey = new byte[4096 * 4096];
        for (int i = 0; i < grey.length; i++) grey[i] = (byte) (i * 31);
        var canvas = onFx(() -> new ImageCanvas(model));
        FxToolkit.setupStage(stage -> {
            FxTesting.showAtOrigin(stage, canvas, 1200, 800);
        });
        var layer = new ImageLayer(ImagePixels.ofGrey(4096, 4096, grey), Adjustments.NONE, canvas::repaint);
        onFx(() -> canvas.setImage(layer.image()));
        FxTesting.await("laid out", () -> canvas.getWidth() > 1000);

        long whole = onFx(() -> {
            canvas.fitImage();
            long t = System.nanoTime();
            canvas.draw();
            return System.nanoTime() - t;
        });
        assertThat(canvas.lastDrawnAnnotations()).isEqualTo(10_000);

        long zoomed = onFx(() -> {
            canvas.viewport().set(1, 0, 0);
            canvas.viewport().centerOn(2048, 2048);
            long t = System.nanoTime();
            canvas.draw();
            return System.nanoTime() - t;
        });
        assertThat(canvas.lastDrawnAnnotations()).isBetween(1, 1000);
        System.out.printf("frame: whole image with 10,000 boxes %.1f ms; 1:1 viewport %d boxes %.1f ms%n", whole / 1e6,
                canvas.lastDrawnAnnotations(), zoomed / 1e6);
        FxTesting.screenshot(canvas, "ten-thousand-boxes-1to1");
        layer.close();
    }
}
