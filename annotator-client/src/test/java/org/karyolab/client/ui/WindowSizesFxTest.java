package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karyolab.client.LiveServer;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.FxTesting.Rod;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.client.ui.view.OverflowToolbar;
import org.karyolab.client.ui.view.ShortcutSheet;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Shape;

/**
 * Issue 10, item 8: the editor at the window sizes people use. At every width from 1280 up the toolbar shows each
 * item whole (no "..."), or offers it in its "More" menu; the F1 sheet fits the window and shows its whole table
 * (scrolling); screenshots at 1280x720, 1366x768 and 1920x1080 (target&#42;/screenshots/editor-WxH.png).
 * <p>
 * JavaFX's headless platform has a single 1000x1000 screen whose frame buffer a window taller than about 1000
 * rows runs past ({@code HeadlessWindow.blit}); so 1280x720 and 1366x768 are real windows, and 1920x1080 is the
 * same editor in a scene of that size rendered off-screen ({@link Scene#snapshot}), with the same checks.
 */
class WindowSizesFxTest extends EditorFxFixture {

    static final int IMAGE_W = 1100;
    static final int IMAGE_H = 760;
    static String imageId;
    static KaryoLabClient ana;

    @BeforeAll
    static void cell() {
        String project = server.project(admin, "sizes");
        List<Rod> rods = FxTesting.rods(46, IMAGE_W, IMAGE_H, 7);
        imageId = admin.uploadImage(project, FxTesting.metaphase(IMAGE_W, IMAGE_H, rods, 7), "image/png", "case-sizes").id();
        ana = server.annotator("sizes-ana", project);
        var shapes = new ArrayList<Shape>();
        var labels = new ArrayList<AnnotationLabels>();
        for (int i = 0; i < 46; i++) {
            Rod r = rods.get(i);
            ChromosomeClass c = i < 44 ? ChromosomeClass.of(1 + i / 2) : i == 44 ? ChromosomeClass.X : ChromosomeClass.Y;
            shapes.add(i % 9 == 4 ? rodMask(r) : boxOf(r));
            labels.add(AnnotationLabels.ofClass(c, i % 4 == 0 ? Polarity.P_UP : null));
        }
        save(ana, imageId, shapes, labels);
        var suggestions = new ArrayList<double[]>();
        for (int i = 0; i < 8; i++) {
            double[] b = rods.get(i * 5 + 2).box();
            suggestions.add(new double[] {b[0] + 3, b[1] + 3, b[2], b[3], 8 + i, 0.4 + i * 0.07});
        }
        server.suggest(imageId, LiveServer.boxSuggestions(suggestions));
    }

    private static Box boxOf(Rod r) {
        double[] b = r.box();
        return new Box(b[0], b[1], b[2], b[3]);
    }

    /** The rod's pixels as a mask. */
    private static Mask rodMask(Rod r) {
        boolean[] px = new boolean[IMAGE_W * IMAGE_H];
        double a = Math.toRadians(r.angle()), cos = Math.cos(a), sin = Math.sin(a);
        for (int y = 0; y < IMAGE_H; y++) {
            for (int x = 0; x < IMAGE_W; x++) {
                double dx = x + 0.5 - r.cx(), dy = y + 0.5 - r.cy();
                double lx = dx * cos + dy * sin, ly = -dx * sin + dy * cos;
                px[y * IMAGE_W + x] = Math.abs(lx) <= r.width() / 2 + 1 && Math.abs(ly) <= r.length() / 2 + 1;
            }
        }
        return Mask.encode(IMAGE_W, IMAGE_H, px);
    }

    // --- the checks -----------------------------------------------------------------------------

    /** The text a labeled control shows (its skin's text node): shorter, with "...", when it was cut. */
    static String shownText(Labeled l) {
        for (Node n : l.lookupAll(".text")) if (n instanceof Text t && t.getParent() == l) return t.getText();
        Node n = l.lookup(".text");
        return n instanceof Text t ? t.getText() : "";
    }

