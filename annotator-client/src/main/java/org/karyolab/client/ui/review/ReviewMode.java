package org.karyolab.client.ui.review;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.karyolab.client.document.DocumentListener;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;

/**
 * Review mode, a toggle in the editor's toolbar: the side panel becomes the {@link ReviewPanel} and
 * the canvas a read-only {@link ReviewTool} that colours every annotation by its review state.
 * Off again, the editor's own panel and its first tool come back. Its keys, A / R / N, accept, reject and
 * go to the next submitted annotation while it is on (before the editor's own A, R and N).
 */
public final class ReviewMode {

    private static final Object KEY = ReviewMode.class;

    private final EditorHost editor;
    private final ToggleButton toggle = new ToggleButton("Review");
    private ReviewPanel panel;
    private ReviewTool tool;
    private Tool savedTool;
    private DocumentListener listener;
    private boolean updateQueued;

    /** Installs review mode into each editor (the extension list). */
    public static final class Extension implements EditorExtension {
        @Override
        public void install(EditorHost editor) {
            ReviewMode.install(editor);
        }
    }

    private ReviewMode(EditorHost editor) {
        this.editor = editor;
        toggle.setId("review-toggle");
        toggle.setFocusTraversable(false);
        toggle.setTooltip(new Tooltip("Review mode: accept or reject submitted annotations (reviewers)"));
        toggle.selectedProperty().addListener((o, was, on) -> {
            if (on) enter();
            else leave();
        });
    }

    /** Adds the toggle to the editor's toolbar and review's keys to its keymap; the mode is then found with {@link #of}. */
    static ReviewMode install(EditorHost editor) {
        var mode = new ReviewMode(editor);
        editor.addToToolbar(mode.toggle, 6, EditorHost.Needs.REVIEW);
        editor.keys().addAll(List.of(
                mode.key("review.accept", KeyCode.A, "review mode: accept the selected annotation (with its row's comment)",
                        () -> mode.panel.decideSelected("accept")),
                mode.key("review.reject", KeyCode.R, "review mode: reject the selected annotation (with its row's comment)",
                        () -> mode.panel.decideSelected("reject")),
                mode.key("review.next", KeyCode.N, "review mode: select the next submitted annotation in the list and centre it",
                        mode::next)));
        editor.getProperties().put(KEY, mode);
        return mode;
    }

    public static ReviewMode of(EditorHost editor) {
        return (ReviewMode) editor.getProperties().get(KEY);
    }

    public boolean active() {
        return toggle.isSelected();
    }

    public void setActive(boolean on) {
        toggle.setSelected(on);
    }

    public ToggleButton toggle() {
        return toggle;
    }

    /** The panel while review mode is on, else null. */
    public ReviewPanel panel() {
        return active() ? panel : null;
    }

    /** A review key (no modifier): taken only while the review tool is the canvas's. */
    private KeyAction key(String id, KeyCode code, String help, Runnable run) {
        return KeyAction.of(id, Section.REVIEW, code.getName() + " (review)", help, e -> {
            if (panel == null || tool == null || editor.canvas().tool() != tool) return false;
            run.run();
            return true;
        }, KeyAction.key(code)).in(KeyAction.Phase.TOOL);
    }

    private void enter() {
        var model = editor.model();
        panel = new ReviewPanel(model, editor.autosave());
        tool = new ReviewTool(editor.canvas(), id -> panel.show(id));
        savedTool = editor.canvas().tool();
        editor.showSidePanel(panel);
        editor.canvas().toolProperty().set(tool);
        listener = e -> Fx.onFx(this::queueUpdate);
        model.document().addListener(listener);
        model.say("Review mode: submitted annotations are amber, accepted green, rejected red");
    }

    /** N: the next submitted annotation, selected, its row shown and centred. */
    private void next() {
        String next = panel.nextSubmitted();
        if (next == null) {
            editor.say("Nothing left to review on this image");
            return;
        }
        editor.model().selectAnnotations(List.of(next));
        panel.show(next);
        var b = editor.document().annotation(next).shape().bounds();
        editor.canvas().viewport().centerOn(b.centerX(), b.centerY());
        editor.canvas().repaint();
    }

    private void queueUpdate() {
        if (updateQueued || panel == null) return;
        updateQueued = true;
        Platform.runLater(() -> {
            updateQueued = false;
            if (panel != null && active()) panel.update();
        });
    }

    private void leave() {
        if (listener != null) editor.document().removeListener(listener);
        listener = null;
        editor.showSidePanel(null);
        editor.selectTool(savedTool != null ? savedTool : editor.tools().getFirst());
        editor.canvas().repaint();
        panel = null;
        editor.say("Review mode off");
    }
}
