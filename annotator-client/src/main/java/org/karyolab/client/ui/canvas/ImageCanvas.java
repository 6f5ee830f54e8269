package org.karyolab.client.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.ui.ClassColors;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Shape;

/**
 * The editor's drawing surface: one {@link Canvas} showing the image (thumbnail first, then full
 * resolution), the annotations and open suggestions that meet the viewport (asked of the document's
 * spatial index, so only what is on screen is drawn), selection handles and the active tool's
 * work in progress. Wheel zooms about the cursor; middle-drag, or Space + drag, pans; other mouse
 * input goes to the {@link Tool}. Redraws are coalesced: any number of changes in one pulse draw once.
 */
public final class ImageCanvas extends Region implements ToolContext {

    static final Color SURROUND = Color.web("#1b1d23");
    static final Color IMAGE_EDGE = Color.web("#3a3f4b");
    static final Color TEXT = Color.web("#c8ccd4");
    static final Color SUGGESTION_SHADOW = Color.rgb(0, 0, 0, 0.28);
    /** Below this on-screen size (px) a shape gets no tag and no fill: clutter, and cost, at low zoom. */
    static final double TAG_MIN_SCREEN = 14;

    private final EditorModel model;
    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private final ShapePainter painter = new ShapePainter();
    /** Unselected annotations and suggestions as a bitmap: re-stroking them every frame was the frame time. */
    private final ShapeLayerCache shapeLayer = new ShapeLayerCache(this::shapeLayerItems, this::repaint);
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool");
    private Image shown;
    /** The layer shown, whose int[] pixels the compositor reads; null for an image set without one. */
    private ImageLayer shownLayer;
    /**
     * Image and shape layer composited in Java into one screen-sized image (one unscaled blit per frame; see
     * {@link FrameCompositor}); {@code -Dkaryolab.canvas.compositor=false} draws them as two images as before.
     */
    private final FrameCompositor compositor = Boolean.parseBoolean(System.getProperty("karyolab.canvas.compositor", "true"))
            ? new FrameCompositor() : null;
    /** The view has not moved for {@link ShapeLayerCache#SETTLE}: the compositor may filter a downscaled image. */
    private final PauseTransition viewSettle = new PauseTransition(ShapeLayerCache.SETTLE);
    private boolean viewSettled;
    private double lastScale = Double.NaN;
    private double lastOffsetX;
    private double lastOffsetY;
    /** {@link #shown} and its halved copies, level 0 first (just {@code shown} when set without a layer). */
    private List<? extends Image> levels = List.of();
    private boolean fitted;
    private final CanvasInput input;
    /** The last frame's visible image area and what it showed, for the culling figures. */
    private Bounds lastVisible;
    private boolean lastShowAnnotations;
    private boolean lastShowSuggestions;
    private long frames;
    private long drawNanos;