    /** Every toolbar item is in the row, whole and inside it, or in the "More" menu; the menu button itself whole. */
    static List<String> toolbarProblems(EditorView editor) throws Exception {
        return onFx(() -> {
            var problems = new ArrayList<String>();
            Parent top = (Parent) editor.getTop();
            top.applyCss();
            top.layout();
            double right = ((Region) top).getWidth() - ((Region) top).getInsets().getRight();
            var menu = new ArrayList<String>();
            if (top instanceof OverflowToolbar bar && bar.moreButton().isVisible()) {
                bar.moreButton().show(); // builds the menu as it is now
                for (MenuItem item : bar.moreButton().getItems()) if (item.getText() != null) menu.add(item.getText());
                bar.moreButton().hide();
            }
            for (Node n : top.getChildrenUnmodifiable()) {
                if (!(n instanceof Labeled l) || l.getText() == null || l.getText().isEmpty()) continue;
                boolean menuButton = top instanceof OverflowToolbar bar && n == bar.moreButton();
                if (!n.isVisible() && menuButton) continue; // everything fits
                if (!n.isVisible()) {
                    if (!menu.contains(l.getText())) problems.add("\"" + l.getText() + "\" is hidden and not in the More menu");
                    continue;
                }
                Bounds b = n.getBoundsInParent();
                if (b.getMinX() < -0.5 || b.getMaxX() > right + 0.5) {
                    problems.add("\"" + l.getText() + "\" is outside the toolbar: " + b.getMinX() + ".." + b.getMaxX() + " of " + right);
                }
                if (!shownText(l).equals(l.getText())) problems.add("\"" + l.getText() + "\" shows as \"" + shownText(l) + "\"");
            }
            return problems;
        });
    }

    /** The F1 sheet: inside {@code window}, its table's every key and line whole, the table scrolling to its last row. */
    static List<String> sheetProblems(DialogPane pane, Rectangle2D window, String name) throws Exception {
        var problems = new ArrayList<String>();
        ScrollPane scroll = onFx(() -> (ScrollPane) pane.lookup("#shortcut-scroll"));
        Window sheet = onFx(() -> pane.getScene().getWindow());
        if (sheet != null) {
            Rectangle2D at = onFx(() -> new Rectangle2D(sheet.getX(), sheet.getY(), sheet.getWidth(), sheet.getHeight()));
            if (at.getMinX() < window.getMinX() - 0.5 || at.getMinY() < window.getMinY() - 0.5
                    || at.getMaxX() > window.getMaxX() + 0.5 || at.getMaxY() > window.getMaxY() + 0.5) {
                problems.add("the sheet " + at + " is not inside the window " + window);
            }
        }
        onFx(() -> {
            pane.getScene().getRoot().applyCss();
            pane.getScene().getRoot().layout();
            for (Node n : scroll.getContent().lookupAll(".label")) {
                if (n instanceof Label l && !shownText(l).equals(l.getText())) {
                    problems.add("\"" + l.getText() + "\" shows as \"" + shownText(l) + "\"");
                }
            }
        });
        double content = onFx(() -> scroll.getContent().getLayoutBounds().getHeight());
        double viewport = onFx(() -> scroll.getViewportBounds().getHeight());
        if (viewport < 160) problems.add("the table's viewport is only " + viewport + " px tall");
        shoot(pane, name);
        if (content > viewport + 1) {
            // It scrolls: at the end, the last row is in view.
            onFx(() -> {
                scroll.setVvalue(scroll.getVmax());
                pane.getScene().getRoot().layout();
            });
            Bounds last = onFx(() -> {
                List<Node> labels = List.copyOf(scroll.getContent().lookupAll(".label"));
                Node l = labels.getLast();
                return scroll.sceneToLocal(l.localToScene(l.getLayoutBounds()));
            });
            Bounds view = onFx(() -> scroll.sceneToLocal(scroll.lookup(".viewport").localToScene(scroll.lookup(".viewport").getLayoutBounds())));
            if (last.getMaxY() > view.getMaxY() + 1 || last.getMinY() < view.getMinY() - 1) {
                problems.add("scrolled to the end, the last row " + last + " is not in view " + view);
            }
            shoot(pane, name + "-end");
        }
        return problems;
    }

    static void shoot(Node node, String name) throws Exception {
        FxTesting.screenshot(node, name);
    }

    // --- the tests ------------------------------------------------------------------------------

