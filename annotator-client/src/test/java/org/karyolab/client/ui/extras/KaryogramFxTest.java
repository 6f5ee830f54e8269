package org.karyolab.client.ui.extras;

import java.io.IOException;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Set;
import javafx.scene.Parent;
import javax.imageio.metadata.IIOMetadataNode;
import org.assertj.core.data.Offset;
import org.karyolab.client.ui.EditorFxFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.FxTesting;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.karyogram.KaryogramView;
import org.karyolab.client.ui.karyogram.KaryogramWindow;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/** A generated 46,XY cell: the karyogram fills its 24 slots, a drag reassigns a class, export writes a PNG. */
class KaryogramFxTest extends EditorFxFixture {

    static final int W = 1100;
    static final int H = 820;

    @TempDir
    Path out;

    /** Relative lengths of chromosomes 1..22, X, Y (roughly the real ones). */
    static final double[] LENGTH = {1.0, 0.97, 0.8, 0.76, 0.73, 0.69, 0.63, 0.58, 0.56, 0.54, 0.54, 0.53, 0.45, 0.43, 0.41, 0.37,
        0.34, 0.32, 0.27, 0.27, 0.21, 0.22, 0.62, 0.24};

    @Test
    void karyogramOfAGeneratedCellDragToReassignAndExport() throws Exception {
        String projectId = server.project(admin, "karyogram-" + System.nanoTime());
        // 46 rods on a grid, lengths by class, a random tilt; pairs far apart as in a real spread.
        List<ChromosomeClass> classes = new ArrayList<>();
        for (int i = 1; i <= 22; i++) classes.addAll(List.of(ChromosomeClass.of(i), ChromosomeClass.of(i)));
        classes.add(ChromosomeClass.X);
        classes.add(ChromosomeClass.Y);
        Collections.shuffle(classes, new Random(5));
        List<Rod> grid = FxTesting.rods(46, W, H, 5);
        List<Rod> rods = new ArrayList<>();
        for (int i = 0; i < 46; i++) {
            Rod g = grid.get(i);
            rods.add(new Rod(g.cx(), g.cy(), 22 + 70 * LENGTH[classes.get(i).ordinal()], 10, g.angle()));
        }
        String imageId = admin.uploadImage(projectId, FxTesting.metaphase(W, H, rods, 5), "image/png", "case-46XY").id();
        KaryoLabClient ana = server.annotator("karyo" + USERS.incrementAndGet(), projectId);
        var shapes = new ArrayList<Shape>();
        var labels = new ArrayList<AnnotationLabels>();
        for (int i = 0; i < 46; i++) {
            Rod r = rods.get(i);
            ChromosomeClass c = classes.get(i);
            // Sex chromosomes as axis-aligned boxes, the rest as rotated boxes along the rod.
            shapes.add(c.autosome() ? new RotatedBox(r.cx(), r.cy(), r.width() + 6, r.length() + 6, Math.round(r.angle() * 10) / 10.0)
                    : new Box(r.box()[0], r.box()[1], r.box()[2], r.box()[3]));
            labels.add(AnnotationLabels.ofClass(c, Polarity.P_UP));
        }
        save(ana, imageId, shapes, labels);
        ana.putImageLabels(imageId, new ImageLabels("46,XY", Set.of()), 0);
        openEditor(ana, imageId, 1280, 860);
        assertThat(doc().size()).isEqualTo(46);

        robot.press(KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT);
        await("the karyogram window", () -> KaryogramWindow.of(editor) != null);
        KaryogramView view = KaryogramWindow.of(editor);
        var counts = view.counts();
        for (ChromosomeClass c : ChromosomeClass.values()) {
            assertThat(counts.get(c)).as("class " + c.label()).isEqualTo(c.autosome() ? 2 : 1);
        }
        assertThat(view.chromosomeIds()).hasSize(46);
        for (ChromosomeClass c : ChromosomeClass.values()) {
            long inSlot = onFx(() -> (long) ((Parent) view.slot(c)).lookupAll("StackPane").stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("chromosome-")).count());
            assertThat(inSlot).as("pictures in slot " + c.label()).isEqualTo(c.autosome() ? 2 : 1);
        }
        // Upright: every autosome picture is taller than wide.
        for (String id : view.chromosomeIds()) {
            Node n = view.chromosome(id);
            if (!doc().annotation(id).labels().chromosomeClass().autosome()) continue;
            assertThat(n.getBoundsInLocal().getHeight()).as("upright " + id).isGreaterThan(n.getBoundsInLocal().getWidth());
        }
        Path shot = FxTesting.screenshot(view, "karyogram");
        assertThat(Files.size(shot)).isGreaterThan(20_000);

        // Drag one chromosome 3 onto the slot of 5.
        Annotation three = doc().annotations().stream().filter(a -> a.labels().chromosomeClass() == ChromosomeClass.C3).findFirst().orElseThrow();
        Node node = view.chromosome(three.id());
        robot.moveTo(node).press(MouseButton.PRIMARY).moveBy(30, 10).moveTo(view.slot(ChromosomeClass.C5)).release(MouseButton.PRIMARY);
        await("class 5", () -> doc().annotation(three.id()).labels().chromosomeClass() == ChromosomeClass.C5);
        await("the sheet follows", () -> view.counts().get(ChromosomeClass.C5) == 3 && view.counts().get(ChromosomeClass.C3) == 1);
        assertThat(onServer(imageId).stream().filter(a -> a.id().equals(three.id())).findFirst().orElseThrow().labels().chromosomeClass())
                .isEqualTo(ChromosomeClass.C5);
        onFx(() -> editor.model().undoStep());
        await("undone", () -> doc().annotation(three.id()).labels().chromosomeClass() == ChromosomeClass.C3);

        // Export for print: 300 dpi, more than 3x the sheet's screen size, the case and karyotype written over it.
        double[] screen = onFx(() -> new double[] {view.sheet().getLayoutBounds().getWidth(), view.sheet().getLayoutBounds().getHeight()});
        Path png = onFx(() -> view.exportPng(out.resolve("cell.png")));
        var written = ImageIO.read(png.toFile());
        assertThat(written).isNotNull();
        assertThat(written.getWidth()).as("at least 3x the screen's %s px", screen[0]).isGreaterThanOrEqualTo((int) (3 * screen[0]));
        double sheetHeight = screen[1] * KaryogramView.PRINT_DPI / 96.0;
        assertThat(written.getHeight()).as("the sheet and a title band over it").isGreaterThan((int) (sheetHeight + 100));
        assertThat(pngDpi(png)).isCloseTo(300, Offset.offset(0.5));
        assertThat(view.exportTitle()).containsExactly("Case case-46XY  \u00b7  image " + imageId, "Karyotype: 46,XY");
        // The title band (above the sheet) holds text: dark pixels on white, in two lines.
        int band = (int) (written.getHeight() - sheetHeight);
        List<Integer> inkRows = new ArrayList<>();
        for (int y = 0; y < band; y++) {
            for (int x = 0; x < written.getWidth() / 2; x++) {
                int rgb = written.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 100 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100) {
                    inkRows.add(y);
                    break;
                }
            }
        }
        assertThat(inkRows).as("rows with text in the title band").hasSizeGreaterThan(40);
        Files.copy(png, FxTesting.screenshotDir().resolve("karyogram-export.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The resolution a PNG states (its pHYs chunk, pixels per metre). */
    private static double pngDpi(Path png) throws IOException {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var phys = (IIOMetadataNode) tree.getElementsByTagName("pHYs").item(0);
            reader.dispose();
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            return Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
        }
    }
}
