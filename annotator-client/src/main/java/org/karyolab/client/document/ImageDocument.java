package org.karyolab.client.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Violation;
import org.karyolab.schema.shape.Bounds;

/**
 * One open image: its metadata, its annotations (each with the server revision it is based on; 0 =
 * not yet saved), the model's suggestions, the selection and the image-level labels. No GUI: views
 * and autosave listen to {@link DocumentEvent}s; edits come through commands
 * ({@code org.karyolab.client.command}) so they can be undone.
 *
 * <p>Annotations are kept in drawing order (later ones on top) in an id map, with a
 * {@link SpatialIndex} of their bounding boxes for hit tests and viewport queries, so 10,000 shapes
 * stay cheap. Thread-safe: every method locks the document (autosave writes revisions from its own
 * thread); listeners run while the lock is held, so they must not block on another thread.
 */
public final class ImageDocument {

    /** Grid cell edge: about a metaphase chromosome's length in pixels. */
    public static final double INDEX_CELL = 64;

    private final ImageAsset image;
    private final String user;
    private final LinkedHashMap<String, Annotation> annotations = new LinkedHashMap<>();
    private final SpatialIndex index = new SpatialIndex(INDEX_CELL);
    private final LinkedHashMap<String, ModelSuggestion> suggestions = new LinkedHashMap<>();
    private final SpatialIndex suggestionIndex = new SpatialIndex(INDEX_CELL);
    /** Annotation id -> the suggestion it was accepted from, until the server has the acceptance. */
    private final Map<String, String> acceptedFrom = new HashMap<>();
    /** Old id -> new id, for accepted suggestions the server named (commands keep the old id). */
    private final Map<String, String> aliases = new HashMap<>();
    private final LinkedHashSet<String> selection = new LinkedHashSet<>();
    private ImageLabels imageLabels = ImageLabels.EMPTY;
    /** Drawing order: a sequence number per id (annotations and suggestions share it), later on top. */
    private final Map<String, Long> drawOrder = new HashMap<>();
    private long nextOrder;
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();
    private int updateDepth;
    private final List<DocumentEvent> held = new ArrayList<>();

    /** @param user who is editing: the author of what they draw (the server records the signed-in user anyway) */
    public ImageDocument(ImageAsset image, String user) {
        this.image = Objects.requireNonNull(image);
        this.user = Objects.requireNonNull(user);
    }

    public ImageAsset image() {
        return image;
    }

    public String imageId() {
        return image.id();
    }

    public String user() {
        return user;
    }

    public void addListener(DocumentListener l) {
        listeners.add(l);
    }

    public void removeListener(DocumentListener l) {
        listeners.remove(l);
    }

    // --- reading --------------------------------------------------------------------------------

    /** The id an annotation has now (an accepted suggestion gets a new one from the server). */
    public synchronized String resolve(String id) {
        String current = id;
        for (int hops = 0; hops < 8 && aliases.containsKey(current); hops++) current = aliases.get(current);
        return current;
    }

    public synchronized Annotation annotation(String id) {
        return annotations.get(resolve(id));
    }

    public synchronized boolean contains(String id) {
        return annotations.containsKey(resolve(id));
    }

    /** All annotations in drawing order (a copy). */
    public synchronized List<Annotation> annotations() {
        return List.copyOf(annotations.values());
    }

    public synchronized int size() {
        return annotations.size();
    }

    /** Annotations whose bounding box meets the viewport, in drawing order. */
    public synchronized List<Annotation> visibleIn(Bounds viewport) {
        return inDrawingOrder(index.query(viewport), annotations);
    }

    /** Ids only, unordered: the cheap form of {@link #visibleIn}. */
    public synchronized List<String> idsIn(Bounds viewport) {
        return index.query(viewport);
    }

    /**
     * Annotations under the point, topmost first: the bounding box from the index, then the exact
     * test of each shape kind ({@link Shapes#hits}); {@code tolerance} in pixels.
     */
    public synchronized List<Annotation> hitTest(double x, double y, double tolerance) {
        List<String> candidates = index.query(new Bounds(x - tolerance, y - tolerance, x + tolerance, y + tolerance));
        List<Annotation> ordered = new ArrayList<>(inDrawingOrder(candidates, annotations));
        ordered.removeIf(a -> !Shapes.hits(a.shape(), x, y, tolerance));
        Collections.reverse(ordered);
        return ordered;
    }

