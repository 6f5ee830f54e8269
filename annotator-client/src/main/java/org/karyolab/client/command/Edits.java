package org.karyolab.client.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.karyolab.client.document.Handle;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.ShapeSurgery;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.Ids;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationSource;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Violation;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.Shape;

/**
 * Builds the command for each edit the annotator offers, from the document as it is now; hand it
 * to {@link UndoManager#perform}. Each checks the result as the server would and throws
 * {@link InvalidEditException} instead of building an edit that could never be saved.
 *
 * <p>Editing the shape or labels of an annotation accepted from a suggestion makes its provenance
 * {@code suggestion-edited} (undo gives {@code suggestion-accepted} back), so the model's
 * statistics learn that a person had to correct it.
 */
public final class Edits {

    private Edits() {
    }

    // --- drawing and deleting -------------------------------------------------------------------

    /** A new annotation drawn by the user: a client-made time-ordered UUID ({@link Ids}; a retried save cannot duplicate it), draft, not yet saved. */
    public static Command add(ImageDocument d, Shape shape, AnnotationLabels labels) {
        Annotation a = newAnnotation(d, shape, labels);
        requireValid(d, a);
        return new Commands.AddAnnotations("Draw " + shape.type(), List.of(a));
    }

    static Annotation newAnnotation(ImageDocument d, Shape shape, AnnotationLabels labels) {
        return new Annotation(Ids.newId(), d.imageId(), shape, labels, Provenance.human(d.user()), 0,
                AnnotationStatus.DRAFT, null, null);
    }

    public static Command delete(ImageDocument d, Collection<String> ids) {
        List<Annotation> gone = existing(d, ids);
        return new Commands.RemoveAnnotations(gone.size() == 1 ? "Delete" : "Delete " + gone.size(), gone,
                gone.stream().map(a -> d.acceptedFrom(a.id())).toList());
    }

    // --- geometry -------------------------------------------------------------------------------

    public static Command translate(ImageDocument d, Collection<String> ids, double dx, double dy) {
        return change(d, "Move", ids, a -> a.withShape(a.shape().translate(dx, dy)));
    }

    /** Resize or rotate by dragging one of the shape's {@link Shapes#handles handles} to {@code to}. */
    public static Command dragHandle(ImageDocument d, String id, Handle handle, Point to) {
        String name = handle.kind() == Handle.Kind.ROTATE ? "Rotate" : handle.kind() == Handle.Kind.VERTEX
                || handle.kind() == Handle.Kind.KEYPOINT ? "Move point" : "Resize";
        return change(d, name, List.of(id), a -> a.withShape(Shapes.dragHandle(a.shape(), handle, to)));
    }

    /** Turns each shape about its own centre; a box becomes a rotated box. */
    public static Command rotate(ImageDocument d, Collection<String> ids, double degrees) {
        return change(d, "Rotate", ids, a -> a.withShape(Shapes.rotate(a.shape(), degrees)));
    }

    /** Any new geometry for one annotation: a box resized to exact numbers, an edited polygon, mask, polyline or key points. */
    public static Command replaceShape(ImageDocument d, String id, Shape shape) {
        return change(d, "Edit " + shape.type(), List.of(id), a -> a.withShape(shape));
    }

    public static Command moveVertex(ImageDocument d, String id, int index, Point to) {
        return change(d, "Move point", List.of(id), a -> a.withShape(
                Shapes.dragHandle(a.shape(), new Handle(Handle.Kind.VERTEX, index, null, to), to)));
    }

    public static Command insertVertex(ImageDocument d, String id, int after, Point p) {
        return change(d, "Add point", List.of(id), a -> a.withShape(Shapes.insertVertex(a.shape(), after, p)));
    }

    public static Command deleteVertex(ImageDocument d, String id, int index) {
        return change(d, "Delete point", List.of(id), a -> a.withShape(Shapes.deleteVertex(a.shape(), index)));
    }

    // --- labels ---------------------------------------------------------------------------------

    /**
     * Names the chromosome(s). A class means one chromosome, so a multi-chromosome cluster type
     * becomes {@code instance}; band calls that name another chromosome are dropped (they were
     * read for the wrong chromosome; undo brings them back).
     */
    public static Command setClass(ImageDocument d, Collection<String> ids, ChromosomeClass c) {
        return change(d, "Set class " + c.label(), ids, a -> {
            AnnotationLabels l = a.labels();
            ClusterType type = l.clusterType() == null ? null : ClusterType.INSTANCE;
            List<BandCall> bands = l.bands().stream()
                    .filter(b -> b.band() == null || b.band().chromosome() == null || b.band().chromosome() == c).toList();
            return a.withLabels(new AnnotationLabels(c, l.polarity(), type, bands, l.anomalies()));
        });
    }

