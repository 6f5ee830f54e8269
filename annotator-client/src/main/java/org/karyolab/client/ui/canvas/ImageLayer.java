package org.karyolab.client.ui.canvas;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The image as drawn: a {@link WritableImage} holding {@link ImagePixels} through the current
 * {@link Adjustments}. The lookup-table pass runs on a worker thread into one reused buffer, then is
 * copied into the image on the JavaFX thread; while a slider is dragged only the latest setting is
 * computed (older ones are skipped), so the canvas stays responsive on a 4096x4096 image.
 */
public final class ImageLayer implements AutoCloseable {

    private final ImagePixels pixels;
    private final WritableImage image;
    private final int[] buffer;
    private final Runnable onUpdated;
    private final AtomicReference<Adjustments> wanted = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "karyolab-image-adjust");
        t.setDaemon(true);
        return t;
    });

    /** Builds the layer (on any thread) with its first rendering done. */
    public ImageLayer(ImagePixels pixels, Adjustments initial, Runnable onUpdated) {
        this.pixels = pixels;
        this.image = new WritableImage(pixels.width(), pixels.height());
        this.buffer = new int[pixels.width() * pixels.height()];
        this.onUpdated = onUpdated;
        pixels.render(initial, buffer);
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(), buffer, 0,
                pixels.width());
    }

    public WritableImage image() {
        return image;
    }

    public int width() {
        return pixels.width();
    }

    public int height() {
        return pixels.height();
    }

    /** Re-renders with new adjustments, asynchronously; calls {@code onUpdated} on the JavaFX thread when shown. */
    public void adjust(Adjustments adjustments) {
        if (wanted.getAndSet(adjustments) == null) worker.execute(this::drain);
    }

    private void drain() {
        Adjustments a;
        while ((a = wanted.getAndSet(null)) != null) {
            pixels.render(a, buffer);
            var shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(), buffer, 0,
                        pixels.width());
                shown.countDown();
                onUpdated.run();
            });
            try {
                shown.await(); // the buffer is being read: do not write the next setting into it yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
