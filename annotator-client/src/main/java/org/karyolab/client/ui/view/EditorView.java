package org.karyolab.client.ui.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ClassKeyEntry;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.net.Lease;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.sync.Conflict;
import org.karyolab.client.sync.LabelsConflict;
import org.karyolab.client.sync.SyncOp;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.Shortcuts;
import org.karyolab.client.ui.TextEntry;
import org.karyolab.client.ui.anomaly.AnomalyEditorWindow;
import org.karyolab.client.ui.band.BandEditorWindow;
import org.karyolab.client.ui.canvas.ExtraKeys;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.client.ui.canvas.ImageLayer;
import org.karyolab.client.ui.canvas.ImagePixels;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.karyogram.KaryogramWindow;
import org.karyolab.client.ui.pickers.LabelPickers;
import org.karyolab.client.ui.review.ReviewMode;
import org.karyolab.client.ui.tool.BoxTool;
import org.karyolab.client.ui.tool.BrushTool;
import org.karyolab.client.ui.tool.KeypointsTool;
import org.karyolab.client.ui.tool.MergeAction;
import org.karyolab.client.ui.tool.PolygonTool;
import org.karyolab.client.ui.tool.PolylineTool;
import org.karyolab.client.ui.tool.RotatedBoxTool;
import org.karyolab.client.ui.tool.SelectTool;
import org.karyolab.client.ui.tool.SplitTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * The annotation editor for one image: toolbar (tools, undo/redo), the {@link ImageCanvas}, a side
 * panel (class palette, suggestions with their threshold, layers, display adjustments, the
 * selection) and a status bar (autosave state, tool, pointer, zoom, feedback). The keyboard drives
 * it (F1 lists every key). Edits go through the core's {@code Edits} and {@link UndoManager};
 * {@link Autosave} sends them.
 */
public final class EditorView extends BorderPane implements AutoCloseable {

    /** Thumbnail shown while the full image loads. */
    static final int THUMBNAIL_SIZE = 1024;
    static final Duration CLASS_KEY_TIMEOUT = Duration.ofMillis(1200);

    private final Autosave autosave;
    private final KaryoLabClient client;
    private final ImageDocument document;
    private final EditorModel model;
    private final ImageCanvas canvas;
    private final ClassKeyEntry classKeys;
    private final List<Tool> tools = new ArrayList<>();
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final Label saveState = new Label();
    private final Label toolLabel = new Label();
    private final Label pointerLabel = new Label();
    private final Label zoomLabel = new Label();
    private final Label messageLabel = new Label();
    private final Label typedLabel = new Label();
    private final Label selectionLabel = new Label();
    private final Label suggestionCount = new Label();
    private final Button acceptAbove = new Button();
    private final PalettePanel palette;
    private final Timeline ticker;
    private final Lease lease;
    private Timeline leaseRenewal;
    private ImageLayer layer;
    private boolean fullImageShown;
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

        this.classKeys = new ClassKeyEntry(CLASS_KEY_TIMEOUT, new ClassKeyEntry.Listener() {
            @Override
            public void committed(ChromosomeClass c) {
                setClass(c);
            }

            @Override
            public void typing(String typed) {
                model.typedClassProperty().set(typed);
            }

            @Override
            public void rejected(String typed) {
                model.say("No chromosome class \u201c" + typed + "\u201d: type 1-22, X or Y");
            }
        });
        this.palette = new PalettePanel(this::setClass);

        tools.add(new SelectTool(canvas));
        tools.add(new BoxTool(canvas));
        tools.add(new PolygonTool(canvas));
        tools.add(new KeypointsTool(canvas));
        tools.add(new PolylineTool(canvas));
        tools.add(new RotatedBoxTool(canvas));
        tools.add(new SplitTool(canvas));
        tools.add(new BrushTool(canvas, false));
        tools.add(new BrushTool(canvas, true));