    /** p-up becomes p-down and back; unknown polarity becomes p-down (the user saw it is the other way round). */
    public static Command flipPolarity(ImageDocument d, Collection<String> ids) {
        return change(d, "Flip polarity", ids, a -> {
            AnnotationLabels l = a.labels();
            Polarity next = l.polarity() == Polarity.P_DOWN ? Polarity.P_UP : Polarity.P_DOWN;
            return a.withLabels(new AnnotationLabels(l.chromosomeClass(), next, l.clusterType(), l.bands(), l.anomalies()));
        });
    }

    /**
     * Sets the cluster type. A type naming several chromosomes drops class, polarity and bands (they
     * describe one chromosome; the schema forbids them on a cluster; undo brings them back).
     */
    public static Command setClusterType(ImageDocument d, Collection<String> ids, ClusterType type) {
        return change(d, "Set cluster type", ids, a -> {
            AnnotationLabels l = a.labels();
            boolean several = type != null && type != ClusterType.INSTANCE;
            return a.withLabels(several ? new AnnotationLabels(null, null, type, List.of(), l.anomalies())
                    : new AnnotationLabels(l.chromosomeClass(), l.polarity(), type, l.bands(), l.anomalies()));
        });
    }

    /** ISCN abnormality text per chromosome, e.g. {@code del(5)(q13q33)}. */
    public static Command setAnomalies(ImageDocument d, String id, List<String> anomalies) {
        return change(d, "Set anomalies", List.of(id), a -> {
            AnnotationLabels l = a.labels();
            return a.withLabels(new AnnotationLabels(l.chromosomeClass(), l.polarity(), l.clusterType(), l.bands(), anomalies));
        });
    }

    public static Command setBands(ImageDocument d, String id, List<BandCall> bands) {
        return change(d, "Set bands", List.of(id), a -> {
            AnnotationLabels l = a.labels();
            return a.withLabels(new AnnotationLabels(l.chromosomeClass(), l.polarity(), l.clusterType(), bands, l.anomalies()));
        });
    }

    /** Which edge of a band call. */
    public enum BandEdge { START, END }

    /**
     * Drags one band boundary to {@code position} (fraction of the medial axis). A neighbour that
     * shared the boundary moves with it, so adjacent bands stay adjacent; the boundary cannot pass
     * the band's other edge or the neighbour's far edge.
     */
    public static Command moveBandBoundary(ImageDocument d, String id, int bandIndex, BandEdge edge, double position) {
        return change(d, "Move band boundary", List.of(id), a -> {
            var bands = new ArrayList<>(a.labels().bands());
            BandCall band = bands.get(bandIndex);
            if (edge == BandEdge.END) {
                double limit = 1;
                int next = bandIndex + 1;
                boolean shared = next < bands.size() && bands.get(next).start() == band.end();
                if (shared) limit = bands.get(next).end();
                double p = Math.clamp(position, band.start(), limit);
                bands.set(bandIndex, new BandCall(band.band(), band.start(), p));
                if (shared) bands.set(next, new BandCall(bands.get(next).band(), p, bands.get(next).end()));
            } else {
                double limit = 0;
                int prev = bandIndex - 1;
                boolean shared = prev >= 0 && bands.get(prev).end() == band.start();
                if (shared) limit = bands.get(prev).start();
                double p = Math.clamp(position, limit, band.end());
                bands.set(bandIndex, new BandCall(band.band(), p, band.end()));
                if (shared) bands.set(prev, new BandCall(bands.get(prev).band(), bands.get(prev).start(), p));
            }
            AnnotationLabels l = a.labels();
            return a.withLabels(new AnnotationLabels(l.chromosomeClass(), l.polarity(), l.clusterType(), bands, l.anomalies()));
        });
    }

    public static Command setImageLabels(ImageDocument d, ImageLabels labels) {
        return new Commands.SetImageLabels(d.imageLabels(), labels);
    }

    // --- split and merge ------------------------------------------------------------------------

    /**
     * Splits a touching cluster along a drawn line into two chromosomes (one undo step). The pieces
     * are new annotations; a multi-chromosome cluster type is not carried over (each piece is one
     * chromosome), other labels are.
     */
    public static Command split(ImageDocument d, String id, Polyline cut) {
        Annotation whole = existing(d, List.of(id)).getFirst();
        ShapeSurgery.Split pieces = ShapeSurgery.split(whole.shape(), cut);
        AnnotationLabels l = whole.labels();
        AnnotationLabels pieceLabels = l.clusterType() != null && l.clusterType() != ClusterType.INSTANCE
                ? new AnnotationLabels(null, null, null, List.of(), l.anomalies()) : l;
        Annotation left = newAnnotation(d, pieces.left(), pieceLabels);
        Annotation right = newAnnotation(d, pieces.right(), pieceLabels);
        requireValid(d, left);
        requireValid(d, right);
        return new Commands.Compound("Split", List.of(delete(d, List.of(id)),
                new Commands.AddAnnotations("Split", List.of(left, right))));
    }

