package org.karyolab.client.ui.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** The benchmarks' one way to run a step on the JavaFX thread and wait for its result (at most 30 s). */
final class OnFx {

    private OnFx() {}

    static <T> T call(Callable<T> c) throws Exception {
        var f = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
