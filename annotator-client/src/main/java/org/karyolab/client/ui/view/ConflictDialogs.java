package org.karyolab.client.ui.view;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.sync.Conflict;
import org.karyolab.client.sync.LabelsConflict;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;
import org.karyolab.schema.ImageLabels;

/** The questions the editor asks when someone else saved the same thing meanwhile: keep mine, keep theirs, or merge. */
final class ConflictDialogs {

    private ConflictDialogs() {
    }

    /** The image's karyotype or quality flags were saved by someone else meanwhile: mine, theirs or merged. */
    static void settleLabels(Scene owner, Autosave autosave, EditorModel model, LabelsConflict c) {
        var alert = Fx.themed(new Alert(Alert.AlertType.CONFIRMATION));
        alert.setTitle("Someone else changed this image's labels");
        alert.setHeaderText((c.theirAuthor() == null ? "Someone" : c.theirAuthor()) + " saved the image's karyotype or quality flags meanwhile.");
        alert.setContentText("Mine:    " + describe(c.mine()) + "\nTheirs:  " + describe(c.theirs())
                + "\nMerged:  " + describe(c.merge()));
        ButtonType mine = new ButtonType("Keep mine"), theirs = new ButtonType("Keep theirs"),
                merge = new ButtonType("Merge", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(merge, mine, theirs);
        if (owner != null) alert.initOwner(owner.getWindow());
        alert.showAndWait().ifPresent(choice -> {
            try {
                autosave.resolveLabels(choice == mine ? c.mine() : choice == theirs ? c.theirs() : c.merge());
            } catch (RuntimeException e) {
                model.say(Errors.message(e));
            }
        });
    }

    private static String describe(ImageLabels labels) {
        String karyotype = labels.karyotype() == null ? "(no karyotype)" : labels.karyotype();
        return labels.quality().isEmpty() ? karyotype : karyotype + "  [" + labels.quality().stream()
                .map(q -> q.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "]";
    }

    /** An annotation edited here was changed on the server meanwhile. */
    static void settle(Scene owner, Autosave autosave, EditorModel model, Conflict c) {
        var alert = Fx.themed(new Alert(Alert.AlertType.CONFIRMATION));
        alert.setTitle("Someone else changed this annotation");
        alert.setHeaderText("An annotation you edited was changed on the server meanwhile.");
        alert.setContentText(c.deletedByThem() ? "They deleted it." : c.deletedByMe() ? "You deleted it; they changed it."
                : "Keep your version, theirs, or merge (your changes win where both changed).");
        ButtonType mine = new ButtonType("Keep mine"), theirs = new ButtonType("Keep theirs"),
                merge = new ButtonType("Merge", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(merge, mine, theirs);
        if (owner != null) alert.initOwner(owner.getWindow());
        alert.showAndWait().ifPresent(choice -> {
            Conflict.Resolution r = choice == mine ? new Conflict.Resolution.KeepMine()
                    : choice == theirs ? new Conflict.Resolution.KeepTheirs()
                    : c.mine() != null && c.theirs() != null ? new Conflict.Resolution.Merged(c.merge()) : new Conflict.Resolution.KeepMine();
            try {
                autosave.resolve(c, r);
            } catch (RuntimeException e) {
                model.say(Errors.message(e));
            }
        });
    }
}