    public synchronized Bounds boundsOf(String id) {
        return index.boundsOf(resolve(id));
    }

    public synchronized List<ModelSuggestion> suggestions() {
        return List.copyOf(suggestions.values());
    }

    public synchronized ModelSuggestion suggestion(String id) {
        return suggestions.get(id);
    }

    public synchronized List<ModelSuggestion> openSuggestions() {
        return suggestions.values().stream().filter(s -> s.state() == SuggestionState.OPEN).toList();
    }

    /** Open suggestions whose box meets the viewport (decided ones are not drawn as suggestions). */
    public synchronized List<ModelSuggestion> suggestionsIn(Bounds viewport) {
        return inDrawingOrder(suggestionIndex.query(viewport), suggestions).stream()
                .filter(s -> s.state() == SuggestionState.OPEN).toList();
    }

    /** Open suggestions under the point, topmost first. */
    public synchronized List<ModelSuggestion> suggestionHitTest(double x, double y, double tolerance) {
        var out = new ArrayList<>(suggestionsIn(new Bounds(x - tolerance, y - tolerance, x + tolerance, y + tolerance)));
        out.removeIf(s -> !Shapes.hits(s.shape(), x, y, tolerance));
        Collections.reverse(out);
        return out;
    }

    /** The suggestion an unsaved annotation was accepted from, or null. */
    public synchronized String acceptedFrom(String annotationId) {
        return acceptedFrom.get(resolve(annotationId));
    }

