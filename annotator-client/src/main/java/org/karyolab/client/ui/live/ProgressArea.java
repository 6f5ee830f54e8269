package org.karyolab.client.ui.live;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * Progress bars for the project's long jobs (model training, imports), in the status bar: one per
 * job, updated by its events, gone a few seconds after it finishes.
 */
public final class ProgressArea extends HBox {

    static final Duration LINGER = Duration.seconds(4);

    /** One job's bar. */
    public record Job(HBox box, ProgressBar bar, Label label) {}

    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public ProgressArea() {
        super(10);
        setId("progress-area");
        setAlignment(Pos.CENTER_LEFT);
    }

    /** {@code kind} "training" or "import"; {@code fraction} 0..1. JavaFX thread. */
    public void update(String kind, String jobId, double fraction, String message) {
        String key = kind + ":" + jobId;
        Job job = jobs.get(key);
        if (job == null) {
            var bar = new ProgressBar(0);
            bar.setPrefWidth(110);
            bar.setPrefHeight(12);
            var label = new Label();
            var box = new HBox(5, label, bar);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setId("progress-" + kind + "-" + jobId);
            job = new Job(box, bar, label);
            jobs.put(key, job);
            getChildren().add(box);
        }
        double f = Math.clamp(fraction, 0, 1);
        job.bar().setProgress(f);
        String name = kind.equals("training") ? "Training" : "Import";
        job.label().setText(name + " " + Math.round(f * 100) + "%");
        Tooltip.install(job.box(), new Tooltip(name + " job " + jobId + (message == null ? "" : ": " + message)));
        if (f >= 1) {
            Job done = job;
            var pause = new PauseTransition(LINGER);
            pause.setOnFinished(e -> {
                if (jobs.get(key) == done && done.bar().getProgress() >= 1) {
                    jobs.remove(key);
                    getChildren().remove(done.box());
                }
            });
            pause.play();
        }
    }

    /** The bar of a job, or null (tests). */
    public ProgressBar bar(String kind, String jobId) {
        Job j = jobs.get(kind + ":" + jobId);
        return j == null ? null : j.bar();
    }

    public Label label(String kind, String jobId) {
        Job j = jobs.get(kind + ":" + jobId);
        return j == null ? null : j.label();
    }
}