    /** Merges two annotations into one (outline union, or mask OR) with the first one's labels; one undo step. */
    public static Command merge(ImageDocument d, String firstId, String secondId) {
        List<Annotation> both = existing(d, List.of(firstId, secondId));
        if (both.size() != 2) throw new IllegalArgumentException("merge needs two different annotations");
        Annotation merged = newAnnotation(d, ShapeSurgery.merge(both.get(0).shape(), both.get(1).shape()), both.get(0).labels());
        requireValid(d, merged);
        return new Commands.Compound("Merge", List.of(delete(d, List.of(firstId, secondId)),
                new Commands.AddAnnotations("Merge", List.of(merged))));
    }

    // --- suggestions ----------------------------------------------------------------------------

    /** Accepts an open suggestion as an annotation (provenance suggestion-accepted, author = the user). */
    public static Command acceptSuggestion(ImageDocument d, String suggestionId) {
        ModelSuggestion s = d.suggestion(suggestionId);
        if (s == null) throw new IllegalArgumentException("no suggestion " + suggestionId);
        if (s.state() != SuggestionState.OPEN) throw new IllegalStateException("suggestion " + suggestionId + " is already " + s.state());
        Annotation a = new Annotation(Ids.newId(), d.imageId(), s.shape(), s.labels(),
                Provenance.suggestion(d.user(), s.modelId(), s.modelVersion(), false), 0, AnnotationStatus.DRAFT, null, null);
        requireValid(d, a);
        return new Commands.AcceptSuggestion(s, a);
    }

    /**
     * Accepts every open suggestion with confidence at or above {@code threshold}, most confident
     * first, as one undo step. Suggestions whose shape does not fit the image are left open.
     */
    public static Command acceptAbove(ImageDocument d, double threshold) {
        var parts = new ArrayList<Command>();
        d.openSuggestions().stream().filter(s -> s.confidence() >= threshold)
                .sorted(Comparator.comparingDouble(ModelSuggestion::confidence).reversed())
                .forEach(s -> {
                    try {
                        parts.add(acceptSuggestion(d, s.id()));
                    } catch (InvalidEditException e) {
                        // left open for the user to fix by hand
                    }
                });
        return new Commands.Compound("Accept " + parts.size() + " suggestions", parts);
    }

    public static Command rejectSuggestion(ImageDocument d, String suggestionId) {
        ModelSuggestion s = d.suggestion(suggestionId);
        if (s == null) throw new IllegalArgumentException("no suggestion " + suggestionId);
        if (s.state() != SuggestionState.OPEN) throw new IllegalStateException("suggestion " + suggestionId + " is already " + s.state());
        return new Commands.SetSuggestionState("Reject suggestion", s, s.withState(SuggestionState.REJECTED, null));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The command that applies {@code edit} to each annotation, validated, with the provenance rule above. */
    private static Command change(ImageDocument d, String name, Collection<String> ids, UnaryOperator<Annotation> edit) {
        List<Annotation> before = existing(d, ids);
        var after = new ArrayList<Annotation>(before.size());
        for (Annotation a : before) {
            Annotation next = markEdited(a, edit.apply(a));
            requireValid(d, next);
            after.add(next);
        }
        return new Commands.ChangeAnnotations(name, before, after);
    }

    private static Annotation markEdited(Annotation before, Annotation after) {
        Provenance p = after.provenance();
        boolean contentChanged = !before.shape().equals(after.shape()) || !before.labels().equals(after.labels());
        if (p != null && p.source() == AnnotationSource.SUGGESTION_ACCEPTED && contentChanged) {
            return after.withProvenance(Provenance.suggestion(p.author(), p.modelId(), p.modelVersion(), true));
        }
        return after;
    }

    private static List<Annotation> existing(ImageDocument d, Collection<String> ids) {
        var out = new ArrayList<Annotation>();
        var seen = new java.util.HashSet<String>();
        for (String id : ids) {
            Annotation a = d.annotation(id);
            if (a == null) throw new IllegalArgumentException("no annotation " + id);
            if (seen.add(a.id())) out.add(a);
        }
        return out;
    }

    private static void requireValid(ImageDocument d, Annotation a) {
        List<Violation> violations = d.check(a);
        if (!violations.isEmpty()) throw new InvalidEditException("the edit would not be valid on this image", violations);
    }
}
