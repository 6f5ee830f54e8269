package org.karyolab.client.ui.band;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.DocumentListener;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.band.BandRules.Finding;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.BandStain;
import org.karyolab.schema.ideogram.Ideogram;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.shape.Point;

/**
 * The band editor: the selected chromosome straightened along its medial axis ({@link MedialAxis},
 * {@link Straightener}) beside the reference ideogram of its class at the chosen band level, drawn
 * to the same height (ISCN length) with its stain greys. The band calls are boxes across the
 * straightened image with a draggable handle on each boundary (one {@code Edits.moveBandBoundary}
 * per drag, so one undo step); each call is joined to its reference band, and mismatches
 * ({@link BandRules}) are outlined in red with the reason as a tooltip and in the list below.
 * "Propose from reference" fills band calls proportionally when there are none.
 *
 * <p>The editor follows the selection (a single selected annotation) and the document. Node ids for
 * tests: {@code band-strip} (the straightened image), {@code band-call-<i>}, {@code band-boundary-<i>-start|end},
 * {@code ref-band-<name>}, {@code band-propose}, {@code band-clear}, {@code band-level}, {@code band-half-width},
 * {@code band-findings}, {@code band-header}.
 */
public final class BandEditorView extends BorderPane implements AutoCloseable {

    static final double BOARD_HEIGHT = 560;
    static final double MAX_STRIP_WIDTH = 110;
    static final double MAX_SCALE = 8;
    static final double TOP = 26;
    static final double NAMES_WIDTH = 78;
    static final double CONNECTOR_WIDTH = 64;
    static final double IDEOGRAM_WIDTH = 30;

    private final EditorModel model;
    private final ImageDocument document;
    private final Supplier<Image> image;
    private final ChoiceBox<BandLevel> level = new ChoiceBox<>();
    private final Spinner<Integer> halfWidth = new Spinner<>(2, 120, (int) MedialAxis.DEFAULT_HALF_WIDTH);
    private final Button propose = new Button("Propose from reference");
    private final Button clear = new Button("Clear band calls");
    private final Label header = new Label();
    private final Label orientation = new Label();
    private final Pane board = new Pane();
    private final VBox findingsBox = new VBox();
    private final DocumentListener listener;
    private boolean refreshQueued;

    private String targetId;
    private MedialAxis axis;
    private List<Finding> findings = List.of();
    /** Cache of the straightened image: what it was computed from. */
    private Object straightKey;
    private Straightener.Result straight;
    private WritableImage straightImage;
    /** The annotation the half-width was last set for (a new target gets its own estimate). */
    private String halfWidthFor;
    private boolean settingHalfWidth;

    public BandEditorView(EditorModel model, Supplier<Image> image) {
        this.model = Objects.requireNonNull(model);
        this.document = model.document();
        this.image = Objects.requireNonNull(image);
        getStyleClass().addAll("kl-root", "kl-band-pane");
        getStylesheets().add(Objects.requireNonNull(BandEditorView.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        getStylesheets().add(Objects.requireNonNull(BandEditorView.class.getResource("band.css")).toExternalForm());

        header.setId("band-header");
        header.getStyleClass().add("kl-band-header");
        orientation.getStyleClass().add("kl-subtle");
        level.setId("band-level");
        level.getItems().setAll(BandLevel.values());
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(BandLevel l) {
                return l == null ? "" : l.bands() + " bands";
            }

            @Override
            public BandLevel fromString(String s) {
                return BandLevel.of(Integer.parseInt(s.replaceAll("\\D", "")));
            }
        });
        BandLevel initial = document.image().bandLevel();
        level.setValue(initial != null ? initial : BandLevel.B400);
        level.setFocusTraversable(false);
        level.valueProperty().addListener((o, a, b) -> refresh());
        halfWidth.setId("band-half-width");
        halfWidth.setEditable(true);
        halfWidth.setPrefWidth(76);
        halfWidth.setFocusTraversable(false);
        halfWidth.valueProperty().addListener((o, a, b) -> {
            if (!settingHalfWidth) refresh();
        });
        propose.setId("band-propose");
        propose.setFocusTraversable(false);
        propose.setOnAction(e -> proposeFromReference());
        clear.setId("band-clear");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> {
            if (axis != null) model.perform(() -> Edits.setBands(document, axis.target().id(), List.of()));
        });
        Label lvl = new Label("Reference");
        Label hw = new Label("Half-width (px)");
        lvl.setMinWidth(Region.USE_PREF_SIZE);
        hw.setMinWidth(Region.USE_PREF_SIZE);
        propose.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        var controls = new FlowPane(8, 6, lvl, level, hw, halfWidth, propose, clear);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("kl-band-controls");
        var top = new VBox(2, header, orientation, controls);
        setTop(top);

