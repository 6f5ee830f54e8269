package org.karyolab.client.ui.view;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.schema.ChromosomeClass;

/** The 24 classes as buttons in their colours, karyogram order; the selection's class is outlined. */
public final class PalettePanel extends GridPane {

    private final Map<ChromosomeClass, Button> buttons = new EnumMap<>(ChromosomeClass.class);

    public PalettePanel(Consumer<ChromosomeClass> onPick) {
        setHgap(4);
        setVgap(4);
        setPadding(new Insets(2, 0, 2, 0));
        int i = 0;
        for (ChromosomeClass c : ChromosomeClass.values()) {
            Button b = new Button(c.label());
            b.setId("class-" + c.label());
            b.getStyleClass().add("kl-class-button");
            b.setFocusTraversable(false);
            Color color = ClassColors.of(c);
            b.setStyle(style(color, false));
            b.setTooltip(new Tooltip("Class " + c.label() + " (group " + c.group() + "): type " + c.label()));
            b.setOnAction(e -> onPick.accept(c));
            buttons.put(c, b);
            add(b, i % 6, i / 6);
            i++;
        }
    }

    /** Outlines the class the selection has (null: none, or mixed). */
    public void highlight(ChromosomeClass current) {
        buttons.forEach((c, b) -> b.setStyle(style(ClassColors.of(c), c == current)));
    }

    private static String style(Color c, boolean current) {
        String bg = "rgb(%d,%d,%d)".formatted((int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
        Color t = ClassColors.textOn(c);
        String fg = t.equals(Color.WHITE) ? "white" : "#111318";
        return "-fx-background-color: " + (current ? "white, " : "") + bg + "; -fx-background-insets: " + (current ? "0, 2" : "0")
                + "; -fx-text-fill: " + fg + ";";
    }
}
