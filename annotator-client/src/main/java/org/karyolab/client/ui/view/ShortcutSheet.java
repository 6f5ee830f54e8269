package org.karyolab.client.ui.view;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.keys.Shortcut;

/**
 * The F1 sheet: every key in a two-column table that is never cut. Keys keep their whole width; descriptions
 * wrap and keep their whole height; the sheet is sized to the editor's window (at most {@link #MAX_WIDTH} wide,
 * a margin smaller than the window each way) and the table scrolls within it. Before, a sheet sized to 60 %
 * of the screen, with wrapped lines that could be cut to "...", ran past a 1280x800 window.
 */
public final class ShortcutSheet {

    /** Widest the sheet gets: the descriptions read as lines, not a paragraph across a wide screen. */
    static final double MAX_WIDTH = 820;
    /** Room left around the sheet in its window (width, height). */
    static final double MARGIN_X = 60;
    static final double MARGIN_Y = 60;
    /** The sheet's title, header and button bar, about. */
    static final double CHROME = 150;

    private ShortcutSheet() {
    }

    /** The table of keys, for a sheet {@code width} wide. */
    public static ScrollPane table(List<Shortcut> entries, double width, double height) {
        var grid = new GridPane();
        grid.setId("shortcut-table");
        grid.setHgap(16);
        grid.setPadding(new Insets(6, 10, 6, 10));
        var keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        var what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        what.setFillWidth(true);
        what.setMinWidth(160);
        grid.getColumnConstraints().addAll(keys, what);
        int row = 0;
        for (Shortcut e : entries) {
            Label k = new Label(e.keys());
            k.getStyleClass().add("kl-shortcut-keys");
            k.setStyle("-fx-font-weight: bold;");
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label w = new Label(e.help());
            w.getStyleClass().add("kl-shortcut-what");
            w.setWrapText(true);
            w.setMinHeight(Region.USE_PREF_SIZE); // a wrapped line keeps its height: never cut to "..."
            w.setMaxWidth(Double.MAX_VALUE);
            if (row % 2 == 1) { // banded rows: the eye follows a key to its line
                var band = new Region();
                band.setStyle("-fx-background-color: rgba(255,255,255,0.05);");
                band.setMouseTransparent(true);
                grid.add(band, 0, row, 2, 1);
                GridPane.setMargin(band, new Insets(0, -6, 0, -6));
            }
            grid.add(k, 0, row);
            grid.add(w, 1, row);
            GridPane.setValignment(k, VPos.TOP);
            var rc = new RowConstraints();
            rc.setMinHeight(Region.USE_PREF_SIZE);
            rc.setValignment(VPos.TOP);
            grid.getRowConstraints().add(rc);
            row++;
        }
        for (var node : grid.getChildren()) if (node instanceof Label l) GridPane.setMargin(l, new Insets(3, 0, 3, 0));
        var scroll = new ScrollPane(grid);
        scroll.setId("shortcut-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setPrefViewportWidth(width);
        scroll.setPrefViewportHeight(height);
        scroll.setMinViewportHeight(Math.min(height, 160));
        return scroll;
    }

    /** The sheet's size for a window of {@code area}: {width, table height}. */
    public static double[] size(Rectangle2D area) {
        double width = Math.max(360, Math.min(MAX_WIDTH, area.getWidth() - MARGIN_X));
        double height = Math.max(160, area.getHeight() - MARGIN_Y - CHROME);
        return new double[] {width, height};
    }

    /** Shows the sheet over the editor's window (or the screen); returns it. */
    public static Alert show(EditorView editor, List<Shortcut> entries) {
        Window owner = editor.getScene() == null ? null : editor.getScene().getWindow();
        Rectangle2D area = owner != null && owner.getWidth() > 0
                ? new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                : Screen.getPrimary().getVisualBounds();
        double[] size = size(area);
        var alert = Fx.themed(new Alert(Alert.AlertType.INFORMATION));
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("KaryoLab annotator: keyboard shortcuts (the table scrolls)");
        alert.setGraphic(null);
        alert.setResizable(true);
        var pane = alert.getDialogPane();
        pane.setId("shortcut-sheet");
        var table = table(entries, size[0] - 40, size[1]);
        pane.setContent(table);
        pane.setPrefWidth(size[0]);
        pane.setMaxWidth(size[0]);
        // As tall as the table needs, never taller than the window leaves room for.
        pane.setMaxHeight(size[1] + CHROME);
        if (owner != null) alert.initOwner(owner);
        alert.setOnShown(e -> {
            var stage = pane.getScene().getWindow();
            if (owner != null) { // centred over the editor, inside it
                stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - stage.getWidth()) / 2));
                stage.setY(owner.getY() + Math.max(0, (owner.getHeight() - stage.getHeight()) / 2));
            }
        });
        alert.show();
        return alert;
    }
}
