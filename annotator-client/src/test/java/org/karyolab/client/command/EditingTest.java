package org.karyolab.client.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.Docs;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Origin;
import org.karyolab.client.document.Shapes;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationSource;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;

class EditingTest {

    private ImageDocument doc;
    private UndoManager undo;
    private final List<DocumentEvent> events = new ArrayList<>();

    @BeforeEach
    void open() {
        doc = Docs.document();
        undo = new UndoManager(doc);
        doc.addListener(events::add);
    }

    private String draw(Box box) {
        Command add = Edits.add(doc, box, AnnotationLabels.EMPTY);
        undo.perform(add);
        return ((Commands.AddAnnotations) add).annotations().getFirst().id();
    }

    @Test
    void drawLabelMoveThenUndoAndRedoEachStep() {
        String id = draw(new Box(10, 10, 20, 60));
        Annotation drawn = doc.annotation(id);
        assertThat(drawn.provenance().author()).isEqualTo("ana");
        assertThat(drawn.provenance().source()).isEqualTo(AnnotationSource.HUMAN);
        assertThat(drawn.revision()).as("not saved yet").isZero();
        assertThat(drawn.status()).isEqualTo(AnnotationStatus.DRAFT);

        undo.perform(Edits.setClass(doc, List.of(id), ChromosomeClass.C21));
        undo.perform(Edits.translate(doc, List.of(id), 5, -3));
        undo.perform(Edits.flipPolarity(doc, List.of(id)));
        assertThat(doc.annotation(id).shape()).isEqualTo(new Box(15, 7, 20, 60));
        assertThat(doc.annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C21);
        assertThat(doc.annotation(id).labels().polarity()).isEqualTo(Polarity.P_DOWN);
        assertThat(undo.undoName()).isEqualTo("Flip polarity");

        assertThat(undo.undo()).isTrue();
        assertThat(doc.annotation(id).labels().polarity()).isNull();
        assertThat(undo.undo()).isTrue();
        assertThat(doc.annotation(id).shape()).isEqualTo(new Box(10, 10, 20, 60));
        assertThat(undo.undo()).isTrue();
        assertThat(doc.annotation(id).labels().chromosomeClass()).isNull();
        assertThat(undo.undo()).isTrue();
        assertThat(doc.contains(id)).isFalse();
        assertThat(undo.canUndo()).isFalse();

        assertThat(undo.redo()).isTrue();
        assertThat(undo.redo()).isTrue();
        assertThat(doc.annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C21);
        assertThat(undo.redoName()).isEqualTo("Move");

        // A new edit drops the redo history.
        undo.perform(Edits.setClusterType(doc, List.of(id), ClusterType.INSTANCE));
        assertThat(undo.canRedo()).isFalse();
        assertThat(events).allMatch(e -> e.origin() == Origin.EDIT);
        assertThat(events).filteredOn(e -> e instanceof DocumentEvent.AnnotationsChanged).isNotEmpty();
    }

    @Test
    void eventsSayExactlyWhatChanged() {
        String a = draw(new Box(10, 10, 20, 20));
        String b = draw(new Box(100, 10, 20, 20));
        events.clear();
        undo.perform(Edits.translate(doc, List.of(a, b), 1, 1));
        assertThat(events).hasSize(1);
        var changed = (DocumentEvent.AnnotationsChanged) events.getFirst();
        assertThat(changed.before()).extracting(Annotation::id).containsExactly(a, b);
        assertThat(changed.after()).extracting(x -> x.shape()).containsExactly(new Box(11, 11, 20, 20), new Box(101, 11, 20, 20));
        events.clear();
        doc.select(List.of(a));
        undo.perform(Edits.delete(doc, List.of(a)));
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOf(DocumentEvent.AnnotationsRemoved.class);
        assertThat(((DocumentEvent.SelectionChanged) events.get(2)).selected()).isEmpty();
    }

    @Test
    void resizeRotateAndGeometryEditsAreUndoable() {
        String id = draw(new Box(100, 100, 40, 20));
        var se = Shapes.handles(doc.annotation(id).shape()).get(3);
        undo.perform(Edits.dragHandle(doc, id, se, new Point(160, 140)));
        assertThat(doc.annotation(id).shape()).isEqualTo(new Box(100, 100, 60, 40));
        undo.perform(Edits.rotate(doc, List.of(id), 90));
        assertThat(doc.annotation(id).shape()).isEqualTo(new org.karyolab.schema.shape.RotatedBox(130, 120, 60, 40, 90));
        undo.perform(Edits.replaceShape(doc, id, Docs.square(100, 100, 30)));
        undo.perform(Edits.insertVertex(doc, id, 1, new Point(140, 115)));
        assertThat(((Polygon) doc.annotation(id).shape()).exterior()).hasSize(5);
        undo.undo();
        undo.undo();
        undo.undo();
        undo.undo();
        assertThat(doc.annotation(id).shape()).isEqualTo(new Box(100, 100, 40, 20));
    }

