package org.karyolab.client.ui.pickers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;
import org.karyolab.client.ui.review.ReviewMode;
import org.karyolab.client.ui.tool.SplitTool;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ClusterType;

/**
 * The cluster type picker (the four types of the Lin 2021 scheme, or none) of the editor's side panel,
 * under the class palette, and the selection's review status. The picker shows the selection's current
 * type (nothing checked and "mixed" when the selected annotations differ), applies a pick to every
 * selected annotation as one undo step, and is off, saying why, with nothing selected or while editing
 * is blocked (the annotations still loading). A cluster type of several chromosomes
 * never clears a class, polarity or band calls silently: {@link ClusterConfirm} says what would be lost
 * and offers the split tool instead.
 *
 * <p>Status is shown, never set here: it moves only through the workflow (the image's "Submit for review",
 * a reviewer's accept or reject in review mode), as the server enforces.
 *
 * <p>Keys (Alt, which none of the editor's other keys use): declared by {@link Extension}, so also on the F1 sheet.
 */
public final class LabelPickers extends VBox {

    /** A cluster type choice: {@code type} null is "none". */
    record ClusterChoice(ClusterType type, String label, char key, String tip) {}

    static final List<ClusterChoice> CLUSTER_CHOICES = List.of(
            new ClusterChoice(ClusterType.INSTANCE, "Instance", '1',
                    "Instance: one chromosome on its own, touching none of the others"),
            new ClusterChoice(ClusterType.TOUCHING, "Touching", '2',
                    "Touching: chromosomes that touch but do not cross (one shape, several chromosomes: "
                            + "no class, polarity or band calls; asks before clearing them)"),
            new ClusterChoice(ClusterType.OVERLAPPING, "Overlapping", '3',
                    "Overlapping: chromosomes that lie across each other (one shape, several chromosomes: "
                            + "no class, polarity or band calls; asks before clearing them)"),
            new ClusterChoice(ClusterType.TOUCHING_OVERLAPPING, "Touching-overlapping", '4',
                    "Touching-overlapping: a cluster where chromosomes both touch and cross (no class, "
                            + "polarity or band calls; asks before clearing them)"),
            new ClusterChoice(null, "None", '0', "No cluster type (not yet decided)"));

    static final String NOTHING_SELECTED = "Select an annotation to set its cluster type";
    /** Where the status comes from, under the status chip. */
    static final String STATUS_HINT = "Set by the workflow: Submit for review sends the image's work to review; "
            + "reviewers accept or reject";

    private static final Object KEY = LabelPickers.class;

    private final EditorModel model;
    private final ImageDocument document;
    private final BooleanSupplier inReview;
    /** Takes the split tool (the answer "split it instead"). */
    private final Runnable splitTool;
    /** Asked before a cluster type clears class, polarity or band calls. */
    private ClusterConfirm.Question question;
    private final Map<ClusterChoice, ToggleButton> clusterButtons = new LinkedHashMap<>();
    private final List<Label> keyLabels = new ArrayList<>();
    private final Label clusterMixed = new Label("mixed");
    private final Label statusChip = new Label();
    private final Label statusHint = new Label(STATUS_HINT);
    private final Label note = new Label();
    private boolean refreshQueued;

