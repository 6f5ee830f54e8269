package org.karyolab.client.ui.karyogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.DocumentListener;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Fx;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ChromosomeClass;

/**
 * The cell's karyogram: every chromosome (an area annotation with a class) cut out of the image,
 * turned upright with its p arm up, at one common scale (so sizes compare), pairs side by side in
 * the standard rows with the class under each pair and the Denver group over it. Drag a chromosome
 * onto another slot to give it that class (an undoable edit, saved by autosave like any other);
 * unclassified shapes wait in a tray below. "Export PNG" writes the sheet as a picture for print
 * (300 dpi, the case id and the karyotype written over it).
 */
public final class KaryogramView extends BorderPane {

    /** Height (px) the longest chromosome gets on the sheet. */
    static final double LONGEST = 120;
    static final double SLOT_MIN_WIDTH = 64;

    private final EditorModel model;
    private final ImageDocument document;
    private final Supplier<Image> image;
    private final VBox sheet = new VBox(10);
    private final Label summary = new Label();
    private final Map<ChromosomeClass, Region> slots = new LinkedHashMap<>();
    private final Map<String, Node> chromosomes = new LinkedHashMap<>();
    private final DocumentListener listener;
    private boolean rebuildQueued;
    private Region hovered;
    private double pressX;
    private double pressY;
    private String dragging;
    private Node dragNode;