    @Test
    void editsTheServerWouldRefuseAreRefusedAtOnce() {
        String id = draw(new Box(10, 10, 20, 20));
        assertThatThrownBy(() -> Edits.translate(doc, List.of(id), 5000, 0)).isInstanceOf(InvalidEditException.class)
                .satisfies(e -> assertThat(((InvalidEditException) e).violations()).isNotEmpty());
        assertThatThrownBy(() -> Edits.add(doc, new Box(0, 0, -1, 5), AnnotationLabels.EMPTY)).isInstanceOf(InvalidEditException.class);
        assertThat(undo.undoSize()).isEqualTo(1);
    }

    @Test
    void clusterTypeAndClassKeepTheLabelsConsistent() {
        String id = draw(new Box(10, 10, 40, 40));
        undo.perform(Edits.setClass(doc, List.of(id), ChromosomeClass.C9));
        undo.perform(Edits.setClusterType(doc, List.of(id), ClusterType.TOUCHING));
        assertThat(doc.annotation(id).labels()).isEqualTo(AnnotationLabels.ofCluster(ClusterType.TOUCHING));
        undo.perform(Edits.setClass(doc, List.of(id), ChromosomeClass.X));
        assertThat(doc.annotation(id).labels().clusterType()).isEqualTo(ClusterType.INSTANCE);
        undo.perform(Edits.setAnomalies(doc, id, List.of("del(5)(q13q33)")));
        assertThat(doc.annotation(id).labels().anomalies()).containsExactly("del(5)(q13q33)");
        undo.undo();
        undo.undo();
        undo.undo();
        assertThat(doc.annotation(id).labels().chromosomeClass()).isEqualTo(ChromosomeClass.C9);
    }

    @Test
    void movingABandBoundaryMovesTheSharedEdgeOfItsNeighbour() {
        String id = draw(new Box(10, 10, 40, 40));
        undo.perform(Edits.setClass(doc, List.of(id), ChromosomeClass.C9));
        undo.perform(Edits.setBands(doc, id, List.of(
                new BandCall(BandName.parse("9p13"), 0.0, 0.3), new BandCall(BandName.parse("9q34"), 0.3, 1.0))));
        undo.perform(Edits.moveBandBoundary(doc, id, 0, Edits.BandEdge.END, 0.4));
        List<BandCall> bands = doc.annotation(id).labels().bands();
        assertThat(bands.get(0).end()).isEqualTo(0.4);
        assertThat(bands.get(1).start()).isEqualTo(0.4);
        undo.perform(Edits.moveBandBoundary(doc, id, 1, Edits.BandEdge.START, 1.5)); // clamped to the band's own end
        assertThat(doc.annotation(id).labels().bands().get(1).start()).isEqualTo(1.0);
        undo.undo();
        undo.undo();
        assertThat(doc.annotation(id).labels().bands().get(0).end()).isEqualTo(0.3);
    }

    @Test
    void splitAndMergeAreOneUndoStepEach() {
        String cluster = draw(new Box(100, 100, 80, 40));
        undo.perform(Edits.setClusterType(doc, List.of(cluster), ClusterType.TOUCHING));
        undo.perform(Edits.split(doc, cluster, new Polyline(List.of(new Point(140, 90), new Point(140, 150)))));
        assertThat(doc.contains(cluster)).isFalse();
        assertThat(doc.size()).isEqualTo(2);
        List<Annotation> pieces = doc.annotations();
        assertThat(pieces).allSatisfy(p -> {
            assertThat(((Polygon) p.shape()).area()).isCloseTo(1600, within(1e-6));
            assertThat(p.labels().clusterType()).as("each piece is one chromosome").isNull();
        });
        undo.perform(Edits.merge(doc, pieces.get(0).id(), pieces.get(1).id()));
        assertThat(doc.size()).isEqualTo(1);
        assertThat(((Polygon) doc.annotations().getFirst().shape()).area()).isCloseTo(3200, within(1e-6));
        undo.undo();
        assertThat(doc.annotations()).extracting(Annotation::id).containsExactlyInAnyOrder(pieces.get(0).id(), pieces.get(1).id());
        undo.undo();
        assertThat(doc.annotations()).extracting(Annotation::id).containsExactly(cluster);
        assertThat(doc.annotation(cluster).labels().clusterType()).isEqualTo(ClusterType.TOUCHING);
    }