    LabelPickers(EditorModel model, BooleanSupplier inReview, Runnable splitTool, ClusterConfirm.Question question) {
        this.model = Objects.requireNonNull(model);
        this.document = model.document();
        this.inReview = Objects.requireNonNull(inReview);
        this.splitTool = Objects.requireNonNull(splitTool);
        this.question = Objects.requireNonNull(question);
        setId("label-pickers");
        setSpacing(6);
        getStylesheets().add(Objects.requireNonNull(LabelPickers.class.getResource("pickers.css")).toExternalForm());

        clusterMixed.setId("cluster-mixed");
        clusterMixed.getStyleClass().add("kl-pick-mixed");
        clusterMixed.setTooltip(new Tooltip("The selected annotations have different cluster types"));
        var clusterGrid = grid();
        int row = 0;
        for (ClusterChoice c : CLUSTER_CHOICES) {
            ToggleButton b = pickButton("cluster-" + (c.type() == null ? "none" : c.type().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                    c.label(), c.tip() + " (Alt+" + c.key() + ")");
            b.setOnAction(e -> pickCluster(c));
            clusterButtons.put(c, b);
            addRow(clusterGrid, row++, b, "Alt+" + c.key());
        }

        statusChip.setId("status-current");
        statusChip.getStyleClass().add("kl-status-chip");
        statusHint.setId("status-hint");
        statusHint.getStyleClass().add("kl-pick-note");
        statusHint.setWrapText(true);

        note.setId("pickers-note");
        note.getStyleClass().add("kl-pick-note");
        note.managedProperty().bind(note.visibleProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());

        getChildren().addAll(header("CLUSTER TYPE", clusterMixed), clusterGrid, header("STATUS", statusChip), statusHint, note);

        document.addListener(e -> queueRefresh());
        model.editingBlockedProperty().addListener((o, was, now) -> queueRefresh());
        refresh();
    }

    /**
     * Installs the pickers into each editor (the extension list): their keys at once, so the F1 sheet lists them;
     * the pickers themselves once the image is on screen (they are off until the annotations are in anyway, and
     * building them delayed the cold first paint: docs/BENCHMARKS.md, "Annotator client").
     */
    public static final class Extension implements EditorExtension {
        @Override
        public void install(EditorHost editor) {
            KeyAction.Handler pick = e -> of(editor) instanceof LabelPickers p && p.key(e);
            editor.keys().add(new KeyAction("label.cluster-type", Section.LABELS, KeyAction.Phase.FIRST, "Alt+1 / 2 / 3 / 4",
                    "cluster type of the selection: instance / touching / overlapping / touching-overlapping (a cluster of several "
                            + "chromosomes has no class, polarity or band calls: asked first, with the split tool offered instead)",
                    altDigits("1234"), false, pick));
            editor.keys().add(new KeyAction("label.cluster-none", Section.LABELS, KeyAction.Phase.FIRST, "Alt+0",
                    "clear the cluster type of the selection", altDigits("0"), false, pick));
            editor.onImageShown(() -> LabelPickers.install(editor));
        }

        /** Alt and a digit of the top row or the keypad. */
        private static List<KeyCombination> altDigits(String digits) {
            var out = new ArrayList<KeyCombination>();
            for (char d : digits.toCharArray()) {
                out.add(KeyAction.alt(KeyCode.getKeyCode(String.valueOf(d))));
                out.add(KeyAction.alt(KeyCode.getKeyCode("Numpad " + d)));
            }
            return out;
        }
    }

    /** Puts the pickers into {@code editor}'s side panel under the class palette; found again with {@link #of}. */
    static LabelPickers install(EditorHost editor) {
        Runnable split = () -> editor.tools().stream().filter(SplitTool.class::isInstance).findFirst().ifPresent(editor::selectTool);
        var pickers = new LabelPickers(editor.model(), () -> {
            var review = ReviewMode.of(editor);
            return review != null && review.active();
        }, split, ClusterConfirm.dialog(() -> editor.getScene() == null ? null : editor.getScene().getWindow()));
        editor.addUnderPalette(pickers);
        editor.getProperties().put(KEY, pickers);
        return pickers;
    }

    public static LabelPickers of(EditorHost editor) {
        return (LabelPickers) editor.getProperties().get(KEY);
    }

    // --- keys -----------------------------------------------------------------------------------

    /** Alt+0..4 (declared by {@link Extension}); true if the key was one of them. */
    boolean key(KeyEvent e) {
        if (!e.isAltDown() || e.isShortcutDown() || e.isShiftDown() || inReview.getAsBoolean()) return false;
        KeyCode code = e.getCode();
        if (code.isDigitKey()) {
            String name = code.getName();
            char digit = name.charAt(name.length() - 1);
            for (ClusterChoice c : CLUSTER_CHOICES) {
                if (c.key() == digit) {
                    pickCluster(c);
                    return true;
                }
            }
        }
        return false;
    }

    // --- picking --------------------------------------------------------------------------------

    void pickCluster(ClusterChoice c) {
        String why = blocked();
        if (why != null) {
            model.say(why);
            return;
        }
        List<Annotation> changing = document.selectedAnnotations().stream().filter(a -> a.labels().clusterType() != c.type()).toList();
        List<String> ids = changing.stream().map(Annotation::id).toList();
        List<String> losses = ClusterConfirm.losses(changing, c.type());
        ClusterConfirm.Choice choice = ids.isEmpty() || losses.isEmpty() ? ClusterConfirm.Choice.CLEAR
                : question.ask(ClusterConfirm.typeName(c.type()), losses);
        if (ids.isEmpty()) {
            model.say("Cluster type is already " + c.label().toLowerCase(Locale.ROOT));
        } else if (choice == ClusterConfirm.Choice.CANCEL) {
            model.say("Cluster type not changed: nothing was cleared");
        } else if (choice == ClusterConfirm.Choice.SPLIT) {
            splitTool.run();
            model.say("Split tool: drag a line across the cluster between its chromosomes; each part keeps a class of its own");
        } else if (model.perform(() -> Edits.setClusterType(document, ids, c.type())) != null) {
            model.say("Cluster type " + c.label().toLowerCase(Locale.ROOT) + ": " + count(ids.size())
                    + (losses.isEmpty() ? "" : "; class, polarity and band calls cleared (Ctrl+Z brings them back)"));
        }
        refresh();
    }

    /** Replaces the question asked before a cluster type clears labels (tests that are not about the dialog). */
    void setClusterQuestion(ClusterConfirm.Question question) {
        this.question = Objects.requireNonNull(question);
    }

    /** Why nothing can be picked now, or null. */
    private String blocked() {
        String loading = model.editingBlockedProperty().get();
        if (loading != null) return loading;
        return document.selectedAnnotations().isEmpty() ? NOTHING_SELECTED : null;
    }

    private static String count(int n) {
        return n + " annotation" + (n == 1 ? "" : "s");
    }

    // --- showing --------------------------------------------------------------------------------

    private void queueRefresh() {
        if (Platform.isFxApplicationThread() && !refreshQueued) {
            refresh(); // selection and edits on the FX thread: shown at once
            return;
        }
        synchronized (this) {
            if (refreshQueued) return;
            refreshQueued = true;
        }
        Platform.runLater(() -> {
            synchronized (this) {
                refreshQueued = false;
            }
            refresh();
        });
    }

    /** Shows the selection's cluster type and status, and turns the controls off (with the reason) when they cannot act. */
    void refresh() {
        List<Annotation> selected = document.selectedAnnotations();
        String why = blocked();
        Set<ClusterType> types = values(selected, a -> a.labels().clusterType());
        Set<AnnotationStatus> statuses = values(selected, Annotation::status);
        ClusterType commonType = types.size() == 1 ? types.iterator().next() : null;
        boolean oneType = types.size() == 1;
        clusterButtons.forEach((c, b) -> {
            b.setSelected(oneType && c.type() == commonType);
            b.setDisable(why != null);
        });
        clusterMixed.setVisible(types.size() > 1);

        AnnotationStatus commonStatus = statuses.size() == 1 ? statuses.iterator().next() : null;
        statusChip.getStyleClass().removeIf(c -> c.startsWith("kl-status-") && !c.equals("kl-status-chip"));
        if (selected.isEmpty()) {
            statusChip.setText("");
            statusChip.setVisible(false);
        } else {
            statusChip.setVisible(true);
            if (commonStatus != null) {
                String name = commonStatus.name().toLowerCase(Locale.ROOT);
                statusChip.setText(name);
                statusChip.getStyleClass().add("kl-status-" + name);
            } else {
                var parts = new ArrayList<String>();
                for (AnnotationStatus s : AnnotationStatus.values()) {
                    long n = selected.stream().filter(a -> a.status() == s).count();
                    if (n > 0) parts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
                }
                statusChip.setText("mixed");
                statusChip.getStyleClass().add("kl-status-mixed");
                statusChip.setTooltip(new Tooltip(String.join(", ", parts)));
            }
        }
        if (commonStatus != null) statusChip.setTooltip(null);
        keyLabels.forEach(k -> k.setDisable(why != null));
        note.setText(why != null ? why : "");
    }

    private static <T> Set<T> values(List<Annotation> selected, Function<Annotation, T> value) {
        var out = new LinkedHashSet<T>();
        for (Annotation a : selected) out.add(value.apply(a));
        return out;
    }

    // --- parts ----------------------------------------------------------------------------------

    private static HBox header(String title, Node right) {
        Label l = new Label(title);
        l.getStyleClass().add("kl-section");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var box = new HBox(6, l, spacer, right);
        box.setAlignment(Pos.BOTTOM_LEFT);
        return box;
    }

    private static GridPane grid() {
        var g = new GridPane();
        g.setHgap(8);
        g.setVgap(3);
        var grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        g.getColumnConstraints().addAll(grow, new ColumnConstraints());
        return g;
    }

    private void addRow(GridPane g, int row, ToggleButton b, String keys) {
        Label k = new Label(keys);
        k.getStyleClass().add("kl-pick-key");
        keyLabels.add(k);
        g.addRow(row, b, k);
    }

    private static ToggleButton pickButton(String id, String text, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.getStyleClass().add("kl-pick");
        b.setMnemonicParsing(false);
        b.setFocusTraversable(false);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    // --- for tests ------------------------------------------------------------------------------

    /** The button of a cluster type (null: "none"). */
    public ToggleButton clusterButton(ClusterType type) {
        for (var e : clusterButtons.entrySet()) if (e.getKey().type() == type) return e.getValue();
        throw new IllegalArgumentException(String.valueOf(type));
    }

    public Label statusLabel() {
        return statusChip;
    }

    public Label mixedLabel() {
        return clusterMixed;
    }

    public Label noteLabel() {
        return note;
    }
}
