package org.karyolab.client.ui.bench;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.scene.Scene;

/**
 * When a scene's pulses start (JavaFX thread) and when its frames have been rendered (render
 * thread), from JavaFX's own performance tracker, the hook behind {@code -Djavafx.pulseLogger}.
 * It is an internal class (com.sun.javafx.perf), reachable because the annotator runs from the
 * class path; only the benchmark uses it.
 */
final class FrameClock implements AutoCloseable {

    private final Scene scene;
    private final PerformanceTracker tracker;

    FrameClock(Scene scene) {
        this.scene = scene;
        this.tracker = PerformanceTracker.getSceneTracker(scene);
    }

    /** Runs at the start of each pulse of the scene, on the JavaFX thread, before CSS, layout and the sync to the renderer. */
    void onPulse(Runnable r) {
        tracker.setOnPulse(r);
    }

    /** Runs on the render thread each time a frame of the scene has been painted. */
    void onRendered(Runnable r) {
        tracker.setOnRenderedFrameTask(r);
    }

    @Override
    public void close() {
        tracker.setOnPulse(null);
        tracker.setOnRenderedFrameTask(null);
        PerformanceTracker.releaseSceneTracker(scene);
    }
}
