package org.karyolab.client.ui.anomaly;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.DocumentEvent;
import org.karyolab.client.document.DocumentListener;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Fx;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ImageLabels;

/**
 * The anomaly editor: two {@link IscnField}s with live validation, one for the image-level karyotype
 * ({@code ImageLabels.karyotype}) and one for the selected chromosome's anomaly labels
 * ({@code AnnotationLabels.anomalies}, typed comma separated: {@code t(9;22)(q34;q11.2),+8}). Apply
 * (or Enter) writes through the core's {@code Edits} (one undo step each). A field being edited keeps
 * its text when the document changes underneath; an untouched one follows the document.
 */
public final class AnomalyEditorView extends VBox implements AutoCloseable {

    private final EditorModel model;
    private final ImageDocument document;
    private final KaryotypeApi api;
    private final IscnField karyotype;
    private final IscnField anomalies;
    private final Label target = new Label();
    private final DocumentListener listener;
    private String targetId;

    public AnomalyEditorView(EditorModel model, KaryoLabClient client) {
        this.model = Objects.requireNonNull(model);
        this.document = model.document();
        this.api = new KaryotypeApi(client);
        getStyleClass().addAll("kl-root", "kl-anomaly-pane");
        getStylesheets().add(Objects.requireNonNull(AnomalyEditorView.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        getStylesheets().add(Objects.requireNonNull(AnomalyEditorView.class.getResource("anomaly.css")).toExternalForm());

        karyotype = new IscnField("karyotype", IscnCheck.Kind.KARYOTYPE, "e.g. 46,XY,t(9;22)(q34;q11.2)", () -> api, this::level);
        anomalies = new IscnField("anomalies", IscnCheck.Kind.ANOMALIES, "e.g. t(9;22)(q34;q11.2) or del(5)(q13q33)", () -> api, this::level);
        karyotype.setOnApply(this::applyKaryotype);
        anomalies.setOnApply(this::applyAnomalies);
        anomalies.setLocalWarnings(text -> AnomalyChromosomes.mismatches(text, targetClass()));
        undoesTheImageWhenNothingIsTyped(karyotype);
        undoesTheImageWhenNothingIsTyped(anomalies);
        target.setId("anomaly-target");
        target.getStyleClass().add("kl-subtle");
        target.setWrapText(true);

        Label hint = new Label("Checked as you type (strict ISCN). Enter or Apply saves; Esc drops what you typed, "
                + "or closes the window. Ctrl+Z undoes your typing, then (nothing typed) the image's last edit.");
        hint.getStyleClass().add("kl-subtle");
        hint.setWrapText(true);
        getChildren().addAll(section("KARYOTYPE OF THE IMAGE"), karyotype, section("ANOMALIES OF THE SELECTED CHROMOSOME"), target,
                anomalies, hint);

        listener = e -> Fx.onFx(() -> changed(e));
        document.addListener(listener);
        karyotype.load(document.imageLabels().karyotype());
        followSelection(true);
    }

    /**
     * Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) in a field: while it holds typing not yet applied, the text field's own undo;
     * with nothing typed (what it shows is the document's), the image's undo and redo, like outside text fields.
     */
    private void undoesTheImageWhenNothingIsTyped(IscnField f) {
        f.field().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || e.isAltDown() || f.dirty()) return;
            var code = e.getCode();
            if (code == KeyCode.Z && !e.isShiftDown()) model.undoStep();
            else if (code == KeyCode.Z || code == KeyCode.Y) model.redoStep();
            else return;
            e.consume();
        });
    }

    /** The class of the chromosome the anomaly field edits, or null. */
    private ChromosomeClass targetClass() {
        Annotation a = targetId == null ? null : document.annotation(targetId);
        return a == null ? null : a.labels().chromosomeClass();
    }

    public IscnField karyotypeField() {
        return karyotype;
    }

    public IscnField anomaliesField() {
        return anomalies;
    }

    /** The band level for the reading: the image's, else 400. */
    private BandLevel level() {
        BandLevel l = document.image().bandLevel();
        return l != null ? l : BandLevel.B400;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kl-section");
        return l;
    }

    private void changed(DocumentEvent e) {
        if (!karyotype.dirty()) {
            String now = document.imageLabels().karyotype();
            if (!Objects.equals(now == null ? "" : now, karyotype.field().getText())) karyotype.load(now);
        }
        followSelection(false);
    }

    /** The anomaly field follows a single selected annotation; with none or several it is disabled. */
    private void followSelection(boolean force) {
        List<Annotation> selected = document.selectedAnnotations();
        Annotation a = selected.size() == 1 ? selected.getFirst() : null;
        String id = a == null ? null : a.id();
        boolean switched = !Objects.equals(id, targetId);
        targetId = id;
        anomalies.setDisable(a == null);
        if (a == null) {
            target.setText(selected.isEmpty() ? "Select one chromosome to edit its anomalies." : selected.size() + " selected: select one chromosome.");
            if (switched || force) anomalies.load("");
            return;
        }
        var l = a.labels();
        target.setText("Chromosome " + (l.chromosomeClass() == null ? "(no class)" : l.chromosomeClass().label()) + "  \u00b7  "
                + (l.anomalies().isEmpty() ? "no anomalies yet" : l.anomalies().size() + " anomal" + (l.anomalies().size() == 1 ? "y" : "ies")));
        String text = String.join(",", l.anomalies());
        if (switched || force || !anomalies.dirty() && !text.equals(anomalies.field().getText())) anomalies.load(text);
        anomalies.checkLocally(); // the class may have changed
    }

    private void applyKaryotype(String text) {
        ImageLabels now = document.imageLabels();
        String value = text.isBlank() ? null : text;
        if (Objects.equals(value, now.karyotype())) return;
        model.perform(() -> Edits.setImageLabels(document, new ImageLabels(value, now.quality())));
    }

    private void applyAnomalies(String text) {
        if (targetId == null) return;
        List<String> list = IscnCheck.splitAnomalies(text);
        Annotation a = document.annotation(targetId);
        if (a == null || a.labels().anomalies().equals(list)) return;
        String id = targetId;
        if (model.perform(() -> Edits.setAnomalies(document, id, list)) == null) return;
        List<String> mismatches = AnomalyChromosomes.mismatches(text, targetClass());
        if (!mismatches.isEmpty()) model.say("Anomalies saved, but " + mismatches.getFirst());
    }

    @Override
    public void close() {
        document.removeListener(listener);
    }
}
