package org.karyolab.client.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ClassKeyEntry;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.api.Lease;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.sync.Conflict;
import org.karyolab.client.sync.LabelsConflict;
import org.karyolab.client.sync.SyncOp;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.TextEntry;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.ImagePixels;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.keys.Keymap;
import org.karyolab.client.ui.tool.Tools;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;

/**
 * The annotation editor for one image: toolbar (tools, undo/redo), the {@link ImageCanvas}, a side
 * panel (class palette, suggestions with their threshold, layers, display adjustments, the
 * selection) and a status bar (autosave state, tool, pointer, zoom, feedback). The keyboard drives
 * it through one {@link Keymap} (F1 lists every key). Edits go through the core's {@code Edits} and
 * {@link UndoManager}; {@link Autosave} sends them. Side windows, panels and modes install themselves
 * ({@link EditorExtension}) and ask for what they need through {@link EditorHost}.
 */
public final class EditorView extends BorderPane implements EditorHost, AutoCloseable {

    /** Thumbnail shown while the full image loads. */
    static final int THUMBNAIL_SIZE = 1024;

    private final Autosave autosave;
    private final KaryoLabClient client;
    private final ImageDocument document;
    private final EditorModel model;
    private final ImageCanvas canvas;
    private final EditorActions actions;
    private final ClassKeyEntry classKeys;
    private final List<Tool> tools;
    private final Keymap keys = new Keymap(this::gate);
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final OverflowToolbar toolbar;
    private final SidePanel sidePanel;
    private final StatusBar statusBar;
    private final EditorImage image;
    private final Label selectionLabel = new Label();
    private final PalettePanel palette;
    private final Timeline ticker;
    private final Lease lease;
    private Timeline leaseRenewal;
    private boolean imageShown;
    /** What waits for the image to be on screen ({@link #onImageShown}). */
    private final List<Runnable> afterImageShown = new ArrayList<>();
    private Runnable onBack = () -> { };
    /** Asks the user a yes/no question (replaced in tests). */
    private Predicate<String> confirm = EditorView::confirmDialog;
    private boolean closed;
    /** Closed with the editor (live event streams and the like). */
    private final List<AutoCloseable> closeWithMe = new CopyOnWriteArrayList<>();