    /** {@code image}: what the editor shows now (the full image once loaded, else the thumbnail). */
    public KaryogramView(EditorModel model, Supplier<Image> image) {
        this.model = Objects.requireNonNull(model);
        this.document = model.document();
        this.image = image;
        getStyleClass().addAll("kl-root", "kl-karyogram");
        Button export = new Button("Export PNG\u2026");
        export.setId("karyogram-export");
        export.setOnAction(e -> chooseAndExport());
        summary.setId("karyogram-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Drag a chromosome onto another class to reassign it \u00b7 Ctrl+Z in the editor undoes");
        hint.getStyleClass().add("kl-subtle");
        var bar = new HBox(12, summary, hint, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("kl-toolbar");
        setTop(bar);
        sheet.setId("karyogram-sheet");
        sheet.setPadding(new Insets(18, 22, 18, 22));
        sheet.setStyle("-fx-background-color: white;");
        var scroll = new ScrollPane(sheet);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: white; -fx-background-color: white;");
        setCenter(scroll);
        listener = e -> Fx.onFx(this::queueRebuild);
        document.addListener(listener);
        // Drags are followed here, not on the chromosome: the node under the pointer may change while dragging.
        addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        rebuild();
    }

    /** Stops following the document (the window closed). */
    public void dispose() {
        document.removeListener(listener);
    }

    private void queueRebuild() {
        if (rebuildQueued) return;
        rebuildQueued = true;
        Platform.runLater(() -> {
            rebuildQueued = false;
            rebuild();
        });
    }

    // --- accessors for the editor and tests -----------------------------------------------------

    /** The slot (drop target) of a class. */
    public Region slot(ChromosomeClass c) {
        return slots.get(c);
    }

    /** The node of one chromosome on the sheet, or null. */
    public Node chromosome(String annotationId) {
        return chromosomes.get(annotationId);
    }

    /** How many chromosomes sit in each class's slot. */
    public Map<ChromosomeClass, Integer> counts() {
        var out = new LinkedHashMap<ChromosomeClass, Integer>();
        KaryogramLayout.byClass(document.annotations()).forEach((c, list) -> out.put(c, list.size()));
        return out;
    }

    public Node sheet() {
        return sheet;
    }

    // --- building -------------------------------------------------------------------------------

    /** Lays the sheet out again from the document (runs on every document change, coalesced). */
    public void rebuild() {
        List<Annotation> all = document.annotations();
        Map<ChromosomeClass, List<Annotation>> byClass = KaryogramLayout.byClass(all);
        List<Annotation> loose = all.stream().filter(KaryogramLayout::isUnclassified).toList();
        Image src = image.get();
        double sourceScale = src == null ? 1 : src.getWidth() / document.image().width();
        double longest = 1;
        int total = 0;
        for (List<Annotation> list : byClass.values()) {
            for (Annotation a : list) longest = Math.max(longest, Straightener.frame(a.shape(), a.labels().polarity(), src, sourceScale).length());
            total += list.size();
        }
        for (Annotation a : loose) longest = Math.max(longest, Straightener.frame(a.shape(), null, src, sourceScale).length());
        double scale = Math.min(4, LONGEST / longest);

        slots.clear();
        chromosomes.clear();
        sheet.getChildren().clear();
        int filled = 0;
        for (List<ChromosomeClass> row : KaryogramLayout.ROWS) {
            var rowBox = new HBox(14);
            rowBox.setAlignment(Pos.BOTTOM_CENTER);
            for (int i = 0; i < row.size(); i++) {
                ChromosomeClass c = row.get(i);
                List<Annotation> members = byClass.get(c);
                if (!members.isEmpty()) filled++;
                rowBox.getChildren().add(slot(c, KaryogramLayout.groupTitle(row, i), members, src, sourceScale, scale));
            }
            sheet.getChildren().add(rowBox);
        }
        if (!loose.isEmpty()) {
            Label trayTitle = new Label("Not yet classified (" + loose.size() + "): drag each onto its class");
            trayTitle.setStyle("-fx-text-fill: #555a63;");
            var tray = new HBox(8);
            tray.setAlignment(Pos.BOTTOM_LEFT);
            for (Annotation a : loose) tray.getChildren().add(chromosomeNode(a, src, sourceScale, scale));
            sheet.getChildren().addAll(trayTitle, tray);
        }
        summary.setText("Karyogram \u00b7 " + total + " chromosome" + (total == 1 ? "" : "s") + " \u00b7 " + filled + " of 24 classes");
    }

    private Region slot(ChromosomeClass c, String group, List<Annotation> members, Image src, double sourceScale, double scale) {
        var pair = new HBox(4);
        pair.setAlignment(Pos.BOTTOM_CENTER);
        pair.setMinHeight(LONGEST * 0.25);
        for (Annotation a : members) pair.getChildren().add(chromosomeNode(a, src, sourceScale, scale));
        Region line = new Region();
        line.setMinHeight(1.5);
        line.setMaxHeight(1.5);
        line.setStyle("-fx-background-color: #3b3f46;");
        Label name = new Label(c.label());
        name.setStyle("-fx-font-weight: bold; -fx-font-size: 13px; -fx-text-fill: #22252b;");
        boolean odd = members.size() != 2 && !(c == ChromosomeClass.X || c == ChromosomeClass.Y) && !members.isEmpty();
        Label count = new Label(odd ? "\u00d7" + members.size() : "");
        count.setStyle("-fx-font-size: 10px; -fx-text-fill: #c0392b;");
        var labelRow = new HBox(3, name, count);
        labelRow.setAlignment(Pos.CENTER);
        Label groupLabel = new Label(group == null ? " " : group);
        groupLabel.setStyle("-fx-font-size: 11px; -fx-font-weight: bold; -fx-text-fill: #8b919c;");
        var slot = new VBox(3, groupLabel, pair, line, labelRow);
        slot.setAlignment(Pos.BOTTOM_CENTER);
        slot.setMinWidth(SLOT_MIN_WIDTH);
        slot.setPadding(new Insets(2, 4, 2, 4));
        slot.setId("slot-" + c.label());
        slot.setUserData(c);
        slot.getStyleClass().add("kl-karyogram-slot");
        slot.setStyle(slotStyle(false));
        slots.put(c, slot);
        return slot;
    }

    private static String slotStyle(boolean hover) {
        return hover ? "-fx-background-color: #e3f4ff; -fx-background-radius: 6; -fx-border-color: #4cc2ff; -fx-border-radius: 6;"
                : "-fx-background-color: transparent; -fx-border-color: transparent;";
    }

    private Node chromosomeNode(Annotation a, Image src, double sourceScale, double scale) {
        WritableImage picture = Straightener.cutOut(a, src, sourceScale, scale);
        var view = new ImageView(picture);
        var holder = new StackPane(view);
        holder.setId("chromosome-" + a.id());
        holder.setUserData(a.id());
        holder.setCursor(Cursor.OPEN_HAND);
        Color colour = ClassColors.of(a.labels());
        holder.setStyle("-fx-border-color: transparent transparent " + web(colour) + " transparent; -fx-border-width: 0 0 2 0;");
        holder.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getSceneX();
            pressY = e.getSceneY();
            dragging = a.id();
            dragNode = holder;
            holder.setCursor(Cursor.CLOSED_HAND);
            holder.setOpacity(0.75);
            e.consume();
        });
        chromosomes.put(a.id(), holder);
        return holder;
    }

    private void dragged(MouseEvent e) {
        if (dragNode == null) return;
        dragNode.setTranslateX(e.getSceneX() - pressX);
        dragNode.setTranslateY(e.getSceneY() - pressY);
        hover(slotAt(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void released(MouseEvent e) {
        if (dragNode == null) return;
        Node node = dragNode;
        String id = dragging;
        dragNode = null;
        dragging = null;
        node.setTranslateX(0);
        node.setTranslateY(0);
        node.setOpacity(1);
        node.setCursor(Cursor.OPEN_HAND);
        hover(null);
        Region target = slotAt(e.getSceneX(), e.getSceneY());
        e.consume();
        if (target != null) reassign(id, (ChromosomeClass) target.getUserData());
    }

    private static String web(Color c) {
        return "rgb(%d,%d,%d)".formatted((int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }

    private void hover(Region slot) {
        if (hovered == slot) return;
        if (hovered != null) hovered.setStyle(slotStyle(false));
        hovered = slot;
        if (slot != null) slot.setStyle(slotStyle(true));
    }

    /** The slot under a scene point, or null. */
    Region slotAt(double sceneX, double sceneY) {
        for (Region slot : slots.values()) {
            Bounds b = slot.localToScene(slot.getBoundsInLocal());
            if (b.contains(sceneX, sceneY)) return slot;
        }
        return null;
    }

    /** Gives a chromosome another class: one undoable edit in the editor (autosave sends it). */
    public boolean reassign(String annotationId, ChromosomeClass c) {
        Annotation a = document.annotation(annotationId);
        if (a == null || c == a.labels().chromosomeClass()) return false;
        boolean done = model.perform(() -> Edits.setClass(document, List.of(annotationId), c)) != null;
        if (done) model.say("Karyogram: chromosome moved to class " + c.label());
        return done;
    }

    // --- export ---------------------------------------------------------------------------------

    /** Print resolution of an exported sheet; the screen shows it at 96 dpi, so the export has 300/96 (>3x) its pixels. */
    public static final int PRINT_DPI = 300;
    static final double PRINT_SCALE = PRINT_DPI / 96.0;

    /** The lines written over an exported sheet: which case, and its karyotype (as the image's labels say). */
    public List<String> exportTitle() {
        String caseId = document.image().caseId();
        var labels = document.imageLabels();
        String karyotype = labels == null || labels.karyotype() == null || labels.karyotype().isBlank() ? null : labels.karyotype();
        return List.of("Case " + (caseId == null || caseId.isBlank() ? "(no case id)" : caseId) + "  \u00b7  image " + document.imageId(),
                karyotype == null ? "Karyotype: not yet written" : "Karyotype: " + karyotype);
    }

    /**
     * Writes the sheet as a PNG at {@link #PRINT_DPI} (JavaFX thread): the case id and the karyotype over
     * it, the sheet drawn {@link #PRINT_SCALE} times its screen size, and the resolution in the PNG's
     * {@code pHYs} so it prints at its size. Returns the file.
     */
    public Path exportPng(Path file) throws IOException {
        var params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(PRINT_SCALE, PRINT_SCALE));
        WritableImage body = sheet.snapshot(params, null);
        List<String> title = exportTitle();
        Label caseLine = new Label(title.get(0));
        caseLine.setStyle("-fx-font-size: %.1fpx; -fx-font-weight: bold; -fx-text-fill: #111318;".formatted(15 * PRINT_SCALE));
        Label karyotypeLine = new Label(title.get(1));
        karyotypeLine.setStyle("-fx-font-size: %.1fpx; -fx-text-fill: #111318;".formatted(13 * PRINT_SCALE));
        var header = new VBox(3 * PRINT_SCALE, caseLine, karyotypeLine);
        header.setId("karyogram-export-header");
        var page = new VBox(8 * PRINT_SCALE, header, new ImageView(body));
        page.setPadding(new Insets(12 * PRINT_SCALE, 0, 0, 22 * PRINT_SCALE));
        page.setStyle("-fx-background-color: white;");
        new Scene(page); // styles and lays out the page off screen
        page.applyCss();
        page.layout();
        var plain = new SnapshotParameters();
        plain.setFill(Color.WHITE);
        WritableImage shot = page.snapshot(plain, null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        PrintPng.write(SwingFXUtils.fromFXImage(shot, null), PRINT_DPI, file);
        return file;
    }

    private void chooseAndExport() {
        var chooser = new FileChooser();
        chooser.setTitle("Export the karyogram");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("karyogram-" + document.image().caseId() + ".png");
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) return;
        try {
            exportPng(file.toPath());
            model.say("Karyogram written to " + file);
        } catch (IOException | RuntimeException e) {
            model.say("The karyogram could not be written: " + e.getMessage());
        }
    }

    /** Chromosome ids in sheet order (tests). */
    public List<String> chromosomeIds() {
        return new ArrayList<>(chromosomes.keySet());
    }
}
