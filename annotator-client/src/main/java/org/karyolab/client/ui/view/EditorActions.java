package org.karyolab.client.ui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.ImageCanvas;
import org.karyolab.schema.ChromosomeClass;

/**
 * What the editor's own keys and buttons do: a class or polarity for the selection, the suggestions (accept,
 * reject, all above the threshold, the next one), delete, send and submit. Each edit is one undo step through
 * the model. JavaFX thread.
 */
final class EditorActions {

    private final EditorModel model;
    private final ImageDocument document;
    private final ImageCanvas canvas;
    private final Autosave autosave;

    EditorActions(EditorModel model, ImageCanvas canvas, Autosave autosave) {
        this.model = model;
        this.document = model.document();
        this.canvas = canvas;
        this.autosave = autosave;
    }

    /** A class for the selection; with a suggestion selected instead, accepts it with that class (one undo step). */
    void setClass(ChromosomeClass c) {
        List<String> ids = List.copyOf(document.selection());
        if (!ids.isEmpty()) {
            model.perform(() -> Edits.setClass(document, ids, c));
            return;
        }
        ModelSuggestion s = model.selectedSuggestionValue();
        if (s != null) {
            model.undo().beginCompound("Accept as " + c.label());
            Command accepted;
            try {
                accepted = model.perform(() -> Edits.acceptSuggestion(document, s.id()));
                if (accepted instanceof Commands.AcceptSuggestion a) {
                    model.perform(() -> Edits.setClass(document, List.of(a.annotation().id()), c));
                }
            } finally {
                model.undo().endCompound();
            }
            if (accepted instanceof Commands.AcceptSuggestion a) {
                model.selectAnnotations(List.of(a.annotation().id()));
                model.say("Accepted as class " + c.label());
            }
            return;
        }
        model.say("Select a chromosome first, then type its class");
    }

    void flipPolarity() {
        List<String> ids = List.copyOf(document.selection());
        if (ids.isEmpty()) model.say("Select a chromosome first, then press P");
        else model.perform(() -> Edits.flipPolarity(document, ids));
    }

    void acceptSelectedSuggestion() {
        ModelSuggestion s = model.selectedSuggestionValue();
        if (s == null) return;
        Command c = model.perform(() -> Edits.acceptSuggestion(document, s.id()));
        if (c instanceof Commands.AcceptSuggestion a) model.selectAnnotations(List.of(a.annotation().id()));
    }

    /** Delete / Backspace: rejects the selected suggestion, else deletes the selected annotations. */
    void rejectOrDelete() {
        ModelSuggestion s = model.selectedSuggestionValue();
        if (s != null) {
            if (model.perform(() -> Edits.rejectSuggestion(document, s.id())) != null) model.selectSuggestion(null);
            return;
        }
        List<String> ids = List.copyOf(document.selection());
        if (!ids.isEmpty()) model.perform(() -> Edits.delete(document, ids));
    }

    void acceptAllAbove() {
        double t = model.thresholdProperty().get();
        if (document.openSuggestions().stream().noneMatch(s -> s.confidence() >= t)) {
            model.say("No open suggestion at or above " + Math.round(t * 100) + "%");
            return;
        }
        model.perform(() -> Edits.acceptAbove(document, t));
    }

    void nextSuggestion() {
        ModelSuggestion current = model.selectedSuggestionValue();
        List<ModelSuggestion> open = new ArrayList<>(document.openSuggestions());
        if (open.isEmpty()) {
            model.say("No open suggestions left");
            return;
        }
        open.sort(Comparator.comparingDouble(ModelSuggestion::confidence).reversed().thenComparing(ModelSuggestion::id));
        int i = current == null ? -1 : open.indexOf(current);
        ModelSuggestion next = open.get((i + 1) % open.size());
        model.selectSuggestion(next.id());
        var b = next.shape().bounds();
        canvas.viewport().centerOn(b.centerX(), b.centerY());
        canvas.repaint();
    }

    /** Ctrl+S: sends what autosave holds now, and says how it went. */
    void send() {
        model.say("Sending\u2026");
        Fx.async(autosave::flushNow, s -> model.say(s.unsentChanges() == 0 ? "Everything is on the server" : EditorView.describe(s)),
                err -> model.say(Errors.message(err)));
    }

    void submit() {
        model.say("Submitting\u2026");
        Fx.async(() -> {
            autosave.flushNow();
            if (autosave.hasUnsentEdits()) throw new IllegalStateException("some edits are not on the server yet; try again when it answers");
            var r = autosave.client().submit(document.imageId());
            autosave.adopt(r.changed()); // the server's statuses and revisions, or the next edit is a false conflict
            return r;
        }, r -> model.say("Submitted for review: " + r.changed().size() + " annotation" + (r.changed().size() == 1 ? "" : "s")),
                err -> model.say("Not submitted: " + Errors.message(err)));
    }
}
