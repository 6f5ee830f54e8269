package org.karyolab.client.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Dialog;

/** Network and decoding off the JavaFX thread; the outcome back on it. */
public final class Fx {

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "karyolab-ui-background");
        t.setDaemon(true);
        return t;
    });

    private Fx() {
    }

    /** Runs {@code work} in the background, then {@code done} or {@code failed} on the JavaFX thread. */
    public static <T> void async(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        BACKGROUND.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> done.accept(value));
            } catch (Throwable e) {
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    /**
     * The annotator's dark theme for a dialog: a dialog is a window of its own and does not inherit the
     * stylesheet of the window it belongs to (it came up light grey over the dark editor).
     */
    public static <D extends Dialog<?>> D themed(D dialog) {
        var pane = dialog.getDialogPane();
        pane.getStylesheets().add(Objects.requireNonNull(Fx.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        pane.getStyleClass().add("kl-root");
        return dialog;
    }

    /** Runs on the JavaFX thread: now if already on it, else later. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }
}