    public synchronized Set<String> selection() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(selection));
    }

    public synchronized List<Annotation> selectedAnnotations() {
        return selection.stream().map(annotations::get).filter(Objects::nonNull).toList();
    }

    public synchronized ImageLabels imageLabels() {
        return imageLabels;
    }

    /**
     * Checks an annotation's content as the server will: shape inside this image, labels and
     * provenance consistent. Commands call this first, so an invalid edit fails at once, not at save.
     */
    public List<Violation> check(Annotation a) {
        var out = new ArrayList<Violation>();
        if (a.shape() == null) out.add(new Violation("/shape", "shape is required"));
        else a.shape().validate(image.width(), image.height()).forEach(v -> out.add(new Violation("/shape" + v.pointer(), v.message())));
        a.labels().validate().forEach(v -> out.add(new Violation("/labels" + v.pointer(), v.message())));
        if (a.provenance() != null) a.provenance().validate().forEach(v -> out.add(new Violation("/provenance" + v.pointer(), v.message())));
        return out;
    }

    /** Candidates sorted by when they were drawn: O(k log k) for k hits, whatever the total. */
    private <T> List<T> inDrawingOrder(Collection<String> ids, Map<String, T> all) {
        if (ids.isEmpty()) return List.of();
        var sorted = new ArrayList<>(ids);
        sorted.sort(java.util.Comparator.comparingLong(id -> drawOrder.getOrDefault(id, Long.MAX_VALUE)));
        var out = new ArrayList<T>(sorted.size());
        for (String id : sorted) {
            T value = all.get(id);
            if (value != null) out.add(value);
        }
        return out;
    }

    // --- changing (commands and autosave call these) --------------------------------------------

    /** Replaces everything with the server's state (opening the image, or a reload). Selection is cleared. */
    public synchronized void load(List<Annotation> fromServer, List<ModelSuggestion> fromModel, ImageLabels labels) {
        annotations.clear();
        index.clear();
        drawOrder.clear();
        suggestions.clear();
        suggestionIndex.clear();
        acceptedFrom.clear();
        selection.clear();
        for (Annotation a : fromServer) putIndexed(a);
        for (ModelSuggestion s : fromModel) putSuggestion(s);
        imageLabels = labels == null ? ImageLabels.EMPTY : labels;
        fire(new DocumentEvent.Reloaded(Origin.SERVER));
    }

    public synchronized void add(List<Annotation> toAdd, Origin origin) {
        // An undo/redo may hold an id the server has since renamed.
        List<Annotation> added = toAdd.stream().map(a -> a.withId(resolve(a.id()))).toList();
        for (Annotation a : added) {
            if (!image.id().equals(a.imageId())) throw new IllegalArgumentException("annotation of another image: " + a.imageId());
            if (annotations.containsKey(a.id())) throw new IllegalArgumentException("annotation " + a.id() + " is already there");
        }
        added.forEach(this::putIndexed);
        if (!added.isEmpty()) fire(new DocumentEvent.AnnotationsAdded(List.copyOf(added), origin));
    }

    /**
     * Sets new content. For {@link Origin#EDIT} only the content is taken: the revision the edit is
     * based on stays what the document has (autosave owns revisions). From the server, all of it.
     */
    public synchronized void replace(List<Annotation> changed, Origin origin) {
        var before = new ArrayList<Annotation>();
        var after = new ArrayList<Annotation>();
        for (Annotation a : changed) {
            String id = resolve(a.id());
            Annotation old = annotations.get(id);
            if (old == null) throw new IllegalArgumentException("no annotation " + a.id());
            Annotation next = origin == Origin.EDIT ? Contents.withContent(old, a) : a.withId(id);
            if (next.equals(old)) continue;
            putIndexed(next);
            before.add(old);
            after.add(next);
        }
        if (!after.isEmpty()) fire(new DocumentEvent.AnnotationsChanged(before, after, origin));
    }

    public synchronized void remove(Collection<String> ids, Origin origin) {
        var removed = new ArrayList<Annotation>();
        var deselected = false;
        for (String raw : ids) {
            String id = resolve(raw);
            Annotation old = annotations.remove(id);
            if (old == null) continue;
            index.remove(id);
            drawOrder.remove(id);
            acceptedFrom.remove(id);
            deselected |= selection.remove(id);
            removed.add(old);
        }
        if (!removed.isEmpty()) fire(new DocumentEvent.AnnotationsRemoved(removed, origin));
        if (deselected) fire(new DocumentEvent.SelectionChanged(selection(), origin));
    }

    /** Autosave: the server stored this annotation at {@code revision}; the content stays as the user has it. */
    public synchronized void saved(String id, long revision) {
        String current = resolve(id);
        Annotation old = annotations.get(current);
        if (old == null || old.revision() == revision) return;
        Annotation next = old.withRevision(revision);
        annotations.put(current, next);
        fire(new DocumentEvent.AnnotationsChanged(List.of(old), List.of(next), Origin.SAVED));
    }

    /**
     * Autosave: the server made an accepted suggestion into annotation {@code newId} (it picks the
     * id). The annotation keeps its place, selection and content; the old id keeps resolving.
     */
    public synchronized void renamed(String oldId, String newId) {
        String current = resolve(oldId);
        if (current.equals(newId)) return;
        aliases.put(current, newId);
        acceptedFrom.remove(current);
        if (!annotations.containsKey(current)) return;
        var rebuilt = new LinkedHashMap<String, Annotation>();
        annotations.forEach((k, v) -> {
            if (k.equals(current)) rebuilt.put(newId, v.withId(newId));
            else rebuilt.put(k, v);
        });
        annotations.clear();
        annotations.putAll(rebuilt);
        drawOrder.put(newId, drawOrder.remove(current));
        Bounds b = index.boundsOf(current);
        index.remove(current);
        index.put(newId, b);
        if (selection.remove(current)) selection.add(newId);
        fire(new DocumentEvent.AnnotationIdChanged(current, newId, Origin.SAVED));
    }

    /** Marks an annotation as accepted from a suggestion (the accept command); null clears it. */
    public synchronized void markAcceptedFrom(String annotationId, String suggestionId) {
        if (suggestionId == null) acceptedFrom.remove(resolve(annotationId));
        else acceptedFrom.put(resolve(annotationId), suggestionId);
    }

    public synchronized void setSuggestions(List<ModelSuggestion> changed, Origin origin) {
        changed.forEach(this::putSuggestion);
        if (!changed.isEmpty()) fire(new DocumentEvent.SuggestionsChanged(List.copyOf(changed), origin));
    }

    public synchronized void setImageLabels(ImageLabels labels, Origin origin) {
        ImageLabels before = imageLabels;
        imageLabels = labels == null ? ImageLabels.EMPTY : labels;
        if (!before.equals(imageLabels)) fire(new DocumentEvent.ImageLabelsChanged(before, imageLabels, origin));
    }

    // --- selection (not undoable, not saved) ----------------------------------------------------

    public synchronized void select(Collection<String> ids) {
        var next = new LinkedHashSet<String>();
        ids.stream().map(this::resolve).filter(annotations::containsKey).forEach(next::add);
        if (next.equals(selection)) return;
        selection.clear();
        selection.addAll(next);
        fire(new DocumentEvent.SelectionChanged(selection(), Origin.EDIT));
    }

    public synchronized void toggleSelected(String id) {
        var next = new LinkedHashSet<>(selection);
        String current = resolve(id);
        if (!next.remove(current)) next.add(current);
        select(next);
    }

    public synchronized void clearSelection() {
        select(List.of());
    }

    // --- event batching -------------------------------------------------------------------------

    /**
     * Runs {@code change} with events held back and merged (consecutive events of one kind and
     * origin become one), so accepting 500 suggestions redraws once.
     */
    public synchronized void batch(Runnable change) {
        updateDepth++;
        try {
            change.run();
        } finally {
            if (--updateDepth == 0) {
                List<DocumentEvent> events = merge(held);
                held.clear();
                events.forEach(this::deliver);
            }
        }
    }

    /**
     * Joins each event into the latest earlier one of its kind and origin, skipping over events of
     * the other family (annotation events vs suggestion, selection and label events), so accepting
     * many suggestions is one "added" and one "suggestions changed". Order within a family is kept,
     * so an add is never reported after a later remove of the same id.
     */
    private static List<DocumentEvent> merge(List<DocumentEvent> events) {
        var out = new ArrayList<DocumentEvent>();
        for (DocumentEvent e : events) {
            int target = -1;
            for (int i = out.size() - 1; i >= 0; i--) {
                DocumentEvent earlier = out.get(i);
                if (earlier.getClass() == e.getClass() && earlier.origin() == e.origin()) {
                    target = i;
                    break;
                }
                if (annotationFamily(earlier) == annotationFamily(e)) break;
            }
            DocumentEvent joined = target < 0 ? null : join(out.get(target), e);
            if (joined != null) out.set(target, joined);
            else out.add(e);
        }
        return out;
    }

    private static boolean annotationFamily(DocumentEvent e) {
        return e instanceof DocumentEvent.AnnotationsAdded || e instanceof DocumentEvent.AnnotationsChanged
                || e instanceof DocumentEvent.AnnotationsRemoved || e instanceof DocumentEvent.AnnotationIdChanged;
    }

    private static DocumentEvent join(DocumentEvent first, DocumentEvent next) {
        return switch (next) {
            case DocumentEvent.AnnotationsAdded a when first instanceof DocumentEvent.AnnotationsAdded l ->
                    new DocumentEvent.AnnotationsAdded(concat(l.annotations(), a.annotations()), a.origin());
            case DocumentEvent.AnnotationsRemoved a when first instanceof DocumentEvent.AnnotationsRemoved l ->
                    new DocumentEvent.AnnotationsRemoved(concat(l.annotations(), a.annotations()), a.origin());
            case DocumentEvent.AnnotationsChanged a when first instanceof DocumentEvent.AnnotationsChanged l ->
                    new DocumentEvent.AnnotationsChanged(concat(l.before(), a.before()), concat(l.after(), a.after()), a.origin());
            case DocumentEvent.SuggestionsChanged a when first instanceof DocumentEvent.SuggestionsChanged l ->
                    new DocumentEvent.SuggestionsChanged(concat(l.suggestions(), a.suggestions()), a.origin());
            default -> null;
        };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var out = new ArrayList<T>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private void fire(DocumentEvent event) {
        if (updateDepth > 0) held.add(event);
        else deliver(event);
    }

    private void deliver(DocumentEvent event) {
        for (DocumentListener l : listeners) l.changed(event);
    }

    private void putIndexed(Annotation a) {
        if (annotations.put(a.id(), a) == null) drawOrder.put(a.id(), nextOrder++);
        index.put(a.id(), a.shape().bounds());
    }

    private void putSuggestion(ModelSuggestion s) {
        if (suggestions.put(s.id(), s) == null) drawOrder.put(s.id(), nextOrder++);
        suggestionIndex.put(s.id(), s.shape().bounds());
    }
}
