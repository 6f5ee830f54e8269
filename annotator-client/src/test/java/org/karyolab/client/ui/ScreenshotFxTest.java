package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.canvas.Adjustments;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the editor for people to look at (target&#42;/screenshots/): a synthetic metaphase with
 * boxes, outlines, key points, a medial axis and model suggestions, at fit and zoomed in.
 */
class ScreenshotFxTest {

    @TempDir
    static Path serverData;
    @TempDir
    static Path clientData;
    static LiveServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(serverData);
        FxTesting.startToolkit();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void editorWithShapesAndSuggestions() throws Exception {
        KaryoLabClient admin = server.admin();
        String project = server.project(admin, "screens");
        int w = 1100, h = 760;
        List<Rod> rods = FxTesting.rods(24, w, h, 11);
        String imageId = admin.uploadImage(project, FxTesting.metaphase(w, h, rods, 11), "image/png", "case-46XY").id();
        var suggestions = new ArrayList<double[]>();
        for (int i = 16; i < 23; i++) {
            double[] b = rods.get(i).box();
            suggestions.add(new double[] {b[0], b[1], b[2], b[3], i - 3, 0.35 + (i - 16) * 0.1});
        }
        server.suggest(imageId, LiveServer.boxSuggestions(suggestions));
        KaryoLabClient ana = server.annotator("screens-ana", project);
        Autosave autosave = Autosave.open(ana, imageId, clientData,
                new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(400)));
        var holder = new EditorView[1];
        FxToolkit.setupStage(stage -> {
            holder[0] = new EditorView(autosave, null);
            FxTesting.showAtOrigin(stage, holder[0], 1440, 900);
        });
        EditorView editor = holder[0];
        onFx(editor::loadImage);
        await("image", editor::fullImageShown);
        ImageDocument d = autosave.document();
        String selected = onFx(() -> {
            String chosen = null;
            for (int i = 0; i < 11; i++) {
                double[] b = rods.get(i).box();
                var labels = AnnotationLabels.ofClass(ChromosomeClass.of(1 + (i * 5) % 24), i % 3 == 0 ? Polarity.P_UP : null);
                var c = (Commands.AddAnnotations) editor.model().perform(() -> Edits.add(d, new Box(b[0], b[1], b[2], b[3]), labels));
                if (i == 4) chosen = c.annotations().getFirst().id();
            }
            for (int i = 11; i < 14; i++) {
                var pts = rods.get(i).outline().stream().map(p -> new Point(p[0], p[1])).toList();
                var labels = AnnotationLabels.ofClass(ChromosomeClass.of(i + 3), null);
                editor.model().perform(() -> Edits.add(d, new Polygon(pts), labels));
            }
            Rod k = rods.get(14);
            double a = Math.toRadians(k.angle());
            double dx = -Math.sin(a) * k.length() / 2, dy = Math.cos(a) * k.length() / 2;
            editor.model().perform(() -> Edits.add(d, new Keypoints(Map.of(
                    Keypoints.P_TER, new Point(k.cx() - dx, k.cy() - dy),
                    Keypoints.CENTROMERE, new Point(k.cx() - dx * 0.36, k.cy() - dy * 0.36),
                    Keypoints.Q_TER, new Point(k.cx() + dx, k.cy() + dy))), AnnotationLabels.ofClass(ChromosomeClass.X, Polarity.P_UP)));
            Rod l = rods.get(15);
            double la = Math.toRadians(l.angle());
            double ldx = -Math.sin(la) * l.length() / 2, ldy = Math.cos(la) * l.length() / 2;
            editor.model().perform(() -> Edits.add(d, new Polyline(List.of(new Point(l.cx() - ldx, l.cy() - ldy),
                    new Point(l.cx() + 3, l.cy()), new Point(l.cx() + ldx, l.cy() + ldy))), AnnotationLabels.ofClass(ChromosomeClass.Y, null)));
            editor.model().selectAnnotations(List.of(chosen));
            editor.model().say("Box drawn: type its class (1-22, X, Y), P flips polarity");
            return chosen;
        });
        assertThat(selected).isNotNull();
        autosave.flushNow();
        await("saved", () -> editor.saveStateLabel().getText().contains("saved"));
        Path overview = FxTesting.screenshot(editor, "editor-overview");

        // Zoomed in on a suggestion (selected), with display adjustments.
        long rendersBefore = onFx(() -> editor.canvas().shapeLayerRenders());
        var zoomedAdjustments = new Adjustments(0.02, 0.15, 1.2, false);
        onFx(() -> {
            var s = d.openSuggestions().stream().max(Comparator.comparingDouble(ModelSuggestion::confidence)).orElseThrow();
            editor.model().selectSuggestion(s.id());
            var b = s.shape().bounds();
            editor.canvas().viewport().set(3, 0, 0);
            editor.canvas().viewport().centerOn(b.centerX(), b.centerY());
            editor.model().adjustmentsProperty().set(zoomedAdjustments);
            editor.canvas().repaint();
        });
        // Waits on the mechanisms, not the clock: the adjusted pixels shown, the shape layer re-rendered at the new zoom.
        shown(editor, zoomedAdjustments);
        FxTesting.await("the shape layer at 300%", () -> editor.canvas().shapeLayerRenders() > rendersBefore && !editor.canvas().shapeLayerRendering());
        Path zoomed = FxTesting.screenshot(editor, "editor-zoomed-suggestion");
        var invert = new Adjustments(0, 0.2, 1, true);
        onFx(() -> editor.model().adjustmentsProperty().set(invert));
        shown(editor, invert);
        Path inverted = FxTesting.screenshot(editor, "editor-inverted");
        assertThat(Files.size(overview)).isGreaterThan(10_000);
        assertThat(Files.size(zoomed)).isGreaterThan(10_000);
        assertThat(Files.size(inverted)).isGreaterThan(10_000);
        editor.close();
    }

    /** Waits until the editor's image shows the pixels of {@code adjustments} (then a frame is drawn from them). */
    static void shown(EditorView editor, Adjustments adjustments) throws Exception {
        onFx(() -> editor.canvas().layer().whenShown(adjustments)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents(); // the repaint the new pixels asked for
    }
}
