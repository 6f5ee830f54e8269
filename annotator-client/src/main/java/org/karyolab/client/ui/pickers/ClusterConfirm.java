package org.karyolab.client.ui.pickers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.karyolab.client.ui.Fx;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.Polarity;

/**
 * Before a cluster type clears what the expert called: a cluster of several chromosomes (touching, overlapping,
 * touching-overlapping) is one shape with no class, polarity or band calls, so picking one for annotations that
 * have them asks first, saying exactly what would be cleared, and offers the split tool instead (the cluster cut
 * into chromosomes that each keep a class). Nothing is lost without that answer; what is cleared comes back with
 * one undo.
 */
final class ClusterConfirm {

    /** The answer: clear and set the type, take the split tool instead, or leave everything as it is. */
    enum Choice { CLEAR, SPLIT, CANCEL }

    /** Asks the question (the dialog; replaced in tests that are not about it). */
    @FunctionalInterface
    interface Question {
        Choice ask(String typeName, List<String> losses);
    }

    static final int LINES = 8;

    private ClusterConfirm() {
    }

    /** True when {@code type} names several chromosomes, so its shape can carry no single chromosome's labels. */
    static boolean clears(ClusterType type) {
        return type != null && type != ClusterType.INSTANCE;
    }

    /**
     * What picking {@code type} would clear, one line per annotation that loses something
     * ({@code "class 7, polarity p up, 12 band calls"}); empty when nothing would be lost.
     */
    static List<String> losses(List<Annotation> annotations, ClusterType type) {
        var out = new ArrayList<String>();
        if (!clears(type)) return out;
        for (Annotation a : annotations) {
            AnnotationLabels l = a.labels();
            var parts = new ArrayList<String>();
            if (l.chromosomeClass() != null) parts.add("class " + l.chromosomeClass().label());
            if (l.polarity() != null) parts.add("polarity " + (l.polarity() == Polarity.P_UP ? "p up" : "p down"));
            int bands = l.bands().size();
            if (bands > 0) parts.add(bands + " band call" + (bands == 1 ? "" : "s"));
            if (!parts.isEmpty()) out.add(String.join(", ", parts));
        }
        return out;
    }

    /** The question in words: what the type means, what is cleared (at most {@value #LINES} lines), what to do instead. */
    static String message(String typeName, List<String> losses) {
        var b = new StringBuilder();
        int n = losses.size();
        b.append(n == 1 ? "This annotation loses:" : n + " annotations lose:").append('\n');
        for (int i = 0; i < Math.min(n, LINES); i++) b.append("  \u2022 ").append(losses.get(i)).append('\n');
        if (n > LINES) b.append("  \u2026 and ").append(n - LINES).append(" more\n");
        b.append('\n').append("Anomalies are kept; one undo (Ctrl+Z) brings everything back.\n")
                .append("If the shape holds chromosomes you can tell apart, split it instead (Split tool, C): ")
                .append("each part stays a chromosome with its own class.");
        return b.toString();
    }

    /** The dialog: Clear, Split instead, Cancel (the default: Enter or Esc loses nothing). JavaFX thread. */
    static Question dialog(Supplier<Window> owner) {
        return (typeName, losses) -> {
            var alert = Fx.themed(new Alert(Alert.AlertType.WARNING));
            alert.setTitle("Cluster type: " + typeName);
            alert.setHeaderText(Character.toUpperCase(typeName.charAt(0)) + typeName.substring(1) + " means one shape holding "
                    + "several chromosomes: it has no class, polarity or band calls, so setting it clears them.");
            alert.setContentText(message(typeName, losses));
            ButtonType clear = new ButtonType("Clear them and set " + typeName, ButtonBar.ButtonData.APPLY);
            ButtonType split = new ButtonType("Split it instead", ButtonBar.ButtonData.OTHER);
            ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
            alert.getButtonTypes().setAll(clear, split, cancel);
            var pane = alert.getDialogPane();
            pane.setId("cluster-confirm");
            pane.lookupButton(clear).setId("cluster-confirm-clear");
            pane.lookupButton(split).setId("cluster-confirm-split");
            pane.lookupButton(cancel).setId("cluster-confirm-cancel");
            ((Button) pane.lookupButton(clear)).setDefaultButton(false);
            ((Button) pane.lookupButton(cancel)).setDefaultButton(true);
            Window w = owner.get();
            if (w != null) alert.initOwner(w);
            ButtonType answer = alert.showAndWait().orElse(cancel);
            return answer == clear ? Choice.CLEAR : answer == split ? Choice.SPLIT : Choice.CANCEL;
        };
    }

    static String typeName(ClusterType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