    @Test
    void acceptingASuggestionMakesAnAnnotationAndEditingItMarksItEdited() {
        doc.load(List.of(), List.of(Docs.suggestion("s1", new Box(10, 10, 20, 50), "7", 0.9)), null);
        undo.perform(Edits.acceptSuggestion(doc, "s1"));
        Annotation accepted = doc.annotations().getFirst();
        assertThat(accepted.provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_ACCEPTED);
        assertThat(accepted.provenance().modelId()).isEqualTo("yolo-chrom");
        assertThat(accepted.labels().chromosomeClass()).isEqualTo(ChromosomeClass.C7);
        assertThat(doc.acceptedFrom(accepted.id())).isEqualTo("s1");
        assertThat(doc.suggestion("s1").state()).isEqualTo(SuggestionState.ACCEPTED);
        assertThat(doc.openSuggestions()).isEmpty();

        undo.perform(Edits.translate(doc, List.of(accepted.id()), 2, 0));
        assertThat(doc.annotation(accepted.id()).provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_EDITED);
        undo.undo();
        assertThat(doc.annotation(accepted.id()).provenance().source()).isEqualTo(AnnotationSource.SUGGESTION_ACCEPTED);
        undo.undo();
        assertThat(doc.size()).isZero();
        assertThat(doc.suggestion("s1").state()).isEqualTo(SuggestionState.OPEN);
    }

    @Test
    void acceptAboveAThresholdIsOneStepAndRejectIsUndoable() {
        doc.load(List.of(), List.of(
                Docs.suggestion("low", new Box(10, 10, 20, 20), "1", 0.3),
                Docs.suggestion("mid", new Box(50, 10, 20, 20), "2", 0.7),
                Docs.suggestion("high", new Box(90, 10, 20, 20), "3", 0.95),
                Docs.suggestion("outside", new Box(990, 10, 50, 20), "4", 0.99)), null);
        Command all = Edits.acceptAbove(doc, 0.7);
        assertThat(all.name()).isEqualTo("Accept 2 suggestions");
        events.clear();
        undo.perform(all);
        assertThat(events).filteredOn(e -> e instanceof DocumentEvent.AnnotationsAdded).hasSize(1); // one redraw
        assertThat(doc.annotations()).extracting(a -> a.labels().chromosomeClass()).containsExactly(ChromosomeClass.C3, ChromosomeClass.C2);
        assertThat(doc.openSuggestions()).extracting(s -> s.id()).containsExactlyInAnyOrder("low", "outside");
        undo.perform(Edits.rejectSuggestion(doc, "low"));
        assertThat(doc.suggestion("low").state()).isEqualTo(SuggestionState.REJECTED);
        assertThat(doc.suggestionsIn(new org.karyolab.schema.shape.Bounds(0, 0, 1000, 800))).extracting(s -> s.id())
                .containsExactly("outside");
        undo.undo();
        undo.undo();
        assertThat(doc.size()).isZero();
        assertThat(doc.openSuggestions()).hasSize(4);
    }

    @Test
    void historyIsBoundedAndCompoundsGroupSteps() {
        var small = new UndoManager(doc, 3);
        var names = new ArrayList<String>();
        small.addListener(u -> names.add(u.undoName()));
        String id = ((Commands.AddAnnotations) Edits.add(doc, new Box(1, 1, 5, 5), AnnotationLabels.EMPTY)).annotations().getFirst().id();
        small.perform(new Commands.AddAnnotations("Draw", List.of(new Annotation(id, "img-1", new Box(1, 1, 5, 5),
                AnnotationLabels.EMPTY, org.karyolab.schema.Provenance.human("ana"), 0, AnnotationStatus.DRAFT, null, null))));
        small.beginCompound("Drag");
        for (int i = 0; i < 5; i++) small.perform(Edits.translate(doc, List.of(id), 1, 0));
        small.endCompound();
        assertThat(small.undoName()).isEqualTo("Drag");
        for (int i = 0; i < 4; i++) small.perform(Edits.translate(doc, List.of(id), 0, 1));
        assertThat(small.undoSize()).isEqualTo(3);
        while (small.undo()) {
            // back as far as the bounded history goes
        }
        assertThat(doc.annotation(id).shape()).isEqualTo(new Box(6, 2, 5, 5)); // the drag and one move are too old to undo
        assertThat(names).isNotEmpty();
    }

    @Test
    void imageLabelsAreUndoable() {
        undo.perform(Edits.setImageLabels(doc, new ImageLabels("47,XX,+21", java.util.Set.of())));
        assertThat(doc.imageLabels().karyotype()).isEqualTo("47,XX,+21");
        undo.undo();
        assertThat(doc.imageLabels()).isEqualTo(ImageLabels.EMPTY);
    }
}
