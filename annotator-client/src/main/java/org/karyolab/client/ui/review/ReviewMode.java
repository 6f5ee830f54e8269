package org.karyolab.client.ui.review;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.karyolab.client.document.DocumentListener;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.TextEntry;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.view.EditorView;

/**
 * Review mode, a toggle in the editor's toolbar: the side panel becomes the {@link ReviewPanel} and
 * the canvas a read-only {@link ReviewTool} that colours every annotation by its review state.
 * Off again, the editor's own panel and its first tool come back.
 */
public final class ReviewMode {

    private static final Object KEY = ReviewMode.class;

    private final EditorView editor;
    private final ToggleButton toggle = new ToggleButton("Review");
    private ReviewPanel panel;
    private ReviewTool tool;
    private Node savedRight;
    private Tool savedTool;
    private DocumentListener listener;
    private boolean updateQueued;

    private ReviewMode(EditorView editor) {
        this.editor = editor;
        toggle.setId("review-toggle");
        toggle.setFocusTraversable(false);
        toggle.setTooltip(new Tooltip("Review mode: accept or reject submitted annotations (reviewers)"));
        toggle.selectedProperty().addListener((o, was, on) -> {
            if (on) enter();
            else leave();
        });
    }

    /** Adds the toggle to the editor's toolbar; the mode is then found with {@link #of}. */
    public static ReviewMode install(EditorView editor) {
        var mode = new ReviewMode(editor);
        if (editor.getTop() instanceof HBox bar) bar.getChildren().add(mode.toggle);
        editor.getProperties().put(KEY, mode);
        return mode;
    }

    public static ReviewMode of(EditorView editor) {
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

    private void enter() {
        var model = editor.model();
        panel = new ReviewPanel(model, editor.autosave());
        tool = new ReviewTool(editor.canvas(), id -> panel.show(id), this::key);
        savedRight = editor.getRight();
        savedTool = editor.canvas().tool();
        editor.setRight(panel);
        editor.canvas().toolProperty().set(tool);
        listener = e -> Fx.onFx(this::queueUpdate);
        model.document().addListener(listener);
        model.say("Review mode: submitted annotations are amber, accepted green, rejected red");
    }

    /** A {@link ReviewKeys} key: accept / reject the selected annotation, or go to the next submitted one. Not while typing. */
    private boolean key(KeyEvent e) {
        ReviewKeys k = ReviewKeys.of(e);
        if (k == null || panel == null) return false;
        if (TextEntry.hasFocus(editor.getScene())) return false;
        switch (k) {
            case ACCEPT -> panel.decideSelected("accept");
            case REJECT -> panel.decideSelected("reject");
            case NEXT -> {
                String next = panel.nextSubmitted();
                if (next == null) {
                    editor.model().say("Nothing left to review on this image");
                } else {
                    editor.model().selectAnnotations(List.of(next));
                    panel.show(next);
                    var b = Shapes.bounds(editor.model().document().annotation(next).shape());
                    editor.canvas().viewport().centerOn(b.centerX(), b.centerY());
                    editor.canvas().repaint();
                }
            }
        }
        return true;
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
        if (listener != null) editor.model().document().removeListener(listener);
        listener = null;
        if (savedRight != null) editor.setRight(savedRight);
        editor.selectTool(savedTool != null ? savedTool : editor.tools().getFirst());
        editor.canvas().repaint();
        panel = null;
        editor.model().say("Review mode off");
    }
}
