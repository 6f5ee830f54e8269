package org.karyolab.client.ui.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.karyolab.client.command.Edits;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.client.ui.EditorFxFixture;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.BandStain;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.Shape;

/**
 * The band editor against a real server, on a synthetic bent chromosome 9 whose bands follow the
 * 400-band ideogram: it is straightened with its bands in reference order, band calls are proposed,
 * a boundary is dragged with the mouse (the call changes, reaches the server, is flagged), undo
 * restores it.
 */
class BandEditorFxTest extends EditorFxFixture {

    static final int W = 460;
    static final int H = 560;
    static final double HALF = 11;
    static final List<Point> AXIS = List.of(new Point(150, 50), new Point(175, 170), new Point(215, 290), new Point(285, 400),
            new Point(310, 505));

    String imageId;
    String chromosomeId;
    String axisId;

    @Test
    void straightenProposeDragABoundaryAndUndo() throws Exception {
        setUpImage();
        openEditor();
        onFx(() -> editor.model().selectAnnotations(List.of(chromosomeId)));
        robot.press(KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT);
        await("the band editor", () -> BandEditorWindow.of(editor) != null);
        BandEditorView view = BandEditorWindow.of(editor);
        await("the straightened chromosome", () -> view.straightened() != null);

        // the axis comes from the polyline inside the outline; the calls go on the outline
        assertThat(view.axis().target().id()).isEqualTo(chromosomeId);
        assertThat(view.axis().axisId()).isEqualTo(axisId);
        Straightener.Result s = view.straightened();
        double length = new Polyline(AXIS).length();
        assertThat(s.length()).isEqualTo((int) Math.floor(length) + 1);
        int hw = onFx(() -> ((Spinner<?>) robot.lookup("#band-half-width").query()).getValue() instanceof Integer i ? i : -1);
        assertThat(s.width()).isEqualTo(2 * hw + 1);
        assertThat(hw).isBetween((int) HALF, (int) (2 * HALF + 6)); // estimated from the outline's area
        // straightened, the bands are in reference order: dark bands dark, light bands light
        List<Band> reference = Ideograms.at(BandLevel.B400).bands(ChromosomeClass.C9);
        int[] ext = BandRules.extent(reference);
        int dark = 0, light = 0;
        for (Band b : reference) {
            double a = (b.iscnStart() - ext[0]) / (double) (ext[1] - ext[0]), z = (b.iscnStop() - ext[0]) / (double) (ext[1] - ext[0]);
            if ((z - a) * length < 8) continue; // too thin to judge after blurring
            double mean = s.rowMean((int) Math.round((a + z) / 2 * (s.length() - 1)));
            if (b.stain() == BandStain.GPOS100) {
                assertThat(mean).as("dark band %s", b.name()).isLessThan(100);
                dark++;
            } else if (b.stain() == BandStain.GNEG) {
                assertThat(mean).as("light band %s", b.name()).isGreaterThan(180);
                light++;
            }
        }
        assertThat(dark).isGreaterThanOrEqualTo(2);
        assertThat(light).isGreaterThanOrEqualTo(3);

        // propose from the reference: one call per band, no mismatch
        robot.clickOn("#band-propose");
        await("band calls", () -> doc().annotation(chromosomeId).labels().bands().size() == reference.size());
        await("redrawn", () -> robot.lookup("#band-call-0").tryQuery().isPresent() && view.findings().isEmpty());
        assertThat(robot.lookup("#band-propose").queryButton().isDisabled()).isTrue();

        // drag the end of a mid-length band 30 px down
        List<BandCall> before = doc().annotation(chromosomeId).labels().bands();
        int k = pick(before);
        BandCall old = before.get(k);
        Node handle = robot.lookup("#band-boundary-" + k + "-end").query();
        Point2D from = onFx(() -> {
            Bounds b = handle.localToScreen(handle.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
        double displayHeight = onFx(() -> view.boardY(1) - view.boardY(0));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.add(0, 12)).moveTo(from.add(0, 30)).release(MouseButton.PRIMARY);
        await("the boundary moved", () -> doc().annotation(chromosomeId).labels().bands().get(k).end() > old.end() + 0.01);
        List<BandCall> after = doc().annotation(chromosomeId).labels().bands();
        assertThat(after.get(k).end()).isCloseTo(old.end() + 30 / displayHeight, offset(2.5 / displayHeight));
        assertThat(after.get(k).start()).isEqualTo(old.start());
        assertThat(after.get(k + 1).start()).isEqualTo(after.get(k).end()); // the neighbour moved with it
        assertThat(editor.model().undo().undoName()).isEqualTo("Move band boundary");

        // the longer band is now flagged, in red, with the reason as a tooltip
        await("flagged", () -> view.findings().stream().anyMatch(f -> f.call() == k && f.kind() == BandRules.Kind.LENGTH));
        Rectangle box = robot.lookup("#band-call-" + k).query();
        assertThat(box.getStroke()).isEqualTo(Color.web("#ff5252"));
        assertThat(robot.lookup("#band-findings").queryAs(VBox.class).getChildren()).isNotEmpty();
        Path shot = FxTesting.screenshot(view, "band-editor");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // it reached the server
        editor.autosave().flushNow();
        Annotation saved = admin.annotation(chromosomeId);
        assertThat(saved.labels().bands().get(k).end()).isEqualTo(after.get(k).end());

        // undo (Ctrl+Z in the band editor's window) restores the call and clears the flag
        Stage bandStage = (Stage) onFx(() -> view.getScene().getWindow());
        onFx(() -> bandStage.requestFocus());
        await("band window focused", () -> bandStage.isFocused());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await("undone", () -> doc().annotation(chromosomeId).labels().bands().get(k).end() == old.end());
        await("no mismatch", () -> view.findings().isEmpty());
        editor.autosave().flushNow();
        assertThat(admin.annotation(chromosomeId).labels().bands()).isEqualTo(before);
    }

    @Test
    void aSelectedPolylineIsItsOwnAxisAndAnOutlineWithoutOneSaysSo() throws Exception {
        setUpImage();
        openEditor();
        onFx(() -> editor.model().selectAnnotations(List.of(axisId)));
        onFx(() -> BandEditorWindow.show(editor));
        BandEditorView view = BandEditorWindow.of(editor);
        await("straightened", () -> view.straightened() != null);
        assertThat(view.axis().target().id()).isEqualTo(axisId);
        assertThat(view.axis().axisId()).isEqualTo(axisId);

        // delete the axis: the outline has none left
        onFx(() -> editor.model().perform(() -> Edits.delete(doc(), List.of(axisId))));
        onFx(() -> editor.model().selectAnnotations(List.of(chromosomeId)));
        await("no axis", () -> view.axis() == null);
        assertThat(robot.lookup("#band-propose").queryButton().isDisabled()).isTrue();
        // Shift+B again closes the window
        Stage bandStage = (Stage) onFx(() -> view.getScene().getWindow());
        onFx(() -> bandStage.requestFocus());
        await("focused", () -> bandStage.isFocused());
        robot.press(KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT);
        await("closed", () -> BandEditorWindow.of(editor) == null);
        assertThat(Window.getWindows()).doesNotContain(bandStage);
    }

    /** A band of the proposal in the middle third whose end boundary is not shared with a tiny neighbour. */
    private static int pick(List<BandCall> calls) {
        for (int i = calls.size() / 3; i < calls.size() - 2; i++) {
            BandCall c = calls.get(i), next = calls.get(i + 1);
            double len = c.end() - c.start();
            if (len > 0.015 && len < 0.08 && next.end() - next.start() > 0.08) return i;
        }
        throw new AssertionError("no band to drag in " + calls);
    }

    private void openEditor() throws Exception {
        openEditor(admin, imageId, 1280, 820);
    }

    private void setUpImage() throws Exception {
        String projectId = server.project(admin, "bands-" + System.nanoTime());
        imageId = admin.uploadImage(projectId, chromosomeImage(), "image/png", "case-b").id();
        chromosomeId = UUID.randomUUID().toString();
        axisId = UUID.randomUUID().toString();
        admin.saveBatch(imageId, List.of(
                BatchOperation.create(annotation(chromosomeId, outline(HALF + 3), AnnotationLabels.ofClass(ChromosomeClass.C9, Polarity.P_UP))),
                BatchOperation.create(annotation(axisId, new Polyline(AXIS), AnnotationLabels.ofClass(ChromosomeClass.C9, null)))));
    }

    private Annotation annotation(String id, Shape shape, AnnotationLabels labels) {
        return new Annotation(id, imageId, shape, labels, Provenance.human("admin"), 0, AnnotationStatus.DRAFT, null, null);
    }

    /** The chromosome's outline: the axis offset by {@code d} on both sides, rounded to tenths. */
    static Polygon outline(double d) {
        var left = new ArrayList<Point>();
        var right = new ArrayList<Point>();
        for (int i = 0; i < AXIS.size(); i++) {
            Point a = AXIS.get(Math.max(0, i - 1)), b = AXIS.get(Math.min(AXIS.size() - 1, i + 1));
            double tx = b.x() - a.x(), ty = b.y() - a.y(), n = Math.hypot(tx, ty);
            double nx = ty / n, ny = -tx / n;
            Point p = AXIS.get(i);
            double ex = i == 0 ? -tx / n * 3 : i == AXIS.size() - 1 ? tx / n * 3 : 0, ey = i == 0 ? -ty / n * 3 : i == AXIS.size() - 1 ? ty / n * 3 : 0;
            left.add(new Point(r(p.x() + nx * d + ex), r(p.y() + ny * d + ey)));
            right.add(new Point(r(p.x() - nx * d + ex), r(p.y() - ny * d + ey)));
        }
        var ring = new ArrayList<>(left);
        for (int i = right.size() - 1; i >= 0; i--) ring.add(right.get(i));
        return new Polygon(ring);
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A light field with chromosome 9 drawn along the bent axis, its bands in the 400-band stain greys from pter (the top). */
    static byte[] chromosomeImage() throws Exception {
        List<Band> bands = Ideograms.at(BandLevel.B400).bands(ChromosomeClass.C9);
        int[] ext = BandRules.extent(bands);
        var arc = new Straightener.Arc(AXIS);
        var img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        var rnd = new Random(9);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double cx = x + 0.5, cy = y + 0.5, best = Double.MAX_VALUE, bestArc = 0;
                for (int i = 0; i + 1 < AXIS.size(); i++) {
                    Point a = AXIS.get(i), b = AXIS.get(i + 1);
                    double dx = b.x() - a.x(), dy = b.y() - a.y(), len2 = dx * dx + dy * dy;
                    double t = Math.clamp(((cx - a.x()) * dx + (cy - a.y()) * dy) / len2, 0, 1);
                    double d = Math.hypot(cx - (a.x() + t * dx), cy - (a.y() + t * dy));
                    if (d < best) {
                        best = d;
                        bestArc = arc.cum[i] + t * Math.sqrt(len2);
                    }
                }
                double bg = 226 + rnd.nextGaussian() * 3;
                double v = bg;
                if (best <= HALF + 1) {
                    double iscn = ext[0] + bestArc / arc.total * (ext[1] - ext[0]);
                    Band band = bands.getLast();
                    for (Band b : bands) if (iscn < b.iscnStop()) {
                        band = b;
                        break;
                    }
                    double grey = switch (band.stain()) {
                        case GNEG -> 212;
                        case GPOS25 -> 165;
                        case GPOS50 -> 125;
                        case GPOS75 -> 85;
                        case GPOS100 -> 40;
                        case ACEN -> 150;
                        case GVAR -> 100;
                        case STALK -> 180;
                    } + rnd.nextGaussian() * 4;
                    double edge = Math.clamp(HALF + 1 - best, 0, 1); // soft edge
                    v = grey * edge + bg * (1 - edge);
                }
                img.getRaster().setSample(x, y, 0, (int) Math.clamp(Math.round(v), 0, 255));
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
