package org.karyolab.client.ui.anomaly;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.anomaly.KaryotypeApi.Issue;
import org.karyolab.schema.BandLevel;

/**
 * An ISCN text field with live validation: {@value #DEBOUNCE_MS} ms after the last keystroke the text
 * goes to the server ({@link IscnCheck}); an error is shown placed, the text with the offending
 * column underlined and a caret under it, then the message; a suggested fix is one click. When the
 * text parses, its band-level reading (gains, losses, fusions by band) is listed below. Enter or
 * Apply hands a text that parses (or an empty one) to {@code onApply}. Esc drops what was typed since (and only
 * then: with nothing typed the key is the window's, which closes).
 *
 * <p>Node ids (for tests), with {@code <name>} given at construction: {@code iscn-<name>} (the field),
 * {@code iscn-<name>-status}, {@code iscn-<name>-warning} (the local warnings), {@code iscn-<name>-error} (column and
 * message), {@code iscn-<name>-pointer}
 * (underlined text and caret), {@code iscn-<name>-fix}, {@code iscn-<name>-reading}, {@code iscn-<name>-apply}.
 */
public final class IscnField extends VBox {

    public static final int DEBOUNCE_MS = 300;

    private final String name;
    private final IscnCheck.Kind kind;
    private final Supplier<KaryotypeApi> api;
    private final Supplier<BandLevel> level;
    private final TextField field = new TextField();
    private final Label status = new Label();
    private final Label error = new Label();
    private final Label warning = new Label();
    private final TextFlow pointer = new TextFlow();
    private final Button fix = new Button();
    private final VBox reading = new VBox(1);
    private final Button apply = new Button("Apply");
    private final PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MS));
    private Consumer<String> onApply = t -> { };
    private Function<String, List<String>> localWarnings = t -> List.of();
    private IscnCheck.Outcome outcome;
    private long generation;
    private String loaded = "";
    private boolean loading;

    public IscnField(String name, IscnCheck.Kind kind, String prompt, Supplier<KaryotypeApi> api, Supplier<BandLevel> level) {
        this.name = name;
        this.kind = kind;
        this.api = Objects.requireNonNull(api);
        this.level = Objects.requireNonNull(level);
        getStyleClass().add("kl-iscn");
        setSpacing(4);
        field.setId("iscn-" + name);
        field.setPromptText(prompt);
        field.getStyleClass().add("kl-iscn-field");
        status.setId("iscn-" + name + "-status");
        status.getStyleClass().add("kl-iscn-status");
        error.setId("iscn-" + name + "-error");
        error.getStyleClass().add("kl-iscn-error");
        error.setWrapText(true);
        warning.setId("iscn-" + name + "-warning");
        warning.getStyleClass().add("kl-iscn-warning");
        warning.setWrapText(true);
        warning.managedProperty().bind(warning.visibleProperty());
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        pointer.setId("iscn-" + name + "-pointer");
        pointer.getStyleClass().add("kl-iscn-pointer");
        fix.setId("iscn-" + name + "-fix");
        fix.getStyleClass().add("kl-iscn-fix");
        fix.setFocusTraversable(false);
        reading.setId("iscn-" + name + "-reading");
        reading.getStyleClass().add("kl-iscn-reading");
        apply.setId("iscn-" + name + "-apply");
        apply.setFocusTraversable(false);
        apply.setOnAction(e -> applyNow());

        var row = new HBox(6, field, apply);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().addAll(row, status, warning, pointer, error, fix, reading);
        show(null);

        debounce.setOnFinished(e -> validateNow());
        field.textProperty().addListener((o, a, b) -> {
            checkLocally();
            if (loading) return;
            status.setText("checking\u2026");
            status.getStyleClass().setAll("label", "kl-iscn-status", "kl-iscn-busy");
            debounce.playFromStart();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                applyNow();
                e.consume();
            }
        });
        // Esc restores the text, if there is typing to drop; else it is left to the window (which closes). A filter:
        // the text field's own Esc handling would hand the key on before a handler could keep it.
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && dirty()) {
                load(loaded);
                e.consume();
            }
        });
        fix.setOnAction(e -> {
            Issue first = outcome == null ? null : outcome.firstError();
            if (first != null && first.fix() != null) {
                field.setText(first.fix());
                field.positionCaret(first.fix().length());
                debounce.stop();
                validateNow();
            }
        });
    }

    public TextField field() {
        return field;
    }

    public void setOnApply(Consumer<String> onApply) {
        this.onApply = Objects.requireNonNull(onApply);
    }

    /**
     * Warnings found on this computer as the text changes, beside the server's check (the anomaly editor: an anomaly
     * naming chromosomes the annotation is not); shown above the server's verdict.
     */
    public void setLocalWarnings(Function<String, List<String>> localWarnings) {
        this.localWarnings = Objects.requireNonNull(localWarnings);
        checkLocally();
    }

    /** Runs the local warnings again (what they depend on changed, e.g. the annotation's class). */
    public void checkLocally() {
        warning.setText(localWarnings.apply(field.getText()).stream().map(w -> "\u26a0 " + w).collect(Collectors.joining("\n")));
    }

    /** The local warnings shown now, one per line, or "". */
    public String warningText() {
        return warning.getText();
    }

    /** The latest outcome shown (null before the first check). */
    public IscnCheck.Outcome outcome() {
        return outcome;
    }

    /** True when the text differs from what was last loaded from the document. */
    public boolean dirty() {
        return !field.getText().equals(loaded);
    }

    /** Shows a stored value (not an edit): validated at once, not debounced. */
    public void load(String text) {
        loaded = text == null ? "" : text;
        loading = true;
        try {
            field.setText(loaded);
        } finally {
            loading = false;
        }
        debounce.stop();
        validateNow();
    }

    /** Checks the current text now, in the background; a newer check makes an older answer moot. */
    public void validateNow() {
        String text = field.getText();
        long mine = ++generation;
        if (text.isBlank()) {
            show(new IscnCheck.Outcome(text, true, List.of(), List.of(), "", List.of(), null));
            return;
        }
        status.setText("checking\u2026");
        KaryotypeApi client = api.get();
        BandLevel at = level.get();
        Fx.async(() -> IscnCheck.run(client, kind, text, at), o -> {
            if (mine == generation) show(o);
        }, err -> {
            if (mine != generation) return;
            outcome = null;
            status.setText("Not checked: " + Errors.message(err));
            status.getStyleClass().setAll("label", "kl-iscn-status", "kl-iscn-bad");
        });
    }

    private void applyNow() {
        String text = field.getText().strip();
        if (!text.isEmpty() && (outcome == null || !outcome.text().equals(field.getText()) || !outcome.parsed())) {
            status.setText(outcome != null && !outcome.parsed() ? "Not applied: fix the error first" : "Not applied: still checking");
            status.getStyleClass().setAll("label", "kl-iscn-status", "kl-iscn-bad");
            return;
        }
        loaded = field.getText();
        onApply.accept(text);
    }

    private void show(IscnCheck.Outcome o) {
        outcome = o;
        pointer.getChildren().clear();
        reading.getChildren().clear();
        error.setText("");
        fix.setVisible(false);
        fix.setManaged(false);
        pointer.setVisible(false);
        pointer.setManaged(false);
        error.setVisible(false);
        error.setManaged(false);
        if (o == null) {
            status.setText("");
            return;
        }
        if (o.text().isBlank()) {
            status.setText(kind == IscnCheck.Kind.KARYOTYPE ? "No karyotype" : "No anomalies");
            status.getStyleClass().setAll("label", "kl-iscn-status");
            return;
        }
        Issue first = o.firstError();
        if (first != null) {
            status.setText(o.parsed() ? "\u26a0 Parses, but " + o.errors().size() + " finding" + (o.errors().size() == 1 ? "" : "s")
                    : "\u2716 Not valid ISCN");
            status.getStyleClass().setAll("label", "kl-iscn-status", "kl-iscn-bad");
            error.setText((first.column() >= 0 ? "column " + first.column() + ": " : "") + first.message()
                    + (o.errors().size() > 1 ? "  (+" + (o.errors().size() - 1) + " more)" : ""));
            error.setVisible(true);
            error.setManaged(true);
            if (first.column() >= 0 && first.text() != null) {
                placePointer(first.text(), first.column());
            }
            if (first.fix() != null) {
                fix.setText("Fix \u2192 " + first.fix());
                fix.setTooltip(new Tooltip("Replace the text with " + first.fix()));
                fix.setVisible(true);
                fix.setManaged(true);
            }
        } else {
            status.setText("\u2714 Valid" + (o.canonical() != null && !o.canonical().equals(o.text().strip()) ? "  \u00b7  canonical: " + o.canonical() : ""));
            status.getStyleClass().setAll("label", "kl-iscn-status", "kl-iscn-ok");
        }
        if (o.readingError() != null) {
            reading.getChildren().add(readingLine("No band-level reading: " + o.readingError()));
        }
        for (String line : o.reading()) reading.getChildren().add(readingLine(line));
    }

    private static Label readingLine(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kl-iscn-reading-line");
        l.setWrapText(true);
        return l;
    }

    /** The text with the character at {@code column} underlined (a marked blank past the end), and a caret line below. */
    private void placePointer(String text, int column) {
        int c = Math.min(column, text.length());
        Text before = new Text(text.substring(0, c));
        Text at = new Text(c < text.length() ? text.substring(c, c + 1) : "\u2423");
        Text after = new Text(c < text.length() ? text.substring(c + 1) : "");
        Text caret = new Text("\n" + " ".repeat(c) + "^");
        before.getStyleClass().add("kl-iscn-mono");
        after.getStyleClass().add("kl-iscn-mono");
        at.getStyleClass().addAll("kl-iscn-mono", "kl-iscn-offending");
        at.setUnderline(true);
        caret.getStyleClass().addAll("kl-iscn-mono", "kl-iscn-caret");
        pointer.getChildren().setAll(before, at, after, caret);
        pointer.setVisible(true);
        pointer.setManaged(true);
    }

    public String name() {
        return name;
    }
}