        board.getStyleClass().add("kl-band-board");
        board.setId("band-board");
        board.setFocusTraversable(true); // the window's focus (focusBoard), not the spinner
        var scroll = new ScrollPane(board);
        scroll.setFitToWidth(false);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: #22252b;");
        setCenter(scroll);
        findingsBox.setId("band-findings");
        findingsBox.getStyleClass().add("kl-band-findings");
        Label hint = new Label("Drag a boundary (the white handles) to move it; Ctrl+Z undoes. Hover a red outline for the reason.");
        hint.getStyleClass().add("kl-subtle");
        hint.setWrapText(true);
        setBottom(new VBox(4, findingsBox, hint));

        listener = e -> queueRefresh();
        document.addListener(listener);
        refresh();
    }

    // --- accessors (tests, the window) ----------------------------------------------------------

    public List<Finding> findings() {
        return findings;
    }

    public MedialAxis axis() {
        return axis;
    }

    public Straightener.Result straightened() {
        return straight;
    }

    public ChoiceBox<BandLevel> levelChoice() {
        return level;
    }

    /** Board y of an axis fraction (for tests that drag). */
    public double boardY(double fraction) {
        return TOP + fraction * displayHeight();
    }

    public Pane board() {
        return board;
    }

    /** Puts the keyboard focus on the straightened chromosome's board (the window opens so: typing is not a half-width). */
    public void focusBoard() {
        board.requestFocus();
    }

    // --- state ----------------------------------------------------------------------------------

    private void queueRefresh() {
        if (refreshQueued) return;
        refreshQueued = true;
        Fx.onFx(() -> Platform.runLater(() -> {
            refreshQueued = false;
            refresh();
        }));
    }

    /** Re-reads the selection and document and redraws. */
    public void refresh() {
        List<Annotation> selected = document.selectedAnnotations();
        if (selected.size() == 1) targetId = selected.getFirst().id();
        Annotation target = targetId == null ? null : document.annotation(targetId);
        if (target == null) {
            targetId = null;
            empty("Select a chromosome: its medial-axis polyline, or its outline with an axis polyline drawn inside it.");
            return;
        }
        axis = MedialAxis.of(document, target);
        if (axis == null) {
            empty("This chromosome has no medial axis: draw a polyline (L) along it, from one end to the other.");
            return;
        }
        if (!targetId.equals(halfWidthFor)) {
            halfWidthFor = targetId;
            settingHalfWidth = true;
            try {
                halfWidth.getValueFactory().setValue((int) Math.round(axis.halfWidth()));
            } finally {
                settingHalfWidth = false;
            }
        }
        draw();
    }

    private void empty(String why) {
        axis = null;
        findings = List.of();
        header.setText("Band editor");
        orientation.setText(why);
        board.getChildren().clear();
        board.setPrefSize(420, 120);
        findingsBox.getChildren().clear();
        propose.setDisable(true);
        clear.setDisable(true);
    }

    private double displayHeight() {
        if (straight == null) return BOARD_HEIGHT;
        return straight.length() * scale();
    }

    private double scale() {
        return Math.min(MAX_SCALE, Math.min(BOARD_HEIGHT / straight.length(), MAX_STRIP_WIDTH / straight.width()));
    }

    private void draw() {
        ChromosomeClass c = axis.chromosome();
        Ideogram ideogram = Ideograms.at(level.getValue());
        List<Band> reference = c == null ? List.of() : ideogram.bands(c);
        List<Point> points = axis.axis().points();
        boolean pterAtStart = BandRules.pterAtStart(points, axis.target().labels().polarity());
        List<BandCall> calls = axis.target().labels().bands();
        findings = BandRules.check(calls, ideogram, c, pterAtStart);

        header.setText((c == null ? "Chromosome (no class)" : "Chromosome " + c.label()) + "  \u00b7  axis "
                + Math.round(axis.axis().length()) + " px" + (axis.axisId().equals(axis.target().id()) ? "" : " (from the polyline inside it)")
                + "  \u00b7  " + calls.size() + " band call" + (calls.size() == 1 ? "" : "s"));
        orientation.setText(c == null ? "Give the chromosome a class (type its number) to compare it with a reference."
                : "pter at the axis' " + (pterAtStart ? "first" : "last") + " point"
                + (axis.target().labels().polarity() == null ? " (no polarity set)" : " (polarity " + (axis.target().labels().polarity()
                        == Polarity.P_UP ? "p up" : "p down") + ")"));
        propose.setDisable(c == null || !calls.isEmpty());
        clear.setDisable(calls.isEmpty());

        if (!straighten()) {
            board.getChildren().clear();
            board.setPrefSize(420, 120);
            orientation.setText("Waiting for the image\u2026");
            return;
        }
        double s = scale();
        double stripW = straight.width() * s, h = straight.length() * s;
        double x0 = NAMES_WIDTH, xRef = x0 + stripW + CONNECTOR_WIDTH;
        var nodes = new ArrayList<Node>();

        nodes.add(caption("straightened", x0, TOP - 10));
        nodes.add(caption(c == null ? "" : "reference " + level.getValue().bands(), xRef - 14, TOP - 10));
        nodes.add(caption(pterAtStart ? "pter ↓" : "qter ↓", 6, TOP - 10));
        nodes.add(caption(pterAtStart ? "qter" : "pter", 6, TOP + h + 2));

        ImageView view = new ImageView(straightImage);
        view.setId("band-strip");
        view.setSmooth(true);
        view.setFitWidth(stripW);
        view.setFitHeight(h);
        view.relocate(x0, TOP);
        nodes.add(view);
        Rectangle frame = new Rectangle(x0, TOP, stripW, h);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.web("#3a3f4b"));
        frame.setMouseTransparent(true);
        nodes.add(frame);

        // reference ideogram, oriented like the axis
        int[] ext = BandRules.extent(reference);
        double total = Math.max(1, ext[1] - ext[0]);
        var missing = new HashSet<String>();
        for (Finding f : findings) if (f.kind() == BandRules.Kind.MISSING) missing.add(f.band().toString());
        double lastLabelY = -100;
        List<Band> ordered = new ArrayList<>(reference);
        if (!pterAtStart) Collections.reverse(ordered);
        for (Band b : ordered) {
            double y0 = refY(b.iscnStart(), b.iscnStop(), ext[0], total, pterAtStart, h)[0];
            double y1 = refY(b.iscnStart(), b.iscnStop(), ext[0], total, pterAtStart, h)[1];
            boolean acen = b.stain() == BandStain.ACEN;
            double inset = acen ? IDEOGRAM_WIDTH * 0.28 : 0;
            Rectangle r = new Rectangle(xRef + inset, y0, IDEOGRAM_WIDTH - 2 * inset, Math.max(0.5, y1 - y0));
            r.setId("ref-band-" + b.name());
            r.setFill(stainColor(b.stain()));
            boolean bad = missing.contains(b.name().toString());
            r.setStroke(bad ? Color.web("#ff5252") : Color.web("#555b66"));
            r.setStrokeWidth(bad ? 1.6 : 0.5);
            Tooltip.install(r, new Tooltip(b.name() + "  \u00b7  " + b.stain().label() + "  \u00b7  ISCN " + b.iscnStart() + "\u2013" + b.iscnStop()
                    + (bad ? "\nno band call covers this band" : "")));
            nodes.add(r);
            double mid = (y0 + y1) / 2;
            if (mid - lastLabelY >= 10 || bad) {
                Text t = new Text(shortName(b));
                t.getStyleClass().add(bad ? "kl-band-ref-name-bad" : "kl-band-ref-name");
                t.relocate(xRef + IDEOGRAM_WIDTH + 6, mid - 6);
                t.setMouseTransparent(true);
                nodes.add(t);
                lastLabelY = mid;
            }
        }
        if (!reference.isEmpty()) {
            Rectangle outline = new Rectangle(xRef, TOP, IDEOGRAM_WIDTH, h);
            outline.setFill(Color.TRANSPARENT);
            outline.setStroke(Color.web("#8b919c"));
            outline.setArcWidth(10);
            outline.setArcHeight(10);
            outline.setMouseTransparent(true);
            nodes.add(outline);
        }

        // band calls: boxes, names, connectors to their reference band, and the mismatch outline
        Map<Integer, List<Finding>> byCall = new HashMap<>();
        for (Finding f : findings) if (f.call() >= 0) byCall.computeIfAbsent(f.call(), k -> new ArrayList<>()).add(f);
        double lastNameY = -100;
        for (int i = 0; i < calls.size(); i++) {
            BandCall call = calls.get(i);
            double y0 = TOP + call.start() * h, y1 = TOP + call.end() * h;
            List<Finding> mine = byCall.getOrDefault(i, List.of());
            boolean bad = !mine.isEmpty();
            Rectangle r = new Rectangle(x0, y0, stripW, Math.max(0.5, y1 - y0));
            r.setId("band-call-" + i);
            r.getStyleClass().add(bad ? "kl-band-mismatch" : "kl-band-call");
            r.setFill(Color.TRANSPARENT);
            r.setStroke(bad ? Color.web("#ff5252") : Color.web("#4cc2ff", 0.55));
            r.setStrokeWidth(bad ? 2 : 0.8);
            StringBuilder tip = new StringBuilder(call.band() + String.format(Locale.ROOT, "  \u00b7  %.1f\u2013%.1f %% of the axis",
                    call.start() * 100, call.end() * 100));
            for (Finding f : mine) tip.append("\n\u26a0 ").append(f.message());
            Tooltip.install(r, new Tooltip(tip.toString()));
            nodes.add(r);
            double mid = (y0 + y1) / 2;
            if (mid - lastNameY >= 10 || bad) {
                Text t = new Text(shortName(call));
                t.getStyleClass().add(bad ? "kl-band-name-bad" : "kl-band-name");
                t.setMouseTransparent(true);
                t.relocate(x0 - 8 - t.getLayoutBounds().getWidth(), mid - 6);
                nodes.add(t);
                lastNameY = mid;
            }
            BandRules.Span span = c == null ? null : BandRules.span(ideogram, c, call.band());
            if (span != null) {
                double[] ry = refY(span.iscnStart(), span.iscnStop(), ext[0], total, pterAtStart, h);
                Line link = new Line(x0 + stripW + 2, mid, xRef - 2, (ry[0] + ry[1]) / 2);
                link.setStroke(bad ? Color.web("#ff5252", 0.8) : Color.web("#8b919c", 0.45));
                link.setStrokeWidth(bad ? 1.2 : 0.7);
                link.setMouseTransparent(true);
                nodes.add(link);
            }
        }
        // boundary handles last, on top
        for (int i = 0; i < calls.size(); i++) {
            boolean sharedStart = i > 0 && calls.get(i - 1).end() == calls.get(i).start();
            if (!sharedStart) nodes.add(handle(i, Edits.BandEdge.START, calls.get(i).start(), x0, stripW, h));
            nodes.add(handle(i, Edits.BandEdge.END, calls.get(i).end(), x0, stripW, h));
        }
        board.getChildren().setAll(nodes);
        board.setPrefSize(xRef + IDEOGRAM_WIDTH + 70, TOP + h + 18);
        board.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        showFindings(calls, c);
    }

    private static double[] refY(int iscnStart, int iscnStop, int origin, double total, boolean pterAtStart, double h) {
        double a = (iscnStart - origin) / total, b = (iscnStop - origin) / total;
        return pterAtStart ? new double[] {TOP + a * h, TOP + b * h} : new double[] {TOP + (1 - b) * h, TOP + (1 - a) * h};
    }

    private static Text caption(String text, double x, double y) {
        Text t = new Text(text);
        t.getStyleClass().add("kl-band-caption");
        t.relocate(x, y - 4);
        t.setMouseTransparent(true);
        return t;
    }

    private static String shortName(Band b) {
        return b.name().withChromosome(null).toString();
    }

    private static String shortName(BandCall c) {
        return c.band() == null ? "?" : c.band().withChromosome(null).toString();
    }

    /** A draggable boundary: a thin visible line with a taller invisible grip. */
    private Group handle(int index, Edits.BandEdge edge, double fraction, double x0, double stripW, double h) {
        double y = TOP + fraction * h;
        Line line = new Line(x0 - 6, y, x0 + stripW + 6, y);
        line.setStroke(Color.web("#ffffff", 0.9));
        line.setStrokeWidth(1.4);
        Rectangle grip = new Rectangle(x0 - 6, y - 4, stripW + 12, 8);
        grip.setFill(Color.web("#ffffff", 0.01));
        var g = new Group(line, grip);
        g.setId("band-boundary-" + index + "-" + edge.name().toLowerCase(Locale.ROOT));
        g.setCursor(Cursor.V_RESIZE);
        double[] press = new double[2];
        g.setOnMousePressed(e -> {
            press[0] = e.getSceneY();
            press[1] = y;
            line.setStroke(Color.web("#ffd866"));
            e.consume();
        });
        g.setOnMouseDragged(e -> {
            double ny = Math.clamp(press[1] + e.getSceneY() - press[0], TOP, TOP + h);
            g.setTranslateY(ny - y);
            e.consume();
        });
        g.setOnMouseReleased(e -> {
            double ny = Math.clamp(press[1] + e.getSceneY() - press[0], TOP, TOP + h);
            e.consume();
            if (Math.abs(ny - y) < 0.5) {
                g.setTranslateY(0);
                line.setStroke(Color.web("#ffffff", 0.9));
                return;
            }
            double to = Math.round((ny - TOP) / h * 1e6) / 1e6;
            String id = axis.target().id();
            if (model.perform(() -> Edits.moveBandBoundary(document, id, index, edge, to)) == null) refresh();
        });
        return g;
    }

    private void showFindings(List<BandCall> calls, ChromosomeClass c) {
        findingsBox.getChildren().clear();
        if (c == null) return;
        if (calls.isEmpty()) {
            Label l = new Label("No band calls yet: Propose from reference, then drag the boundaries onto the bands you see.");
            l.getStyleClass().add("kl-subtle");
            findingsBox.getChildren().add(l);
            return;
        }
        if (findings.isEmpty()) {
            Label l = new Label("\u2714 The band calls match the " + level.getValue().bands() + "-band reference");
            l.getStyleClass().add("kl-band-ok");
            findingsBox.getChildren().add(l);
            return;
        }
        int shown = 0;
        for (Finding f : findings) {
            if (shown == 6) break;
            Label l = new Label("\u26a0 " + f.message());
            l.getStyleClass().add("kl-band-finding");
            l.setWrapText(true);
            findingsBox.getChildren().add(l);
            shown++;
        }
        if (findings.size() > shown) {
            Label more = new Label("\u2026 and " + (findings.size() - shown) + " more (hover the red outlines)");
            more.getStyleClass().add("kl-subtle");
            findingsBox.getChildren().add(more);
        }
    }

    private void proposeFromReference() {
        if (axis == null || axis.chromosome() == null) return;
        List<Band> reference = Ideograms.at(level.getValue()).bands(axis.chromosome());
        boolean pterAtStart = BandRules.pterAtStart(axis.axis().points(), axis.target().labels().polarity());
        List<BandCall> proposal = BandRules.propose(reference, pterAtStart);
        String id = axis.target().id();
        if (axis.target().labels().chromosomeClass() == null) {
            // band calls name a chromosome, so the holder must have the class (taken from the axis)
            model.undo().beginCompound("Propose bands");
            try {
                model.perform(() -> Edits.setClass(document, List.of(id), axis.chromosome()));
                model.perform(() -> Edits.setBands(document, id, proposal));
            } finally {
                model.undo().endCompound();
            }
        } else {
            model.perform(() -> Edits.setBands(document, id, proposal));
        }
    }

    // --- straightening --------------------------------------------------------------------------

    /** Straightens from the image the editor shows (thumbnail or full: scaled to image pixels); false if none yet. */
    private boolean straighten() {
        Image img = image.get();
        if (img == null || img.getPixelReader() == null || img.getWidth() <= 0) return false;
        double hw = halfWidth.getValue();
        var key = List.of(axis.axis(), hw, System.identityHashCode(img), img.getWidth(), img.getHeight());
        if (key.equals(straightKey) && straight != null) return true;
        double sx = img.getWidth() / document.image().width(), sy = img.getHeight() / document.image().height();
        List<Point> pts = axis.axis().points();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point p : pts) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        int iw = (int) img.getWidth(), ih = (int) img.getHeight();
        int rx0 = Math.clamp((int) Math.floor((minX - hw - 2) * sx), 0, iw - 1), ry0 = Math.clamp((int) Math.floor((minY - hw - 2) * sy), 0, ih - 1);
        int rx1 = Math.clamp((int) Math.ceil((maxX + hw + 2) * sx), rx0 + 1, iw), ry1 = Math.clamp((int) Math.ceil((maxY + hw + 2) * sy), ry0 + 1, ih);
        int rw = rx1 - rx0, rh = ry1 - ry0;
        int[] argb = new int[rw * rh];
        PixelReader reader = img.getPixelReader();
        reader.getPixels(rx0, ry0, rw, rh, PixelFormat.getIntArgbInstance(), argb, 0, rw);
        int[] grey = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            grey[i] = (((p >> 16) & 0xff) * 299 + ((p >> 8) & 0xff) * 587 + (p & 0xff) * 114) / 1000;
        }
        Straightener.Sampler roi = Straightener.bilinear(rw, rh, grey, 255);
        Straightener.Sampler sampler = (x, y) -> roi.at(x * sx - rx0, y * sy - ry0);
        straight = Straightener.straighten(pts, hw, sampler);
        straightImage = toImage(straight);
        straightKey = key;
        return true;
    }

    static WritableImage toImage(Straightener.Result r) {
        var out = new WritableImage(r.width(), r.length());
        int[] px = new int[r.width() * r.length()];
        for (int i = 0; i < px.length; i++) {
            int v = Math.clamp(Math.round(r.values()[i]), 0, 255);
            px[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        out.getPixelWriter().setPixels(0, 0, r.width(), r.length(), PixelFormat.getIntArgbInstance(), px, 0, r.width());
        return out;
    }

    /** Stain greys as ideograms draw them: gneg white to gpos100 black; centromere, stalks and gvar tinted. */
    static Color stainColor(BandStain s) {
        return switch (s) {
            case GNEG -> Color.web("#f4f4f4");
            case GPOS25 -> Color.web("#c0c0c0");
            case GPOS50 -> Color.web("#8c8c8c");
            case GPOS75 -> Color.web("#5a5a5a");
            case GPOS100 -> Color.web("#1c1c1c");
            case ACEN -> Color.web("#b5565a");
            case GVAR -> Color.web("#7b8fb0");
            case STALK -> Color.web("#9aaec4");
        };
    }

    @Override
    public void close() {
        document.removeListener(listener);
    }
}
