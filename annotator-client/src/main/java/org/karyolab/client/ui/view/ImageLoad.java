package org.karyolab.client.ui.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.canvas.Adjustments;
import org.karyolab.client.ui.canvas.ImageLayer;
import org.karyolab.client.ui.canvas.ImagePixels;

/**
 * An image's pixels on their way to the editor: the {@value EditorView#THUMBNAIL_SIZE}-px thumbnail
 * and the full image are fetched, decoded and turned into {@link ImageLayer}s in the background,
 * starting as soon as the image is chosen, so the network and the decoding overlap loading the
 * annotations and building the editor ({@code KaryoLabApp.openImage} starts it before
 * {@code Autosave.open}). The thumbnail goes first; the full image is downloaded at the same time
 * but decoded after the thumbnail, so the two do not compete for the CPU the first paint needs.
 * {@link EditorView#loadImageFrom(ImageLoad)} shows each layer as it is ready, the thumbnail first.
 */
public final class ImageLoad implements AutoCloseable {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "karyolab-image-load");
        t.setDaemon(true);
        return t;
    });

    private final CompletableFuture<ImageLayer> thumbnail;
    private final CompletableFuture<ImageLayer> full;
    /** What a layer calls when re-rendered with new adjustments: the editor's repaint, once there is an editor. */
    private final AtomicReference<Runnable> onUpdated = new AtomicReference<>(() -> { });
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** Completed by the editor once a frame showing the thumbnail has been painted, or the thumbnail failed. */
    private final CompletableFuture<Boolean> firstPainted = new CompletableFuture<>();

    private ImageLoad(KaryoLabClient client, String imageId, int thumbnailSize) {
        Runnable repaint = () -> onUpdated.get().run();
        thumbnail = CompletableFuture.supplyAsync(() -> client.thumbnail(imageId, thumbnailSize), WORKERS)
                .thenApplyAsync(bytes -> new ImageLayer(ImagePixels.decode(bytes), Adjustments.NONE, repaint), WORKERS);
        // Fetch and decode the full image (the bigger job) once the editor has painted the thumbnail (or
        // given up on it), at the latest after 1.5 s: on two cores, doing it beside the first frame delays
        // that frame (docs/BENCHMARKS.md, "Progressive open").
        full = firstPainted.copy().completeOnTimeout(true, 1500, TimeUnit.MILLISECONDS)
                .thenApplyAsync(ready -> new ImageLayer(ImagePixels.decode(client.imageContent(imageId)), Adjustments.NONE, repaint), WORKERS);
    }

    /** Starts fetching and decoding the image's thumbnail and full resolution (returns at once). */
    public static ImageLoad start(KaryoLabClient client, String imageId) {
        EditorWarmup.stop(); // an open has begun: the warm-up would only compete with it now
        return new ImageLoad(client, imageId, EditorView.THUMBNAIL_SIZE);
    }

    /** The thumbnail as a layer (completes in the background; exceptionally if it could not be had). */
    public CompletableFuture<ImageLayer> thumbnail() {
        return thumbnail;
    }

    /** The full-resolution image as a layer. */
    public CompletableFuture<ImageLayer> full() {
        return full;
    }

    /** The editor has painted a frame showing the thumbnail (or has none to show): the full image may be decoded now. */
    void thumbnailPainted() {
        firstPainted.complete(true);
    }

    /** Hands the layers to their editor: {@code repaint} runs (on the JavaFX thread) when a layer re-renders. Once only. */
    void claim(Runnable repaint) {
        if (!claimed.compareAndSet(false, true)) throw new IllegalStateException("this image load already belongs to an editor");
        onUpdated.set(repaint);
    }

    /** Releases the layers when nobody took them (the open failed). Does nothing once an editor has claimed them. */
    @Override
    public void close() {
        if (!claimed.compareAndSet(false, true)) return;
        thumbnail.thenAccept(ImageLayer::close);
        full.thenAccept(ImageLayer::close);
    }
}
