package org.karyolab.client.ui.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.Adjustments;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.ImageLayer;
import org.karyolab.client.ui.canvas.ImagePixels;

/**
 * The editor's image on the canvas: the thumbnail first, then the full resolution ({@link ImageLoad}), each layer
 * closed when the next replaces it, with the display adjustments applied. JavaFX thread.
 */
final class EditorImage {

    private final EditorModel model;
    private final ImageCanvas canvas;
    private final BooleanSupplier closed;
    private final Supplier<Scene> scene;
    private final Runnable shown;
    private ImageLayer layer;
    private boolean fullImageShown;
    /** The thumbnail's first painted frame: the annotations' load starts after it, not to slow the first paint. */
    private CompletableFuture<?> firstImage = CompletableFuture.completedFuture(null);

    /** {@code shown} runs when the first image (thumbnail or full) is on screen. */
    EditorImage(EditorModel model, ImageCanvas canvas, BooleanSupplier closed, Supplier<Scene> scene, Runnable shown) {
        this.model = model;
        this.canvas = canvas;
        this.closed = closed;
        this.scene = scene;
        this.shown = shown;
        model.adjustmentsProperty().addListener((o, a, now) -> {
            if (layer != null) layer.adjust(now);
        });
    }

    /**
     * Shows the layers of a load started earlier: the thumbnail as soon as it is decoded (at once, in this call, if
     * it already is), then the full resolution.
     */
    void loadFrom(ImageLoad load) {
        load.claim(canvas::repaint);
        var thumbnailPainted = new CompletableFuture<Void>();
        thumbnailPainted.thenRun(load::thumbnailPainted);
        thumbnailPainted.thenRun(() -> Fx.onFx(shown));
        firstImage = thumbnailPainted;
        load.thumbnail().whenComplete((thumb, err) -> Fx.onFx(() -> {
            if (err != null) {
                model.say("Thumbnail: " + Errors.message(unwrap(err)));
                thumbnailPainted.complete(null);
            } else if (fullImageShown || closed.getAsBoolean()) {
                thumb.close();
                thumbnailPainted.complete(null);
            } else {
                show(thumb);
                afterNextFrame(() -> thumbnailPainted.complete(null));
            }
        }));
        load.full().whenComplete((full, err) -> Fx.onFx(() -> {
            if (err != null) {
                model.say("The image could not be loaded: " + Errors.message(unwrap(err)));
            } else if (closed.getAsBoolean()) {
                full.close();
            } else {
                shown.run();
                fullImageShown = true;
                show(full);
            }
        }));
    }

    /** Shows already decoded pixels (tests, and images opened from disk). */
    void show(ImagePixels pixels) {
        shown.run();
        fullImageShown = true;
        show(new ImageLayer(pixels, model.adjustmentsProperty().get(), canvas::repaint));
    }

    boolean fullImageShown() {
        return fullImageShown;
    }

    /** The thumbnail's first painted frame (done at once when no load was started). */
    CompletableFuture<?> firstImage() {
        return firstImage;
    }

    void close() {
        if (layer != null) layer.close();
    }

    private void show(ImageLayer next) {
        ImageLayer old = layer;
        layer = next;
        if (old != null) old.close();
        if (!next.image().isError()) canvas.setImage(next); // with its downscaled copies (ImagePyramid)
        Adjustments adjustments = model.adjustmentsProperty().get();
        if (!adjustments.identity()) next.adjust(adjustments);
    }

    /**
     * Runs {@code then} once the frame holding what was just shown has been painted: a pulse lays it
     * out and hands it to the renderer, and the next pulse starts only after that render.
     */
    private void afterNextFrame(Runnable then) {
        Scene s = scene.get();
        if (s == null) {
            then.run();
            return;
        }
        var pulses = new int[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            Platform.runLater(() -> s.removePostLayoutPulseListener(listener[0]));
            if (pulses[0] == 2) then.run();
        };
        s.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