    public EditorView(Autosave autosave, Lease lease) {
        this.autosave = Objects.requireNonNull(autosave);
        this.client = autosave.client();
        this.document = autosave.document();
        this.lease = lease;
        this.model = new EditorModel(document, new UndoManager(document));
        this.canvas = new ImageCanvas(model);
        canvas.setId("canvas");
        getStyleClass().add("kl-root");
        getStylesheets().add(Objects.requireNonNull(EditorView.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());

        this.actions = new EditorActions(model, canvas, autosave);
        this.classKeys = EditorKeys.classTyping(model, actions::setClass);
        this.palette = new PalettePanel(actions::setClass);
        this.tools = Tools.create(canvas);
        keys.addAll(Tools.keys(canvas, tools, canvas::tool, this::selectTool));
        keys.addAll(EditorKeys.of(model, canvas, classKeys, actions, this::showHelp));

        this.toolbar = EditorToolbar.build(model, canvas, tools, toolGroup, this::selectTool, () -> leave(onBack), actions::submit,
                this::showHelp);
        this.sidePanel = new SidePanel(model, palette, selectionLabel, actions);
        this.statusBar = new StatusBar(model, canvas);
        this.image = new EditorImage(model, canvas, () -> closed, this::getScene, this::imageShown);
        setTop(toolbar);
        setCenter(canvas);
        setRight(sidePanel);
        setBottom(statusBar);
        selectTool(tools.getFirst());
        for (EditorExtension x : EditorExtension.listed()) x.install(this);
        RoleLimits.install(this);

        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) canvas.setSpaceDown(false);
        });

        document.addListener(e -> Fx.onFx(() -> documentChanged(e)));
        model.undo().addListener(u -> Fx.onFx(this::refreshSelectionInfo));
        model.selectedSuggestionProperty().addListener((o, a, b) -> refreshSelectionInfo());
        model.thresholdProperty().addListener((o, a, b) -> sidePanel.refreshSuggestions());
        autosave.addListener(new Autosave.Listener() {
            @Override
            public void statusChanged(Autosave.Status status) {
                Fx.onFx(() -> statusBar.show(status));
            }

            @Override
            public void conflict(Conflict conflict) {
                Fx.onFx(() -> ConflictDialogs.settle(getScene(), autosave, model, conflict));
            }

            @Override
            public void labelsConflict(LabelsConflict conflict) {
                Fx.onFx(() -> ConflictDialogs.settleLabels(getScene(), autosave, model, conflict));
            }

            @Override
            public void refused(SyncOp op, ApiException reason) {
                Fx.onFx(() -> model.say("The server refused an edit; it is undone here: " + Errors.message(reason)));
            }
        });
        statusBar.show(autosave.status());
        refreshSelectionInfo();
        sidePanel.refreshSuggestions();

        ticker = new Timeline(new KeyFrame(Duration.millis(150), e -> classKeys.tick(System.currentTimeMillis())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        if (lease != null) {
            leaseRenewal = new Timeline(new KeyFrame(Duration.minutes(5), e -> Fx.async(() -> client.renewLease(lease.id()),
                    l -> { }, err -> model.say("The image's lease could not be renewed: " + Errors.message(err)))));
            leaseRenewal.setCycleCount(Timeline.INDEFINITE);
            leaseRenewal.play();
        }
    }

    // --- accessors (the shell and tests) --------------------------------------------------------

    @Override
    public EditorModel model() {
        return model;
    }

    @Override
    public ImageCanvas canvas() {
        return canvas;
    }

    @Override
    public Autosave autosave() {
        return autosave;
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public Keymap keys() {
        return keys;
    }

    public Label saveStateLabel() {
        return statusBar.saveState();
    }

    public void setOnBack(Runnable onBack) {
        this.onBack = Objects.requireNonNull(onBack);
    }

    public void setConfirm(Predicate<String> confirm) {
        this.confirm = Objects.requireNonNull(confirm);
    }

    // --- what the editor's parts may ask (EditorHost) -------------------------------------------

    @Override
    public void addToToolbar(ButtonBase item, int priority, Needs needs) {
        OverflowToolbar.setPriority(item, priority);
        EditorToolbar.setNeeds(item, needs);
        toolbar.getChildren().add(item);
    }

    /** The toolbar's items, the editor's and its extensions' (AnnotationLoading turns them off meanwhile). */
    List<Node> toolbarItems() {
        return toolbar.getChildren();
    }

    /** The toolbar's items that need what the role must allow ({@link RoleLimits}). */
    List<ButtonBase> toolbarItems(Needs needs) {
        return toolbar.getChildren().stream().filter(n -> n instanceof ButtonBase && EditorToolbar.needs(n) == needs)
                .map(ButtonBase.class::cast).toList();
    }

    @Override
    public void addUnderPalette(Node panel) {
        sidePanel.addUnderPalette(panel);
    }

    @Override
    public void showSidePanel(Node panel) {
        setRight(panel == null ? sidePanel : panel);
    }

    @Override
    public void addToStatusBar(Node item) {
        statusBar.add(item);
    }

    @Override
    public void onImageShown(Runnable r) {
        if (closed) return;
        if (imageShown) r.run();
        else afterImageShown.add(r);
    }

    /** The image is on screen: what waited for it runs, once. JavaFX thread. */
    private void imageShown() {
        if (imageShown || closed) return;
        imageShown = true;
        afterImageShown.forEach(Runnable::run);
        afterImageShown.clear();
    }

    /** Closes {@code c} when the editor closes (e.g. the project's live event stream). */
    @Override
    public void closeWith(AutoCloseable c) {
        closeWithMe.add(Objects.requireNonNull(c));
    }

    // --- image ----------------------------------------------------------------------------------

    /** Fetches and shows the thumbnail, then the full-resolution image, in the background. */
    public void loadImage() {
        loadImageFrom(ImageLoad.start(client, document.imageId()));
    }

    /**
     * Shows the layers of a load started earlier (see {@link ImageLoad}): the thumbnail as soon as it
     * is decoded (at once, in this call, if it already is), then the full resolution.
     */
    public void loadImageFrom(ImageLoad load) {
        image.loadFrom(load);
    }

    /** Shows already decoded pixels (tests, and images opened from disk). */
    public void showPixels(ImagePixels pixels) {
        image.show(pixels);
    }

    public boolean fullImageShown() {
        return image.fullImageShown();
    }

    // --- annotations, after the editor is on screen (progressive open) ---------------------------

    private AnnotationLoading annotationLoading;

    /**
     * For an autosave made with {@link Autosave#prepare} (empty document): loads the annotations in the
     * background while the editor shows the image, refusing edits until they are here (see
     * {@link AnnotationLoading}); {@code onReady} runs on the JavaFX thread once they are.
     */
    public AnnotationLoading loadAnnotations(Runnable onReady) {
        if (annotationLoading != null) throw new IllegalStateException("the annotations are already loading");
        annotationLoading = new AnnotationLoading(this, autosave, onReady);
        annotationLoading.start(image.firstImage()); // after the thumbnail's first paint
        return annotationLoading;
    }

    /** The annotations' load started by {@link #loadAnnotations}, or null (opened with {@link Autosave#open}). */
    public AnnotationLoading annotationLoading() {
        return annotationLoading;
    }

    boolean isClosed() {
        return closed;
    }

    /** Autosave's state in words: saved, saving, unsent edits in the journal, offline, conflicts. */
    public static String describe(Autosave.Status s) {
        return StatusBar.describe(s);
    }

    // --- state shown ----------------------------------------------------------------------------

    private void documentChanged(DocumentEvent e) {
        switch (e) {
            case DocumentEvent.SuggestionsChanged s -> sidePanel.refreshSuggestions();
            case DocumentEvent.Reloaded r -> {
                sidePanel.refreshSuggestions();
                refreshSelectionInfo();
            }
            default -> refreshSelectionInfo();
        }
    }

    private void refreshSelectionInfo() {
        List<Annotation> selected = document.selectedAnnotations();
        ModelSuggestion s = model.selectedSuggestionValue();
        ChromosomeClass common = null;
        if (!selected.isEmpty()) {
            common = selected.getFirst().labels().chromosomeClass();
            for (Annotation a : selected) if (a.labels().chromosomeClass() != common) common = null;
        }
        palette.highlight(common);
        if (selected.size() == 1) {
            Annotation a = selected.getFirst();
            var l = a.labels();
            selectionLabel.setText(a.shape().type() + "  \u00b7  "
                    + (l.chromosomeClass() == null ? "no class" : "class " + l.chromosomeClass().label())
                    + (l.polarity() == null ? "" : "  \u00b7  " + (l.polarity() == Polarity.P_UP ? "p up" : "p down"))
                    + "\n" + a.status().toString().toLowerCase(Locale.ROOT)
                    + (a.revision() == 0 ? "  \u00b7  not yet saved" : "  \u00b7  revision " + a.revision())
                    + (a.provenance() == null ? "" : "  \u00b7  " + a.provenance().source().toString().toLowerCase(Locale.ROOT).replace('_', ' ')));
        } else if (selected.size() > 1) {
            selectionLabel.setText(selected.size() + " annotations" + (common == null ? "" : "  \u00b7  class " + common.label()));
        } else if (s != null) {
            selectionLabel.setText("Suggestion from " + s.modelId() + " " + s.modelVersion() + "  \u00b7  "
                    + Math.round(s.confidence() * 100) + "%\nEnter accepts, Delete rejects");
        } else {
            selectionLabel.setText("Nothing selected (" + document.size() + " annotations)");
        }
    }

    // --- tools and keys -------------------------------------------------------------------------

    @Override
    public void selectTool(Tool t) {
        if (t.draws() && model.readOnlyProperty().get() != null) { // the role may not draw (RoleLimits)
            model.say(model.readOnlyProperty().get());
            return;
        }
        Tool current = canvas.tool();
        if (current != null && current != t) current.cancel();
        canvas.toolProperty().set(t);
        for (var toggle : toolGroup.getToggles()) if (toggle.getUserData() == t) toggle.setSelected(true);
    }

    /** The F1 sheet: every key, in a table sized to the window that scrolls ({@link ShortcutSheet}). */
    public void showHelp() {
        ShortcutSheet.show(this, keys.sheet());
    }

    /**
     * The editor's keys ({@link #keys}). None while a text input has the focus ({@link TextEntry}: a review comment,
     * a spinner, ...): what is typed there is text, never a shortcut. A key something else already took is theirs.
     */
    private void keyPressed(KeyEvent e) {
        if (e.isConsumed() || TextEntry.hasFocus(getScene())) return;
        if (keys.press(e)) e.consume();
    }

    /**
     * Between the first keys (undo, send, side windows) and the rest: while the annotations load, a key that edits
     * is refused, saying why; a tool drawing something takes its keys (Enter, Esc, Backspace) before the editor.
     */
    private boolean gate(KeyEvent e) {
        if (!model.editable() && !keys.viewing(e)) {
            model.say(model.editingBlockedProperty().get());
            return true;
        }
        Tool tool = canvas.tool();
        return tool != null && tool.busy() && tool.keyPressed(e);
    }

    // --- leaving --------------------------------------------------------------------------------

    /**
     * Leaves the image: with edits not yet on the server, asks first (they stay in the journal and
     * are sent the next time the image is opened). Then autosave sends what it can and stops, the
     * lease is released, and {@code then} runs on the JavaFX thread. Returns false if the user stayed.
     */
    public boolean leave(Runnable then) {
        if (autosave.hasUnsentEdits()) {
            Autosave.Status s = autosave.status();
            String question = s.unsentChanges() + " edit" + (s.unsentChanges() == 1 ? " is" : "s are")
                    + " not on the server yet" + (s.online() ? "" : " (the server does not answer)")
                    + ". They are kept in the journal on this computer and sent the next time you open this image. Close anyway?";
            if (!confirm.test(question)) return false;
        }
        Fx.async(() -> {
            close();
            return Boolean.TRUE;
        }, ok -> then.run(), err -> then.run());
        return true;
    }

    private static boolean confirmDialog(String question) {
        var alert = Fx.themed(new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.CLOSE));
        alert.setTitle("Unsent edits");
        alert.setHeaderText("Some edits are not on the server yet");
        return alert.showAndWait().filter(b -> b == ButtonType.CLOSE).isPresent();
    }

    /** Stops timers, sends what autosave can, releases the lease. Any thread. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (AutoCloseable c : closeWithMe) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        Platform.runLater(() -> {
            ticker.stop();
            if (leaseRenewal != null) leaseRenewal.stop();
            image.close();
        });
        autosave.close();
        if (lease != null) {
            try {
                client.releaseLease(lease.id());
            } catch (RuntimeException ignored) {
                // it expires by itself
            }
        }
    }
}
