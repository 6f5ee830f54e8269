package org.karyolab.client.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.InvalidEditException;
import org.karyolab.client.command.UndoManager;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.SuggestionState;
import org.karyolab.client.ui.canvas.Adjustments;

/**
 * What the editor's parts share, on the JavaFX thread: the document and its undo history (the
 * core), and the view state the core does not hold: the selected suggestion (the document selects
 * annotations only), the layer toggles, the acceptance threshold, the display adjustments and the
 * line of feedback in the status bar. Every edit goes through {@link #perform}.
 */
public final class EditorModel {

    private final ImageDocument document;
    private final UndoManager undo;
    private final ObjectProperty<String> selectedSuggestion = new SimpleObjectProperty<>(this, "selectedSuggestion");
    private final BooleanProperty showAnnotations = new SimpleBooleanProperty(this, "showAnnotations", true);
    private final BooleanProperty showSuggestions = new SimpleBooleanProperty(this, "showSuggestions", true);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.8);
    private final ObjectProperty<Adjustments> adjustments = new SimpleObjectProperty<>(this, "adjustments", Adjustments.NONE);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty typedClass = new SimpleStringProperty(this, "typedClass", "");
    /** Why edits are refused right now (the annotations are still loading), or null when editing is possible. */
    private final StringProperty editingBlocked = new SimpleStringProperty(this, "editingBlocked", null);
    /** Why this user may not edit this image at all (their role in its project), or null: edits are refused, viewing is not. */
    private final StringProperty readOnly = new SimpleStringProperty(this, "readOnly", null);

    public EditorModel(ImageDocument document, UndoManager undo) {
        this.document = Objects.requireNonNull(document);
        this.undo = Objects.requireNonNull(undo);
    }

    public ImageDocument document() {
        return document;
    }

    public UndoManager undo() {
        return undo;
    }

    /**
     * Runs an edit built by {@code org.karyolab.client.command.Edits}. An edit the server would refuse
     * (a shape leaving the image, ...) is not applied: the reason goes to the status line instead.
     * Returns the command, or null if it was not applied.
     */
    public Command perform(Supplier<Command> edit) {
        if (!editable()) {
            say(editingBlocked.get());
            return null;
        }
        if (readOnly.get() != null) {
            say(readOnly.get());
            return null;
        }
        try {
            Command c = edit.get();
            undo.perform(c);
            say(c.name());
            return c;
        } catch (InvalidEditException e) {
            say("Not applied: " + (e.violations().isEmpty() ? e.getMessage() : e.violations().getFirst().message()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            say("Not applied: " + e.getMessage());
        }
        return null;
    }

    public boolean undoStep() {
        if (!editable()) {
            say(editingBlocked.get());
            return false;
        }
        String name = undo.undoName();
        boolean done = undo.undo();
        say(done ? "Undone: " + name : "Nothing to undo");
        return done;
    }

    public boolean redoStep() {
        if (!editable()) {
            say(editingBlocked.get());
            return false;
        }
        String name = undo.redoName();
        boolean done = undo.redo();
        say(done ? "Redone: " + name : "Nothing to redo");
        return done;
    }

    /** The selected open suggestion, or null (decided ones are deselected). */
    public ModelSuggestion selectedSuggestionValue() {
        String id = selectedSuggestion.get();
        if (id == null) return null;
        ModelSuggestion s = document.suggestion(id);
        return s == null || s.state() != SuggestionState.OPEN ? null : s;
    }

    public ObjectProperty<String> selectedSuggestionProperty() {
        return selectedSuggestion;
    }

    public void selectSuggestion(String id) {
        selectedSuggestion.set(id);
        if (id != null) document.clearSelection();
    }

    public void selectAnnotations(List<String> ids) {
        document.select(ids);
        if (!ids.isEmpty()) selectedSuggestion.set(null);
    }

    public BooleanProperty showAnnotationsProperty() {
        return showAnnotations;
    }

    public BooleanProperty showSuggestionsProperty() {
        return showSuggestions;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<Adjustments> adjustmentsProperty() {
        return adjustments;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty typedClassProperty() {
        return typedClass;
    }

    /** Edits are possible (false while the image's annotations load: {@link #perform} and undo/redo refuse, saying why). */
    public boolean editable() {
        return editingBlocked.get() == null;
    }

    /** Set to a reason to refuse edits (shown when one is tried), null to allow them again. */
    public StringProperty editingBlockedProperty() {
        return editingBlocked;
    }

    /** Set once the user's role is known: why they may not edit here (see {@link #perform}), or null. */
    public StringProperty readOnlyProperty() {
        return readOnly;
    }

    public void say(String text) {
        message.set(text == null ? "" : text);
    }
}
