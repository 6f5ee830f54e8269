package org.karyolab.client.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.Tool;

/**
 * The second half of a progressive open: the editor is already on screen with the image while the
 * image's annotations load in the background ({@link Autosave#load}: the journal of an earlier
 * session is sent, then the annotations and suggestions are fetched, decoded, and the document and
 * its spatial index built, all off the JavaFX thread, in one step). Meanwhile a "Loading
 * annotations…" card sits over the canvas, edits are refused (the {@code EditorModel} gate: tools,
 * edit keys and edit buttons are off and the status bar says why), and panning and zooming work. If
 * the load fails the card shows the error and a Retry, and nothing is loaded. Once it is done the gate
 * lifts, the Select tool is back and the shapes are painted.
 */
public final class AnnotationLoading {

    public enum State { LOADING, FAILED, READY }

    static final String WHY = "Loading the annotations\u2026 editing starts once they are here (pan and zoom work)";
    static final String WHY_FAILED = "The annotations could not be loaded, so nothing can be edited: press Retry";

    private final EditorView editor;
    private final Autosave autosave;
    private final Runnable onReady;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final HBox card = new HBox(10);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label text = new Label();
    private final Button retry = new Button("Retry");
    /** Controls turned off while loading (and only those: the rest keep their own state). */
    private final List<Node> turnedOff = new ArrayList<>();
    private Tool toolBefore;
    private long started;

    AnnotationLoading(EditorView editor, Autosave autosave, Runnable onReady) {
        this.editor = Objects.requireNonNull(editor);
        this.autosave = Objects.requireNonNull(autosave);
        this.onReady = onReady == null ? () -> { } : onReady;
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        text.setId("annotations-loading");
        text.setStyle("-fx-text-fill: #e6e8ee;");
        retry.setId("annotations-retry");
        retry.setFocusTraversable(false);
        retry.setOnAction(e -> start());
        card.getChildren().addAll(spinner, text, retry);
        card.setId("annotations-card");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setPadding(new Insets(8, 14, 8, 12));
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: rgba(35,38,45,0.92); -fx-background-radius: 6; -fx-border-color: #3a3f4b; "
                + "-fx-border-radius: 6;");
        // Over the canvas, top centre; clicks beside the card reach the canvas (pan and zoom).
        Node canvas = editor.getCenter();
        var center = new StackPane(canvas, card);
        center.setMinSize(0, 0);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        StackPane.setMargin(card, new Insets(12));
        editor.setCenter(center);
        // A click with a tool's button on the image says why nothing happens (the middle button and Space+drag pan).
        editor.canvas().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (state.get() != State.READY && e.getButton() == MouseButton.PRIMARY && !e.isMiddleButtonDown()
                    && editor.canvas().getCursor() != Cursor.OPEN_HAND) {
                editor.model().say(editor.model().editingBlockedProperty().get());
            }
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** The card over the canvas (tests, screenshots). */
    public Node card() {
        return card;
    }

    /**
     * Starts the load once {@code after} (the thumbnail) is done or failed: on two cores, decoding
     * 10,000 annotations beside the first paint would slow it. JavaFX thread.
     */
    void start(CompletableFuture<?> after) {
        blockEditing();
        text.setText("Loading annotations\u2026");
        editor.model().say(WHY);
        after.handle((v, err) -> Boolean.TRUE)
                .completeOnTimeout(Boolean.TRUE, 1500, TimeUnit.MILLISECONDS)
                .thenRun(() -> Fx.onFx(() -> {
                    if (!editor.isClosed()) start();
                }));
    }

    /** Starts (or retries) the load; JavaFX thread. */
    void start() {
        if (state.get() == State.READY) return;
        blockEditing();
        state.set(State.LOADING);
        started = System.nanoTime();
        text.setText("Loading annotations\u2026");
        spinner.setVisible(true);
        spinner.setManaged(true);
        retry.setVisible(false);
        retry.setManaged(false);
        card.setVisible(true);
        editor.model().say(WHY);
        Fx.async(() -> {
            autosave.load(n -> Fx.onFx(() -> {
                if (state.get() == State.LOADING) text.setText(String.format("Loading %,d annotation%s\u2026", n, n == 1 ? "" : "s"));
            }));
            return autosave.document().size();
        }, this::loaded, this::failed);
    }

    private void loaded(int count) {
        if (editor.isClosed()) return;
        state.set(State.READY);
        card.setVisible(false);
        allowEditing();
        long ms = (System.nanoTime() - started) / 1_000_000;
        editor.model().say(String.format("%,d annotation%s loaded (%,d ms)", count, count == 1 ? "" : "s", ms));
        editor.canvas().repaint();
        onReady.run();
    }

    private void failed(Throwable err) {
        if (editor.isClosed()) return;
        state.set(State.FAILED);
        text.setText("The annotations could not be loaded: " + Errors.message(err));
        spinner.setVisible(false);
        spinner.setManaged(false);
        retry.setVisible(true);
        retry.setManaged(true);
        editor.model().editingBlockedProperty().set(WHY_FAILED);
        editor.model().say(WHY_FAILED);
    }

    private void blockEditing() {
        editor.model().editingBlockedProperty().set(WHY);
        if (!turnedOff.isEmpty()) return; // a retry: still off
        toolBefore = editor.canvas().tool();
        if (toolBefore != null) toolBefore.cancel();
        editor.canvas().toolProperty().set(null);
        for (Node n : editor.toolbarItems()) {
            if (n instanceof ToggleButton t) t.setSelected(false);
            if (n instanceof ButtonBase b && !b.isDisabled() && !keptOn(b)) turnOff(b);
        }
        if (editor.getRight() != null) turnOff(editor.getRight()); // class palette, suggestions, layers, adjustments
    }

    private static boolean keptOn(ButtonBase b) {
        String id = b.getId();
        String label = b.getText() == null ? "" : b.getText();
        // The toolbar's "More" menu offers its items as they are: the ones turned off show turned off there.
        return "back".equals(id) || "toolbar-more".equals(id) || label.equals("Fit") || label.equals("?");
    }

    private void turnOff(Node n) {
        if (n.isDisable()) return;
        n.setDisable(true);
        turnedOff.add(n);
    }

    private void allowEditing() {
        editor.model().editingBlockedProperty().set(null);
        turnedOff.forEach(n -> n.setDisable(false));
        turnedOff.clear();
        editor.selectTool(toolBefore != null ? toolBefore : editor.tools().getFirst());
    }
}