        setTop(toolbar());
        setCenter(canvas);
        setRight(sidePanel());
        setBottom(statusBar());
        selectTool(tools.getFirst());
        installExtras();

        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) canvas.setSpaceDown(false);
        });

        document.addListener(e -> Fx.onFx(() -> documentChanged(e)));
        model.undo().addListener(u -> Fx.onFx(this::refreshSelectionInfo));
        model.selectedSuggestionProperty().addListener((o, a, b) -> refreshSelectionInfo());
        model.thresholdProperty().addListener((o, a, b) -> refreshSuggestionInfo());
        model.adjustmentsProperty().addListener((o, a, now) -> {
            if (layer != null) layer.adjust(now);
        });
        autosave.addListener(new Autosave.Listener() {
            @Override
            public void statusChanged(Autosave.Status status) {
                Fx.onFx(() -> showStatus(status));
            }

            @Override
            public void conflict(Conflict conflict) {
                Fx.onFx(() -> settle(conflict));
            }

            @Override
            public void labelsConflict(LabelsConflict conflict) {
                Fx.onFx(() -> settleLabels(conflict));
            }

            @Override
            public void refused(SyncOp op, ApiException reason) {
                Fx.onFx(() -> model.say("The server refused an edit; it is undone here: " + Errors.message(reason)));
            }
        });
        showStatus(autosave.status());
        refreshSelectionInfo();
        refreshSuggestionInfo();

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(150), e -> classKeys.tick(System.currentTimeMillis())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        if (lease != null) {
            leaseRenewal = new Timeline(new KeyFrame(javafx.util.Duration.minutes(5), e -> Fx.async(() -> client.renewLease(lease.id()),
                    l -> { }, err -> model.say("The image's lease could not be renewed: " + Errors.message(err)))));
            leaseRenewal.setCycleCount(Timeline.INDEFINITE);
            leaseRenewal.play();
        }
    }

    // --- accessors (the shell and tests) --------------------------------------------------------

    public EditorModel model() {
        return model;
    }

    public ImageCanvas canvas() {
        return canvas;
    }

    public Autosave autosave() {
        return autosave;
    }

    public List<Tool> tools() {
        return List.copyOf(tools);
    }

    public Label saveStateLabel() {
        return saveState;
    }

    public void setOnBack(Runnable onBack) {
        this.onBack = Objects.requireNonNull(onBack);
    }

    public void setConfirm(Predicate<String> confirm) {
        this.confirm = Objects.requireNonNull(confirm);
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
        load.claim(canvas::repaint);
        var thumbnailPainted = new CompletableFuture<Void>();
        thumbnailPainted.thenRun(load::thumbnailPainted);
        thumbnailPainted.thenRun(() -> Fx.onFx(this::installPickers));
        firstImage = thumbnailPainted;
        load.thumbnail().whenComplete((thumb, err) -> Fx.onFx(() -> {
            if (err != null) {
                model.say("Thumbnail: " + Errors.message(unwrap(err)));
                thumbnailPainted.complete(null);
            } else if (fullImageShown || closed) {
                thumb.close();
                thumbnailPainted.complete(null);
            } else {
                showLayer(thumb);
                afterNextFrame(() -> thumbnailPainted.complete(null));
            }
        }));
        load.full().whenComplete((full, err) -> Fx.onFx(() -> {
            if (err != null) {
                model.say("The image could not be loaded: " + Errors.message(unwrap(err)));
            } else if (closed) {
                full.close();
            } else {
                installPickers();
                fullImageShown = true;
                showLayer(full);
            }
        }));
    }

    /**
     * Runs {@code then} once the frame holding what was just shown has been painted: a pulse lays it
     * out and hands it to the renderer, and the next pulse starts only after that render.
     */
    private void afterNextFrame(Runnable then) {
        Scene scene = getScene();
        if (scene == null) {
            then.run();
            return;
        }
        var pulses = new int[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            if (pulses[0] == 2) then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Shows already decoded pixels (tests, and images opened from disk). */
    public void showPixels(ImagePixels pixels) {
        installPickers();
        fullImageShown = true;
        showLayer(new ImageLayer(pixels, model.adjustmentsProperty().get(), canvas::repaint));
    }

    public boolean fullImageShown() {
        return fullImageShown;
    }

    // --- annotations, after the editor is on screen (progressive open) ---------------------------

    private AnnotationLoading annotationLoading;
    /** The thumbnail's first painted frame ({@link #loadImageFrom}): the annotations' load starts after it, not to slow the first paint. */
    private CompletableFuture<?> firstImage = CompletableFuture.completedFuture(null);

    /**
     * For an autosave made with {@link Autosave#prepare} (empty document): loads the annotations in the
     * background while the editor shows the image, refusing edits until they are here (see
     * {@link AnnotationLoading}); {@code onReady} runs on the JavaFX thread once they are.
     */
    public AnnotationLoading loadAnnotations(Runnable onReady) {
        if (annotationLoading != null) throw new IllegalStateException("the annotations are already loading");
        annotationLoading = new AnnotationLoading(this, autosave, onReady);
        annotationLoading.start(firstImage);
        return annotationLoading;
    }

    /** The annotations' load started by {@link #loadAnnotations}, or null (opened with {@link Autosave#open}). */
    public AnnotationLoading annotationLoading() {
        return annotationLoading;
    }

    boolean isClosed() {
        return closed;
    }

    private void showLayer(ImageLayer next) {
        ImageLayer old = layer;
        layer = next;
        if (old != null) old.close();
        if (!next.image().isError()) canvas.setImage(next); // with its downscaled copies (ImagePyramid)
        if (!model.adjustmentsProperty().get().identity()) next.adjust(model.adjustmentsProperty().get());
    }

    // --- building the view ----------------------------------------------------------------------

    /**
     * The toolbar ({@link OverflowToolbar}: what does not fit goes to its "More" menu). As the window narrows, the
     * case title goes first, then side windows' openers, help and merge, fit, undo and redo, submit and review;
     * the tools and Back last.
     */
    private HBox toolbar() {
        Button back = new Button("\u25c0 Images");
        back.setId("back");
        back.setFocusTraversable(false);
        back.setOnAction(e -> leave(onBack));
        var asset = document.image();
        Label title = new Label("Case " + asset.caseId() + "  \u00b7  " + asset.width() + " \u00d7 " + asset.height()
                + (asset.stain() == null ? "" : "  \u00b7  " + asset.stain()));
        title.getStyleClass().add("kl-subtle");
        title.setId("case-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        OverflowToolbar.setPriority(title, 0);
        OverflowToolbar.setPriority(back, 9);
        var bar = new OverflowToolbar();
        bar.getChildren().addAll(back, new Separator(Orientation.VERTICAL));
        for (Tool t : tools) {
            ToggleButton b = new ToggleButton(t.name() + "  " + t.shortcut());
            b.setId("tool-" + t.shortcut());
            b.getStyleClass().add("tool-button");
            b.setToggleGroup(toolGroup);
            b.setUserData(t);
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(t.name() + " (" + t.shortcut() + "): " + t.help()));
            b.setOnAction(e -> selectTool(t));
            OverflowToolbar.setPriority(b, 8);
            bar.getChildren().add(b);
        }
        Button undo = new Button("\u21b6 Undo");
        undo.setFocusTraversable(false);
        undo.setOnAction(e -> model.undoStep());
        Button redo = new Button("\u21b7 Redo");
        redo.setFocusTraversable(false);
        redo.setOnAction(e -> model.redoStep());
        model.undo().addListener(u -> Fx.onFx(() -> {
            undo.setDisable(!u.canUndo());
            redo.setDisable(!u.canRedo());
            undo.setTooltip(new Tooltip(u.canUndo() ? "Undo " + u.undoName() + " (Ctrl+Z)" : "Nothing to undo"));
            redo.setTooltip(new Tooltip(u.canRedo() ? "Redo " + u.redoName() + " (Ctrl+Shift+Z)" : "Nothing to redo"));
        }));
        undo.setDisable(true);
        redo.setDisable(true);
        Button fit = new Button("Fit");
        fit.setFocusTraversable(false);
        fit.setOnAction(e -> canvas.fitImage());
        Button submit = new Button("Submit for review");
        submit.setId("submit");
        submit.setFocusTraversable(false);
        submit.setOnAction(e -> submit());
        Button help = new Button("?");
        help.setId("help");
        help.setFocusTraversable(false);
        help.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        help.setOnAction(e -> showHelp());
        OverflowToolbar.setPriority(help, 2);
        OverflowToolbar.setPriority(fit, 3);
        OverflowToolbar.setPriority(undo, 4);
        OverflowToolbar.setPriority(redo, 4);
        OverflowToolbar.setPriority(submit, 6);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(new Separator(Orientation.VERTICAL), undo, redo, fit, spacer, title, submit, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("kl-toolbar");
        return bar;
    }

    private ScrollPane sidePanel() {
        var box = new VBox();
        box.getStyleClass().add("kl-side");
        box.setPrefWidth(228);

        typedLabel.setId("typed");
        typedLabel.textProperty().bind(model.typedClassProperty().map(t -> t.isEmpty() ? "" : "typing " + t + "\u2026"));
        Button flip = new Button("Flip polarity  P");
        flip.setFocusTraversable(false);
        flip.setOnAction(e -> flipPolarity());
        selectionLabel.setWrapText(true);
        selectionLabel.setId("selection");

        Slider threshold = new Slider(0, 1, model.thresholdProperty().get());
        threshold.setId("threshold");
        threshold.setFocusTraversable(false);
        threshold.valueProperty().bindBidirectional(model.thresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(model.thresholdProperty().map(v -> "\u2265 " + Math.round(v.doubleValue() * 100) + "%"));
        acceptAbove.setId("accept-above");
        acceptAbove.setFocusTraversable(false);
        acceptAbove.setMaxWidth(Double.MAX_VALUE);
        acceptAbove.setOnAction(e -> acceptAllAbove());
        Button next = new Button("Next suggestion  N");
        next.setFocusTraversable(false);
        next.setMaxWidth(Double.MAX_VALUE);
        next.setOnAction(e -> nextSuggestion());
        var thresholdRow = new HBox(6, threshold, thresholdValue);
        HBox.setHgrow(threshold, Priority.ALWAYS);

        CheckBox showAnnotations = new CheckBox("Annotations  H");
        showAnnotations.setId("layer-annotations");
        showAnnotations.setFocusTraversable(false);
        showAnnotations.selectedProperty().bindBidirectional(model.showAnnotationsProperty());
        CheckBox showSuggestions = new CheckBox("Suggestions  S");
        showSuggestions.setId("layer-suggestions");
        showSuggestions.setFocusTraversable(false);
        showSuggestions.selectedProperty().bindBidirectional(model.showSuggestionsProperty());

        box.getChildren().addAll(
                section("CLASS"), palette, new HBox(8, flip, typedLabel),
                section("SELECTION"), selectionLabel,
                section("SUGGESTIONS"), suggestionCount, thresholdRow, acceptAbove, next,
                section("LAYERS"), showAnnotations, showSuggestions,
                section("IMAGE"), new AdjustmentPanel(model.adjustmentsProperty()));
        var scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.setStyle("-fx-background-color: #23262d; -fx-background: #23262d;");
        return scroll;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kl-section");
        return l;
    }

    private HBox statusBar() {
        saveState.setId("save-state");
        messageLabel.setId("message");
        messageLabel.textProperty().bind(model.messageProperty());
        pointerLabel.textProperty().bind(canvas.pointerProperty());
        toolLabel.textProperty().bind(canvas.toolProperty().map(t -> t == null ? "" : "Tool: " + t.name()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(saveState, toolLabel, messageLabel, spacer, pointerLabel, zoomLabel);
        bar.getStyleClass().add("kl-status");
        bar.setAlignment(Pos.CENTER_LEFT);
        // The zoom is read from the viewport on every frame the canvas draws; a cheap poll keeps the label honest.
        var zoomPoll = new Timeline(new KeyFrame(javafx.util.Duration.millis(250),
                e -> zoomLabel.setText(Math.round(canvas.viewport().scale() * 100) + "%")));
        zoomPoll.setCycleCount(Timeline.INDEFINITE);
        zoomPoll.play();
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) zoomPoll.stop();
            else zoomPoll.play();
        });
        return bar;
    }

    // --- state shown ----------------------------------------------------------------------------

    /** Autosave's state in words: saved, saving, unsent edits in the journal, offline, conflicts. */
    public static String describe(Autosave.Status s) {
        if (!s.online()) {
            return "\u25cf Offline \u2014 " + s.unsentChanges() + " unsent edit" + (s.unsentChanges() == 1 ? "" : "s") + " kept in the journal";
        }
        if (s.conflicts() > 0) return "\u25cf " + s.conflicts() + " conflict" + (s.conflicts() == 1 ? "" : "s") + " to settle";
        if (s.refusal() != null && s.unsentChanges() == 0) return "\u25cf Edit refused by the server and undone \u2014 " + s.refusal();
        if (s.unsentChanges() == 0) return "\u25cf All changes saved";
        if (s.queuedOps() > 0) return "\u25cf Saving \u2014 " + s.unsentChanges() + " unsent edit" + (s.unsentChanges() == 1 ? "" : "s") + " in the journal";
        return "\u25cf Saving\u2026";
    }

    private void showStatus(Autosave.Status s) {
        saveState.setText(describe(s));
        saveState.getStyleClass().removeAll("kl-save-ok", "kl-save-busy", "kl-save-offline");
        saveState.getStyleClass().add(!s.online() || s.conflicts() > 0 || s.refusal() != null ? "kl-save-offline" : s.unsentChanges() > 0 ? "kl-save-busy" : "kl-save-ok");
        saveState.setTooltip(s.lastError() == null ? null : new Tooltip(s.lastError()));
    }

    private void documentChanged(DocumentEvent e) {
        switch (e) {
            case DocumentEvent.SuggestionsChanged s -> refreshSuggestionInfo();
            case DocumentEvent.Reloaded r -> {
                refreshSuggestionInfo();
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
            selectionLabel.setText(Shape.TYPE_NAMES.get(kindIndex(a)) + "  \u00b7  "
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

    private static int kindIndex(Annotation a) {
        return switch (a.shape()) {
            case Box b -> 0;
            case RotatedBox r -> 1;
            case Polygon p -> 2;
            case Mask m -> 3;
            case Keypoints k -> 4;
            case Polyline l -> 5;
        };
    }

    private void refreshSuggestionInfo() {
        List<ModelSuggestion> open = document.openSuggestions();
        double t = model.thresholdProperty().get();
        long above = open.stream().filter(s -> s.confidence() >= t).count();
        suggestionCount.setText(open.isEmpty() ? "No open suggestions" : open.size() + " open \u00b7 " + above + " above the threshold");
        acceptAbove.setText("Accept " + above + " \u2265 " + Math.round(t * 100) + "%  A");
        acceptAbove.setDisable(above == 0);
    }

    // --- actions --------------------------------------------------------------------------------

    public void selectTool(Tool t) {
        if (!(t instanceof SelectTool) && model.readOnlyProperty().get() != null) { // the role may not draw (RoleLimits)
            model.say(model.readOnlyProperty().get());
            return;
        }
        Tool current = canvas.tool();
        if (current != null && current != t) current.cancel();
        canvas.toolProperty().set(t);
        for (var toggle : toolGroup.getToggles()) if (toggle.getUserData() == t) toggle.setSelected(true);
    }

    private Tool toolFor(String key) {
        for (Tool t : tools) if (t.shortcut().equalsIgnoreCase(key)) return t;
        return null;
    }

    /** A class for the selection; with a suggestion selected instead, accepts it with that class (one undo step). */
    void setClass(ChromosomeClass c) {
        List<String> ids = List.copyOf(document.selection());
        if (!ids.isEmpty()) {
            model.perform(() -> Edits.setClass(document, ids, c));
            return;
        }
        ModelSuggestion s = model.selectedSuggestionValue();
        if (s != null) {
            model.undo().beginCompound("Accept as " + c.label());
            Command accepted;
            try {
                accepted = model.perform(() -> Edits.acceptSuggestion(document, s.id()));
                if (accepted instanceof Commands.AcceptSuggestion a) {
                    model.perform(() -> Edits.setClass(document, List.of(a.annotation().id()), c));
                }
            } finally {
                model.undo().endCompound();
            }
            if (accepted instanceof Commands.AcceptSuggestion a) {
                model.selectAnnotations(List.of(a.annotation().id()));
                model.say("Accepted as class " + c.label());
            }
            return;
        }
        model.say("Select a chromosome first, then type its class");
    }

    private void flipPolarity() {
        List<String> ids = List.copyOf(document.selection());
        if (ids.isEmpty()) model.say("Select a chromosome first, then press P");
        else model.perform(() -> Edits.flipPolarity(document, ids));
    }

    private void acceptSelectedSuggestion() {
        ModelSuggestion s = model.selectedSuggestionValue();
        if (s == null) return;
        Command c = model.perform(() -> Edits.acceptSuggestion(document, s.id()));
        if (c instanceof Commands.AcceptSuggestion a) model.selectAnnotations(List.of(a.annotation().id()));
    }

    private void rejectSelectedSuggestion() {
        ModelSuggestion s = model.selectedSuggestionValue();
        if (s == null) return;
        if (model.perform(() -> Edits.rejectSuggestion(document, s.id())) != null) model.selectSuggestion(null);
    }

    void acceptAllAbove() {
        double t = model.thresholdProperty().get();
        if (document.openSuggestions().stream().noneMatch(s -> s.confidence() >= t)) {
            model.say("No open suggestion at or above " + Math.round(t * 100) + "%");
            return;
        }
        model.perform(() -> Edits.acceptAbove(document, t));
    }

    private void nextSuggestion() {
        ModelSuggestion current = model.selectedSuggestionValue();
        List<ModelSuggestion> open = new ArrayList<>(document.openSuggestions());
        if (open.isEmpty()) {
            model.say("No open suggestions left");
            return;
        }
        open.sort(Comparator.comparingDouble(ModelSuggestion::confidence).reversed().thenComparing(ModelSuggestion::id));
        int i = current == null ? -1 : open.indexOf(current);
        ModelSuggestion next = open.get((i + 1) % open.size());
        model.selectSuggestion(next.id());
        var b = Shapes.bounds(next.shape());
        canvas.viewport().centerOn(b.centerX(), b.centerY());
        canvas.repaint();
    }

    private void deleteSelection() {
        List<String> ids = List.copyOf(document.selection());
        if (!ids.isEmpty()) model.perform(() -> Edits.delete(document, ids));
    }

    private void submit() {
        model.say("Submitting\u2026");
        Fx.async(() -> {
            autosave.flushNow();
            if (autosave.hasUnsentEdits()) throw new IllegalStateException("some edits are not on the server yet; try again when it answers");
            var r = client.submit(document.imageId());
            autosave.adopt(r.changed()); // the server's statuses and revisions, or the next edit is a false conflict
            return r;
        }, r -> model.say("Submitted for review: " + r.changed().size() + " annotation" + (r.changed().size() == 1 ? "" : "s")),
                err -> model.say("Not submitted: " + Errors.message(err)));
    }

    /** The F1 sheet: every key, in a table sized to the window that scrolls ({@link ShortcutSheet}). */
    public void showHelp() {
        ShortcutSheet.show(this, Shortcuts.all(tools));
    }

    /** The image's karyotype or quality flags were saved by someone else meanwhile: mine, theirs or merged. */
    private void settleLabels(LabelsConflict c) {
        var alert = Fx.themed(new Alert(Alert.AlertType.CONFIRMATION));
        alert.setTitle("Someone else changed this image's labels");
        alert.setHeaderText((c.theirAuthor() == null ? "Someone" : c.theirAuthor()) + " saved the image's karyotype or quality flags meanwhile.");
        alert.setContentText("Mine:    " + describe(c.mine()) + "\nTheirs:  " + describe(c.theirs())
                + "\nMerged:  " + describe(c.merge()));
        ButtonType mine = new ButtonType("Keep mine"), theirs = new ButtonType("Keep theirs"),
                merge = new ButtonType("Merge", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(merge, mine, theirs);
        if (getScene() != null) alert.initOwner(getScene().getWindow());
        alert.showAndWait().ifPresent(choice -> {
            try {
                autosave.resolveLabels(choice == mine ? c.mine() : choice == theirs ? c.theirs() : c.merge());
            } catch (RuntimeException e) {
                model.say(Errors.message(e));
            }
        });
    }

    private static String describe(ImageLabels labels) {
        String karyotype = labels.karyotype() == null ? "(no karyotype)" : labels.karyotype();
        return labels.quality().isEmpty() ? karyotype : karyotype + "  [" + labels.quality().stream()
                .map(q -> q.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "]";
    }

    private void settle(Conflict c) {
        var alert = Fx.themed(new Alert(Alert.AlertType.CONFIRMATION));
        alert.setTitle("Someone else changed this annotation");
        alert.setHeaderText("An annotation you edited was changed on the server meanwhile.");
        alert.setContentText(c.deletedByThem() ? "They deleted it." : c.deletedByMe() ? "You deleted it; they changed it."
                : "Keep your version, theirs, or merge (your changes win where both changed).");
        ButtonType mine = new ButtonType("Keep mine"), theirs = new ButtonType("Keep theirs"),
                merge = new ButtonType("Merge", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(merge, mine, theirs);
        if (getScene() != null) alert.initOwner(getScene().getWindow());
        alert.showAndWait().ifPresent(choice -> {
            Conflict.Resolution r = choice == mine ? new Conflict.Resolution.KeepMine()
                    : choice == theirs ? new Conflict.Resolution.KeepTheirs()
                    : c.mine() != null && c.theirs() != null ? new Conflict.Resolution.Merged(c.merge()) : new Conflict.Resolution.KeepMine();
            try {
                autosave.resolve(c, r);
            } catch (RuntimeException e) {
                model.say(Errors.message(e));
            }
        });
    }

    // --- keyboard -------------------------------------------------------------------------------

    /**
     * The editor's keys. None while a text input has the focus ({@link TextEntry}: a review comment, a spinner, ...):
     * what is typed there is text, never a shortcut. A key another part of the editor already took (a side window's
     * opener, the image navigator) is theirs alone.
     */
    private void keyPressed(KeyEvent e) {
        if (e.isConsumed() || TextEntry.hasFocus(getScene())) return;
        if (handleKey(e)) e.consume();
    }

    private boolean handleKey(KeyEvent e) {
        KeyCode code = e.getCode();
        Tool tool = canvas.tool();
        if (e.isShortcutDown()) {
            switch (code) {
                case Z -> {
                    if (e.isShiftDown()) model.redoStep();
                    else model.undoStep();
                    return true;
                }
                case Y -> {
                    model.redoStep();
                    return true;
                }
                case S -> {
                    model.say("Sending\u2026");
                    Fx.async(autosave::flushNow, s -> model.say(s.unsentChanges() == 0 ? "Everything is on the server" : describe(s)),
                            err -> model.say(Errors.message(err)));
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        if (e.isAltDown()) return false;
        if (!model.editable() && !AnnotationLoading.viewingKey(e)) { // the annotations are still loading
            model.say(model.editingBlockedProperty().get());
            return true;
        }
        if (tool != null && tool.busy() && tool.keyPressed(e)) return true;
        if (tool instanceof ExtraKeys k && k.extraKey(e)) return true;
        if (code == KeyCode.K && e.isShiftDown()) {
            KaryogramWindow.open(this);
            return true;
        }
        switch (code) {
            case F1 -> {
                showHelp();
                return true;
            }
            case SPACE -> {
                canvas.setSpaceDown(true);
                return true;
            }
            case ENTER -> {
                if (classKeys.enter()) return true;
                if (tool != null && tool.keyPressed(e)) return true;
                acceptSelectedSuggestion();
                return true;
            }
            case ESCAPE -> {
                if (classKeys.escape()) return true;
                if (tool != null && tool.keyPressed(e)) return true;
                document.clearSelection();
                model.selectSuggestion(null);
                return true;
            }
            case DELETE, BACK_SPACE -> {
                if (model.selectedSuggestionValue() != null) rejectSelectedSuggestion();
                else deleteSelection();
                return true;
            }
            default -> {
            }
        }
        char c = keyChar(code);
        if (c != 0 && classKeys.key(c, System.currentTimeMillis())) return true;
        switch (code) {
            case P -> flipPolarity();
            case M -> MergeAction.run(model);
            case R -> RotatedBoxTool.rotateSelection(canvas, e.isShiftDown() ? -RotatedBoxTool.STEP
                    : RotatedBoxTool.STEP);
            case A -> acceptAllAbove();
            case N -> nextSuggestion();
            case H -> model.showAnnotationsProperty().set(!model.showAnnotationsProperty().get());
            case S -> model.showSuggestionsProperty().set(!model.showSuggestionsProperty().get());
            case I -> model.adjustmentsProperty().set(model.adjustmentsProperty().get().withInvert(!model.adjustmentsProperty().get().invert()));
            case F -> canvas.fitImage();
            case PLUS, EQUALS, ADD -> canvas.zoomBy(1.25);
            case MINUS, SUBTRACT -> canvas.zoomBy(0.8);
            default -> {
                Tool t = e.isShiftDown() ? null : toolFor(code.getName()); // Shift+letter keys are other actions (Shift+B, Shift+K)
                if (t == null) return false;
                selectTool(t);
            }
        }
        return true;
    }

    /** Keys that type a class: digits (top row or keypad), X and Y. */
    private static char keyChar(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            return name.charAt(name.length() - 1);
        }
        return switch (code) {
            case X -> 'X';
            case Y -> 'Y';
            default -> 0;
        };
    }

    // --- extras: merge button, karyogram, review mode (ui.tool / ui.karyogram / ui.review) ------

    private void installExtras() {
        if (getTop() instanceof HBox bar) {
            Button merge = new Button("Merge  M");
            merge.setId("merge");
            merge.setFocusTraversable(false);
            merge.setTooltip(new Tooltip("Merge the two selected shapes into one (M)"));
            merge.setOnAction(e -> MergeAction.run(model));
            OverflowToolbar.setPriority(merge, 2);
            bar.getChildren().add(merge);
        }
        KaryogramWindow.install(this);
        OverflowToolbar.setPriority(ReviewMode.install(this).toggle(), 6);
        BandEditorWindow.install(this);
        AnomalyEditorWindow.install(this);
        RoleLimits.install(this);
        // The cluster type and status pickers come once the image is on screen (installPickers): they are
        // disabled until the annotations are in anyway, and building them cost the cold first paint ~70 ms.
    }

    private boolean pickersInstalled;

    /** Cluster type and status, under the palette; once. JavaFX thread. */
    private void installPickers() {
        if (pickersInstalled || closed) return;
        pickersInstalled = true;
        LabelPickers.install(this);
    }

    /** Closes {@code c} when the editor closes (e.g. the project's live event stream). */
    public void closeWith(AutoCloseable c) {
        closeWithMe.add(Objects.requireNonNull(c));
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
            if (layer != null) layer.close();
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