    public ImageCanvas(EditorModel model) {
        this.model = model;
        getStyleClass().add("image-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        ImageDocument d = model.document();
        d.addListener(this::documentChanged);
        // What the cached shape layer shows depends on these: each change re-renders it.
        model.showAnnotationsProperty().addListener((o, a, b) -> invalidateShapes());
        model.showSuggestionsProperty().addListener((o, a, b) -> invalidateShapes());
        model.thresholdProperty().addListener((o, a, b) -> invalidateShapes());
        model.selectedSuggestionProperty().addListener((o, a, b) -> invalidateShapes());
        tool.addListener((o, before, now) -> {
            if (before != null) before.cancel();
            setCursor(now == null ? Cursor.DEFAULT : now.cursor());
            repaint();
        });
        input = new CanvasInput(this);
        viewSettle.setOnFinished(e -> {
            viewSettled = true;
            repaint();
        });
    }

    // --- ToolContext ----------------------------------------------------------------------------

    @Override
    public EditorModel model() {
        return model;
    }

    @Override
    public Viewport viewport() {
        return viewport;
    }

    /** Any thread: schedules one redraw on the JavaFX thread. */
    @Override
    public void repaint() {
        if (redrawPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                redrawPending.set(false);
                draw();
            });
        }
    }

    // --- state ----------------------------------------------------------------------------------

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public Tool tool() {
        return tool.get();
    }

    /** "x, y" of the pointer in image pixels, for the status bar. */
    public ReadOnlyStringProperty pointerProperty() {
        return input.pointerProperty();
    }

    /** The image to show: the thumbnail first (any size: it is stretched to the image's), then the full one. */
    public void setImage(Image image) {
        shown = image;
        shownLayer = null;
        levels = image == null ? List.of() : List.of(image);
        repaint();
    }

    /**
     * The adjusted image of {@code layer} with its downscaled copies: a zoomed-out view is drawn from the
     * smallest copy that still has a pixel per screen pixel (see {@link ImagePyramid}), which is what
     * keeps panning the whole image at 60 fps on a software renderer.
     */
    public void setImage(ImageLayer layer) {
        shown = layer.image();
        shownLayer = layer;
        levels = layer.levels();
        repaint();
    }

    public Image shownImage() {
        return shown;
    }

    /** The layer shown (the adjusted image with its pyramid), or null if the image was set without one. */
    public ImageLayer layer() {
        return shownLayer;
    }

    /** Space held: a primary drag pans. */
    public void setSpaceDown(boolean down) {
        input.setSpaceDown(down);
    }

    /** Annotations that meet the last frame's viewport (the viewport culling at work); counted on request. */
    public int lastDrawnAnnotations() {
        return lastShowAnnotations && lastVisible != null ? model.document().idsIn(lastVisible).size() : 0;
    }

    /** Open suggestions that meet the last frame's viewport; counted on request. */
    public int lastDrawnSuggestions() {
        return lastShowSuggestions && lastVisible != null ? model.document().suggestionsIn(lastVisible).size() : 0;
    }

    public long frames() {
        return frames;
    }

    public void fitImage() {
        var img = model.document().image();
        viewport.fit(img.width(), img.height(), 24, 8);
        fitted = true;
        repaint();
    }

    public void zoomBy(double factor) {
        viewport.zoomAt(viewport.screenWidth() / 2, viewport.screenHeight() / 2, factor);
        repaint();
    }

    /** Screen point (in this node's coordinates) of an image point: what tests aim the mouse at. */
    public Point2D imageToLocal(double x, double y) {
        return new Point2D(viewport.toScreenX(x), viewport.toScreenY(y));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.setScreenSize(w, h);
            if (!fitted && w > 1 && h > 1) fitImage();
            repaint();
        }
    }

    private void invalidateShapes() {
        shapeLayer.invalidate();
        repaint();
    }

    /** How many times the shape layer was rendered rather than reused (tests, benchmark). */
    public long shapeLayerRenders() {
        return shapeLayer.renders();
    }

    /** Whether the shape layer is being re-rendered in slices over the next frames (tests). */
    public boolean shapeLayerRendering() {
        return shapeLayer.rendering();
    }

    private void documentChanged(DocumentEvent e) {
        // Image labels are not drawn on the canvas; every other event may change the shape layer
        // (a selected shape leaves the cached layer and is drawn live on top).
        if (!(e instanceof DocumentEvent.ImageLabelsChanged)) shapeLayer.invalidate();
        if (e instanceof DocumentEvent.SuggestionsChanged || e instanceof DocumentEvent.Reloaded) {
            // An accepted or rejected suggestion is no longer open: drop it from the selection.
            Platform.runLater(() -> {
                if (model.selectedSuggestionProperty().get() != null && model.selectedSuggestionValue() == null) {
                    model.selectedSuggestionProperty().set(null);
                }
            });
        }
        repaint();
    }

    // --- drawing --------------------------------------------------------------------------------

    /** Draws one frame now (JavaFX thread). */
    public void draw() {
        long start = System.nanoTime();
        frames++;
        drawFrame();
        drawNanos += System.nanoTime() - start;
    }

    /**
     * Time spent on the JavaFX thread drawing so far, in ns: every {@link #draw()} and every slice of a
     * shape-layer re-render (done at the start of a pulse); the benchmark counts all of it, not only its own draw.
     */
    public long drawNanos() {
        return drawNanos + shapeLayer.sliceNanos();
    }

    private void drawFrame() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        trackViewMoves();
        FrameCompositor.Source source = compositor == null || shownLayer == null ? null : shownLayer.source();
        var asset = model.document().image();
        if (source != null) {
            // One screen-sized image: surround, image level and cached shapes composited in Java.
            shapeLayer.update(viewport, asset.width(), asset.height());
            g.drawImage(compositor.compose(viewport, source, shapeLayer.pixels(), asset.width(), asset.height(), viewSettled), 0, 0);
        } else {
            g.setFill(SURROUND);
            g.fillRect(0, 0, w, h);
            drawImage(g);
            shapeLayer.draw(g, viewport, asset.width(), asset.height());
        }
        Bounds visible = viewport.visibleImageArea();
        ImageDocument d = model.document();
        Tool t = tool();
        boolean showAnnotations = model.showAnnotationsProperty().get();
        // What meets the viewport (the culling figures) is counted when asked: at the whole image that was
        // a 10,000-id query every frame. The cached layer is re-rendered only when needed.
        lastVisible = visible;
        lastShowSuggestions = model.showSuggestionsProperty().get();
        lastShowAnnotations = showAnnotations;
        // Live on top of the bitmap: the chosen suggestion, the selection with its handles and tool previews.
        ModelSuggestion chosen = model.showSuggestionsProperty().get() ? model.selectedSuggestionValue() : null;
        var liveTags = new ArrayList<Tag>();
        if (chosen != null) {
            drawSuggestion(g, viewport, chosen, true, true);
            g.setLineDashes((double[]) null);
            Tag tag = suggestionTag(viewport, chosen, true, true);
            if (tag != null) liveTags.add(tag);
        }
        if (showAnnotations) {
            for (Annotation a : d.selectedAnnotations()) {
                if (t != null && t.drawsItself(a.id())) continue; // e.g. the mask being painted: the brush shows it
                Shape s = t == null ? null : t.preview(a.id());
                Shape shape = s == null ? a.shape() : s;
                if (shape.bounds().expand(ShapeLayerCache.PAD / viewport.scale()).intersects(visible)) {
                    drawAnnotation(g, viewport, a, shape, true, false);
                    Tag tag = annotationTag(viewport, a, shape, true, false);
                    if (tag != null) liveTags.add(tag);
                }
            }
        }
        // Their tags where the layout kept room for them (at the layout's zoom), over every shape.
        for (Tag tag : liveTags) drawTag(g, viewport, tag, tagPlacements, tagScale);
        if (t != null) t.drawOverlay(g);
    }

    /** Notes whether the view moved since the last frame; once it stops for a moment the compositor filters (repaint). */
    private void trackViewMoves() {
        if (viewport.scale() != lastScale || viewport.offsetX() != lastOffsetX || viewport.offsetY() != lastOffsetY) {
            lastScale = viewport.scale();
            lastOffsetX = viewport.offsetX();
            lastOffsetY = viewport.offsetY();
            viewSettled = false;
            if (compositor != null) viewSettle.playFromStart();
        }
    }

    /** Time spent compositing frames so far (part of {@link #drawNanos()}), in ns; 0 without the compositor. */
    public long composeNanos() {
        return compositor == null ? 0 : compositor.composeNanos();
    }

    /** How many frames the compositor composed rather than reused (tests); -1 without it. */
    public long composedFrames() {
        return compositor == null ? -1 : compositor.composed();
    }

    /**
     * The cached layer's items: open suggestions but the chosen one, then unselected annotations, meeting {@code area}
     * (image pixels), then their tags. The tags of everything there, the selection's and the chosen suggestion's
     * included (they are drawn live, in the place kept for them), are laid out together by {@link TagLayout} so
     * that none covers another: the selection first, then annotations, then suggestions.
     */
    private List<ShapeLayerCache.Item> shapeLayerItems(Viewport v, Bounds area) {
        ImageDocument d = model.document();
        List<ShapeLayerCache.Item> items = new ArrayList<>();
        List<Tag> tagsHere = new ArrayList<>();
        List<Tag> cachedTags = new ArrayList<>();
        if (model.showAnnotationsProperty().get()) {
            Set<String> selected = d.selection();
            for (Annotation a : d.selectedAnnotations()) {
                Tag tag = annotationTag(v, a, a.shape(), true, false);
                if (tag != null) tagsHere.add(tag);
            }
            // Crowded is judged by what the viewport shows, not by the bigger cached area.
            boolean crowded = d.idsIn(viewport.visibleImageArea()).size() > 3000;
            for (Annotation a : d.visibleIn(area)) {
                if (selected.contains(a.id())) continue; // drawn live on top
                items.add((g, vp) -> drawAnnotation(g, vp, a, a.shape(), false, crowded));
                Tag tag = annotationTag(v, a, a.shape(), false, crowded);
                if (tag != null) cachedTags.add(tag);
            }
        }
        if (model.showSuggestionsProperty().get()) {
            double threshold = model.thresholdProperty().get();
            ModelSuggestion chosen = model.selectedSuggestionValue();
            if (chosen != null) {
                Tag tag = suggestionTag(v, chosen, true, true);
                if (tag != null) tagsHere.add(tag);
            }
            List<ShapeLayerCache.Item> suggestionItems = new ArrayList<>();
            for (ModelSuggestion s : d.suggestionsIn(area)) {
                if (chosen != null && chosen.id().equals(s.id())) continue; // drawn live on top
                suggestionItems.add((g, vp) -> drawSuggestion(g, vp, s, s.confidence() >= threshold, false));
                Tag tag = suggestionTag(v, s, s.confidence() >= threshold, false);
                if (tag != null) cachedTags.add(tag);
            }
            items.addAll(0, suggestionItems); // under the annotations
        }
        tagsHere.addAll(cachedTags);
        var requests = new ArrayList<TagLayout.Request>(tagsHere.size());
        for (Tag tag : tagsHere) {
            double x = v.toScreenX(tag.bounds().minX()), y = v.toScreenY(tag.bounds().minY());
            requests.add(new TagLayout.Request(tag.key(), x, y, v.toScreenX(tag.bounds().maxX()), v.toScreenY(tag.bounds().maxY()),
                    painter.tagWidth(tag.text()), ShapePainter.TAG_HEIGHT));
        }
        Map<String, TagLayout.Placement> placed = TagLayout.place(requests);
        double scale = v.scale();
        var anchors = new HashMap<String, Bounds>();
        for (Tag tag : tagsHere) anchors.put(tag.key(), tag.bounds());
        tagPlacements = placed;
        tagScale = scale;
        tagAnchors = anchors;
        for (Tag tag : cachedTags) items.add((g, vp) -> drawTag(g, vp, tag, placed, scale));
        return items;
    }

    /** A tag to draw: for which shape ({@code key}), at whose bounds (image pixels), its text and colours. */
    private record Tag(String key, Bounds bounds, String text, Color color, boolean dashed) {
    }

    /** The last tag layout (by "a:" + annotation id, "s:" + suggestion id) at zoom {@link #tagScale}, and each tag's shape bounds. */
    private Map<String, TagLayout.Placement> tagPlacements = Map.of();
    private Map<String, Bounds> tagAnchors = Map.of();
    private double tagScale = Double.NaN;

    /** An annotation's tag, or null if it gets none (unlabelled, too small on screen, or a crowded view). */
    private static Tag annotationTag(Viewport v, Annotation a, Shape shape, boolean selected, boolean crowded) {
        String text = ClassColors.tag(a.labels());
        if (text.isEmpty()) return null;
        Bounds b = shape.bounds();
        boolean detailed = !crowded && Math.max(b.width(), b.height()) * v.scale() >= TAG_MIN_SCREEN;
        return detailed || selected ? new Tag("a:" + a.id(), b, text, ClassColors.of(a.labels()), false) : null;
    }

    /** A suggestion's tag ("21 · 85%"), or null if it is too small on screen. */
    private static Tag suggestionTag(Viewport v, ModelSuggestion s, boolean aboveThreshold, boolean selected) {
        Bounds b = s.shape().bounds();
        if (Math.max(b.width(), b.height()) * v.scale() < TAG_MIN_SCREEN && !selected) return null;
        String label = ClassColors.tag(s.labels());
        String text = (label.isEmpty() ? "" : label + " \u00b7 ") + Math.round(s.confidence() * 100) + "%";
        Color base = ClassColors.of(s.labels());
        return new Tag("s:" + s.id(), b, text, selected ? Color.WHITE : aboveThreshold ? base : ClassColors.belowThreshold(base), true);
    }

    /** Draws a tag where a layout made at zoom {@code scale} put it (its preferred place if at another zoom or not in it). */
    private void drawTag(GraphicsContext g, Viewport v, Tag tag, Map<String, TagLayout.Placement> placed, double scale) {
        TagLayout.Placement p = v.scale() == scale ? placed.get(tag.key()) : null;
        if (p == null) p = TagLayout.preferred(painter.tagWidth(tag.text()), ShapePainter.TAG_HEIGHT);
        painter.tagAt(g, v.toScreenX(tag.bounds().minX()), v.toScreenY(tag.bounds().minY()), p, tag.text(), tag.color(), tag.dashed());
    }

    /**
     * The tags shown by the last layout as they are on screen now (canvas pixels: x, y, width, height), by key ("a:" +
     * annotation id, "s:" + suggestion id); empty when the view is at another zoom than the layout's (tests).
     */
    public Map<String, Rectangle2D> tagBoxes() {
        if (viewport.scale() != tagScale) return Map.of();
        var out = new LinkedHashMap<String, Rectangle2D>();
        tagPlacements.forEach((key, p) -> {
            if (!p.shown()) return;
            Bounds b = tagAnchors.get(key);
            out.put(key, new Rectangle2D(viewport.toScreenX(b.minX()) + p.dx(), viewport.toScreenY(b.minY()) + p.dy(),
                    p.width(), p.height()));
        });
        return out;
    }

    private void drawImage(GraphicsContext g) {
        var asset = model.document().image();
        double x0 = viewport.toScreenX(0), y0 = viewport.toScreenY(0);
        double iw = asset.width() * viewport.scale(), ih = asset.height() * viewport.scale();
        // The drop shadow as the two strips that show right of and below the image: one rectangle under
        // the whole image alpha-blended a screenful of pixels every frame for nothing on the software renderer.
        g.setFill(Color.rgb(0, 0, 0, 0.45));
        g.fillRect(x0 + iw, y0 + 5, 4, ih);
        g.fillRect(x0 + 4, y0 + ih, iw, 5);
        if (shown == null) {
            g.setFill(Color.web("#2a2e37"));
            g.fillRect(x0, y0, iw, ih);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(ShapePainter.TAG_FONT);
            g.fillText("Loading image\u2026", x0 + iw / 2, y0 + ih / 2);
        } else {
            // Only the visible part of the image is copied, from the smallest level with enough pixels;
            // nearest-neighbour when zoomed in, so pixels stay crisp.
            ImagePyramid.Blit b = ImagePyramid.plan(viewport, asset.width(), asset.height(), (int) shown.getWidth(),
                    (int) shown.getHeight(), levels.size());
            if (b != null) {
                g.setImageSmoothing(b.smooth());
                g.drawImage(levels.get(b.level()), b.sourceX(), b.sourceY(), b.sourceWidth(), b.sourceHeight(),
                        b.screenX(), b.screenY(), b.screenWidth(), b.screenHeight());
            }
        }
        g.setStroke(IMAGE_EDGE);
        g.setLineWidth(1);
        g.strokeRect(x0 - 0.5, y0 - 0.5, iw + 1, ih + 1);
    }

    private void drawAnnotation(GraphicsContext g, Viewport viewport, Annotation a, Shape shape, boolean selected, boolean crowded) {
        Color color = ClassColors.of(a.labels());
        Bounds b = shape.bounds();
        double screenSize = Math.max(b.width(), b.height()) * viewport.scale();
        boolean detailed = !crowded && screenSize >= TAG_MIN_SCREEN;
        if (selected) {
            painter.outline(g, viewport, shape, ShapePainter.OUTLINE_SHADOW, 5, false);
            painter.outline(g, viewport, shape, color, 2.5, true);
            painter.handles(g, viewport, shape);
        } else {
            if (detailed) painter.outline(g, viewport, shape, ShapePainter.OUTLINE_SHADOW, 3.5, false);
            // A mask's pixels are its content: shown at every zoom, crowded or not.
            painter.outline(g, viewport, shape, color, 1.5, detailed || shape instanceof Mask);
        }
        // The tag comes later, laid out with the others (annotationTag, drawTag).
    }

    private void drawSuggestion(GraphicsContext g, Viewport viewport, ModelSuggestion s, boolean aboveThreshold, boolean selected) {
        Color base = ClassColors.of(s.labels());
        Color color = aboveThreshold ? base : ClassColors.belowThreshold(base);
        g.setLineDashes(7, 5);
        if (selected) {
            g.setLineDashes((double[]) null);
            painter.outline(g, viewport, s.shape(), ShapePainter.OUTLINE_SHADOW, 6, false);
            g.setLineDashes(7, 5);
            painter.outline(g, viewport, s.shape(), Color.WHITE, 3, false);
            g.setLineDashOffset(6);
            painter.outline(g, viewport, s.shape(), color, 3, false);
            g.setLineDashOffset(0);
        } else {
            // A faint dark under-stroke keeps pale dashes visible on a light metaphase background.
            g.setLineDashes((double[]) null);
            painter.outline(g, viewport, s.shape(), SUGGESTION_SHADOW, 3, false);
            g.setLineDashes(7, 5);
            painter.outline(g, viewport, s.shape(), color, aboveThreshold ? 2 : 1.5, false);
        }
        g.setLineDashes((double[]) null);
        // The tag comes later, laid out with the others (suggestionTag, drawTag).
    }
}