    @Test
    void theToolbarFitsOrOverflowsAtEveryWidthFrom1280() throws Exception {
        openEditor(ana, imageId, 1280, 720);
        Stage stage = onFx(() -> (Stage) editor.getScene().getWindow());
        var widths = new ArrayList<Integer>();
        for (int w = 1280; w <= 1920; w += 32) widths.add(w);
        widths.addAll(List.of(1366, 1440, 1536, 1600, 1680));
        boolean overflowSeen = false;
        for (int w : widths) {
            onFx(() -> stage.setWidth(w));
            await("the window " + w + " wide", () -> editor.getWidth() == w);
            assertThat(toolbarProblems(editor)).as("toolbar at %d px", w).isEmpty();
            overflowSeen |= onFx(() -> ((OverflowToolbar) editor.getTop()).moreButton().isVisible());
        }
        assertThat(overflowSeen).as("at 1280 px not everything fits: the More menu is used").isTrue();
        // What is in the menu works from there: its "?" opens the F1 sheet.
        onFx(() -> stage.setWidth(1280));
        await("1280 wide", () -> editor.getWidth() == 1280);
        var bar = onFx(() -> (OverflowToolbar) editor.getTop());
        assertThat(onFx(() -> bar.overflowed().stream().map(n -> n.getId() == null ? "" : n.getId()).toList())).contains("help");
        onFx(() -> {
            bar.moreButton().show();
            bar.moreButton().getItems().stream().filter(i -> "more-help".equals(i.getId())).findFirst().orElseThrow().fire();
            bar.moreButton().hide();
        });
        await("the F1 sheet", () -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
        onFx(() -> ((Stage) robot.lookup("#shortcut-sheet").query().getScene().getWindow()).close());
    }

    @Test
    void at1280x720And1366x768TheEditorAndItsF1SheetShowEverything() throws Exception {
        for (int[] size : new int[][] {{1280, 720}, {1366, 768}}) {
            int w = size[0], h = size[1];
            openEditor(ana, imageId, w, h);
            await("the shape layer", () -> editor.canvas().shapeLayerRenders() > 0 && !editor.canvas().shapeLayerRendering());
            assertThat(toolbarProblems(editor)).as("toolbar at %dx%d", w, h).isEmpty();
            shoot(editor, "editor-" + w + "x" + h);

            robot.type(KeyCode.F1);
            await("the F1 sheet", () -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
            DialogPane pane = robot.lookup("#shortcut-sheet").queryAs(DialogPane.class);
            Window owner = onFx(() -> editor.getScene().getWindow());
            Rectangle2D window = onFx(() -> new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()));
            assertThat(sheetProblems(pane, window, "shortcuts-" + w + "x" + h)).as("F1 sheet at %dx%d", w, h).isEmpty();
            onFx(() -> ((Stage) pane.getScene().getWindow()).close());
            closeEditor();
        }
    }

    @Test
    void at1920x1080RenderedOffScreenTheEditorAndItsF1SheetShowEverything() throws Exception {
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getBounds());
        System.out.println("Headless screen " + screen.getWidth() + "x" + screen.getHeight()
                + ": the 1920x1080 editor is rendered off-screen (Scene.snapshot)");
        Autosave autosave = Autosave.open(ana, imageId, clientData.resolve("offscreen"), FAST);
        Scene scene = onFx(() -> {
            editor = new EditorView(autosave, null);
            return new Scene(editor, 1920, 1080);
        });
        onFx(() -> editor.loadImage());
        await("the full image", () -> editor.fullImageShown());
        onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            editor.canvas().draw();
        });
        await("the shape layer", () -> editor.canvas().shapeLayerRenders() > 0 && !editor.canvas().shapeLayerRendering());
        assertThat(onFx(() -> editor.getWidth())).isEqualTo(1920);
        assertThat(toolbarProblems(editor)).as("toolbar at 1920x1080").isEmpty();
        assertThat(onFx(() -> ((OverflowToolbar) editor.getTop()).moreButton().isVisible())).as("everything fits at 1920").isFalse();
        WritableImage shot = onFx(() -> scene.snapshot(null));
        Path file = FxTesting.screenshotDir().resolve("editor-1920x1080.png");
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", file.toFile());
        assertThat(shot.getWidth()).isEqualTo(1920);
        assertThat(shot.getHeight()).isEqualTo(1080);

        // The F1 sheet as it is sized for a 1920x1080 window, off-screen too.
        Rectangle2D window = new Rectangle2D(0, 0, 1920, 1080);
        DialogPane pane = onFx(() -> {
            var p = new DialogPane();
            p.getStylesheets().addAll(editor.getStylesheets());
            p.getStyleClass().add("kl-root");
            p.setHeaderText("KaryoLab annotator: keyboard shortcuts (the table scrolls)");
            double[] sheet = ShortcutSheet.size(window);
            p.setContent(ShortcutSheet.table(editor.keys().sheet(), sheet[0] - 40, sheet[1]));
            p.setPrefWidth(sheet[0]);
            new Scene(p);
            return p;
        });
        assertThat(sheetProblems(pane, window, "shortcuts-1920x1080")).as("F1 sheet at 1920x1080").isEmpty();
        editor.close();
    }
}
