package org.karyolab.client.ui.live;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.karyolab.client.net.EventStream;
import org.karyolab.client.sync.Autosave;
import org.karyolab.schema.api.ServerEvent;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.editor.EditorHost;

/**
 * The project's live events for an open editor: a save of an annotation of this image made anywhere but
 * this client (another user, or the same user in another client or a script: the event's {@code clientId}
 * is not {@link org.karyolab.client.net.KaryoLabClient#clientId}) is taken in ({@link Autosave#refresh}); {@code resync} reloads the image ({@link Autosave#reload});
 * training and import progress show as bars in the status bar. The network work runs on one
 * background thread, in event order; what the user sees changes on the JavaFX thread.
 */
public final class LiveEvents implements AutoCloseable {

    private static final Object KEY = LiveEvents.class;
    static final String RECONNECTING = "Live updates lost; reconnecting\u2026";

    private final EditorHost editor;
    private final Autosave autosave;
    private final ProgressArea progress = new ProgressArea();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "karyolab-live-events");
        t.setDaemon(true);
        return t;
    });
    private final EventStream stream;
    private volatile int refreshed;
    private volatile int ownSkipped;
    private volatile int connections;
    private volatile boolean connected;

    private LiveEvents(EditorHost editor, String projectId) {
        this.editor = editor;
        this.autosave = editor.autosave();
        editor.addToStatusBar(progress);
        this.stream = autosave.client().events(projectId, null, new EventStream.Listener() {
            @Override
            public void event(EventStream.Received e) {
                handle(e);
            }

            @Override
            public void connection(boolean connected) {
                LiveEvents.this.connected = connected;
                if (!connected) Platform.runLater(() -> editor.model().say(RECONNECTING));
                else if (connections++ > 0) Platform.runLater(() -> { // back: the "reconnecting" line goes
                    if (RECONNECTING.equals(editor.model().messageProperty().get())) editor.model().say("Live updates reconnected");
                });
            }
        });
    }

    /** Starts following {@code projectId}'s events for the editor (JavaFX thread); stops when the editor closes. */
    public static LiveEvents attach(EditorHost editor, String projectId) {
        Objects.requireNonNull(projectId);
        var live = new LiveEvents(editor, projectId);
        editor.getProperties().put(KEY, live);
        editor.closeWith(live);
        return live;
    }

    public static LiveEvents of(EditorHost editor) {
        return (LiveEvents) editor.getProperties().get(KEY);
    }

    /** Whether the event stream is connected now. */
    public boolean connected() {
        return connected;
    }

    public ProgressArea progress() {
        return progress;
    }

    /** Times the stream has connected (the first connection, then each reconnection). */
    public int connections() {
        return connections;
    }

    /** Events of this client's own writes, skipped so far. */
    public int ownSkipped() {
        return ownSkipped;
    }

    /** Annotations taken in from others' saves so far. */
    public int refreshed() {
        return refreshed;
    }

    private void handle(EventStream.Received received) {
        String image = autosave.document().imageId();
        // Only this client's own writes are already in the document; the same user's from elsewhere are not.
        if (autosave.client().clientId().equals(received.clientId())) {
            ownSkipped++;
            return;
        }
        switch (received.event()) {
            case ServerEvent.AnnotationSaved e -> {
                if (!image.equals(e.imageId())) return;
                String id = e.annotationId(), by = who(e.by());
                worker.execute(() -> {
                    try {
                        if (autosave.refresh(id)) {
                            refreshed++;
                            Platform.runLater(() -> editor.model().say(by + " " + (e.change() == null ? "changed" : e.change())
                                    + " an annotation here"));
                        }
                    } catch (RuntimeException err) {
                        Platform.runLater(() -> editor.model().say("Live update failed: " + Errors.message(err)));
                    }
                });
            }
            case ServerEvent.ImageLabelsChanged e -> {
                if (!image.equals(e.imageId())) return;
                String by = who(e.by());
                worker.execute(() -> {
                    try {
                        if (autosave.refreshLabels()) {
                            Platform.runLater(() -> editor.model().say(by + " changed this image's karyotype or quality flags"));
                        }
                    } catch (RuntimeException err) {
                        Platform.runLater(() -> editor.model().say("Live update failed: " + Errors.message(err)));
                    }
                });
            }
            case ServerEvent.Resync e -> worker.execute(() -> {
                try {
                    autosave.reload();
                    Platform.runLater(() -> editor.model().say("Reloaded from the server (live updates were missed)"));
                } catch (RuntimeException err) {
                    Platform.runLater(() -> editor.model().say("Not reloaded: " + Errors.message(err)));
                }
            });
            case ServerEvent.ImageReviewed e -> {
                if (image.equals(e.imageId())) {
                    Platform.runLater(() -> editor.model().say("This image was reviewed by " + e.by() + ": " + e.decision()));
                }
            }
            case ServerEvent.TrainingProgress e ->
                    Platform.runLater(() -> progress.update("training", e.jobId(), e.fraction(), e.message()));
            case ServerEvent.ImportProgress e ->
                    Platform.runLater(() -> progress.update("import", e.jobId(), e.fraction(), e.message()));
            case ServerEvent.ImageAdded e -> { }
            case ServerEvent.ImageChanged e -> { }
            case ServerEvent.ImageSubmitted e -> { }
            case ServerEvent.SuggestionReady e -> { }
        }
    }

    /** Who made the write, as the status line says it: the same user from another client is "You (elsewhere)". */
    private String who(String by) {
        return Objects.equals(by, autosave.client().username()) ? "You (elsewhere)" : by;
    }

    @Override
    public void close() {
        stream.close();
        worker.shutdownNow();
    }
}
