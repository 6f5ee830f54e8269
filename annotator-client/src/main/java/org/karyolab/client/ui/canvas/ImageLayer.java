package org.karyolab.client.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * <p>
 * The adjusted image is also kept as an {@link ImagePyramid} (halved copies down to ~512 px), built on the
 * same worker from the adjusted pixels and rebuilt with every change of the adjustments: the canvas draws
 * a zoomed-out view from the smallest copy that still has enough pixels.
 */
public final class ImageLayer implements AutoCloseable {

    private final ImagePixels pixels;
    private final WritableImage image;
    private final int[] buffer;
    /** Level 0 is {@link #image}; then each level half the size of the one before. */
    private final List<WritableImage> levels = new ArrayList<>();
    /** The pixels of levels 1.. (level 0's are {@link #buffer}), rebuilt by {@link #buildLevels()}. */
    private final List<int[]> levelPixels = new ArrayList<>();
    private final Runnable onUpdated;
    /** Changes (JavaFX thread) each time new pixels are shown; the compositor recomposes on a change. */
    private long version;
    /** The worker is writing the int[] pixels: the compositor must not read them (the canvas draws the images meanwhile). Set on the JavaFX thread. */
    private volatile boolean writing;
    private final AtomicReference<Adjustments> wanted = new AtomicReference<>();
    /** The adjustments of the pixels shown, and who waits for which (JavaFX thread). */
    private Adjustments shown;
    private final List<Map.Entry<Adjustments, CompletableFuture<Void>>> waiting = new ArrayList<>();
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
        levels.add(image);
        for (int level = 1; level < ImagePyramid.levelCount(pixels.width(), pixels.height()); level++) {
            int w = ImagePyramid.levelSize(pixels.width(), level), h = ImagePyramid.levelSize(pixels.height(), level);
            levels.add(new WritableImage(w, h));
            levelPixels.add(new int[w * h]);
        }
        pixels.render(initial, buffer);
        buildLevels();
        writeLevels();
        shown = initial;
    }

    /**
     * Completes (on the JavaFX thread) once the pixels of {@code adjustments} are shown, at once if they are; for the
     * latest setting asked of {@link #adjust} (settings overtaken while a slider moves are never shown). JavaFX thread.
     */
    public CompletableFuture<Void> whenShown(Adjustments adjustments) {
        var done = new CompletableFuture<Void>();
        if (adjustments.equals(shown)) done.complete(null);
        else waiting.add(Map.entry(adjustments, done));
        return done;
    }

    /** Halves the adjusted pixels level by level (worker thread, or the constructor's). */
    private void buildLevels() {
        int[] source = buffer;
        for (int level = 1; level < levels.size(); level++) {
            int[] out = levelPixels.get(level - 1);
            ImagePyramid.halve(source, ImagePyramid.levelSize(width(), level - 1), ImagePyramid.levelSize(height(), level - 1), out);
            source = out;
        }
    }

    /** Copies every level's pixels into its image (JavaFX thread once the images are shown). */
    private void writeLevels() {
        for (int level = 0; level < levels.size(); level++) {
            WritableImage img = levels.get(level);
            int w = (int) img.getWidth();
            img.getPixelWriter().setPixels(0, 0, w, (int) img.getHeight(), PixelFormat.getIntArgbInstance(),
                    level == 0 ? buffer : levelPixels.get(level - 1), 0, w);
        }
    }

    /**
     * The levels' pixels for the {@link FrameCompositor} (JavaFX thread), or null while the worker is writing
     * new ones (an adjustment being computed): then the canvas draws the {@link #levels()} images as before.
     */
    FrameCompositor.Source source() {
        if (writing) return null;
        int n = levels.size();
        int[][] px = new int[n][];
        int[] ws = new int[n], hs = new int[n];
        for (int level = 0; level < n; level++) {
            px[level] = level == 0 ? buffer : levelPixels.get(level - 1);
            ws[level] = ImagePyramid.levelSize(width(), level);
            hs[level] = ImagePyramid.levelSize(height(), level);
        }
        return new FrameCompositor.Source(this, version, px, ws, hs);
    }

    public WritableImage image() {
        return image;
    }

    /** The image at full size, then halved again and again (see {@link ImagePyramid}); the same images for the layer's life. */
    public List<WritableImage> levels() {
        return List.copyOf(levels);
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
            // Raised on the JavaFX thread, between two frames: no frame is being composed from these pixels as they change.
            var raised = new CountDownLatch(1);
            Platform.runLater(() -> {
                writing = true;
                raised.countDown();
            });
            try {
                raised.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pixels.render(a, buffer);
            buildLevels();
            var written = new CountDownLatch(1);
            Adjustments rendered = a;
            Platform.runLater(() -> {
                writeLevels();
                version++;
                writing = false;
                written.countDown();
                onUpdated.run();
                shown = rendered;
                waiting.removeIf(w -> {
                    if (!w.getKey().equals(rendered)) return false;
                    w.getValue().complete(null);
                    return true;
                });
            });
            try {
                written.await(); // the buffers are being read: do not write the next setting into them yet
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
