package org.karyolab.client.ui.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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

    private ImageLoad(KaryoLabClient client, String imageId, int thumbnailSize) {
        Runnable repaint = () -> onUpdated.get().run();
        thumbnail = CompletableFuture.supplyAsync(() -> client.thumbnail(imageId, thumbnailSize), WORKERS)
                .thenApplyAsync(bytes -> new ImageLayer(ImagePixels.decode(bytes), Adjustments.NONE, repaint), WORKERS);
        CompletableFuture<byte[]> fullBytes = CompletableFuture.supplyAsync(() -> client.imageContent(imageId), WORKERS);
        // Decode the full image once the thumbnail is done (or has failed): it is the bigger job.
        full = fullBytes.thenCombineAsync(thumbnail.handle((t, e) -> Boolean.TRUE),
                (bytes, ignored) -> new ImageLayer(ImagePixels.decode(bytes), Adjustments.NONE, repaint), WORKERS);
    }

    /** Starts fetching and decoding the image's thumbnail and full resolution (returns at once). */
    public static ImageLoad start(KaryoLabClient client, String imageId) {
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
