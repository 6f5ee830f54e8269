package org.karyolab.client.ui.view;

import javafx.scene.control.Tooltip;
import org.karyolab.schema.api.ImageAccess;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.editor.EditorHost.Needs;

/**
 * What the user's role in the image's project does not allow, greyed out with the reason: asked once when the
 * editor opens ({@code GET /images/{id}/access}). Without {@code annotate} (a reviewer, a viewer) every edit is
 * refused in the editor with the reason ({@link org.karyolab.client.ui.EditorModel#readOnlyProperty}), and the
 * toolbar items that need it (the drawing tools, Merge, Submit) are off; without {@code review} those that need
 * review are (the review toggle). The server decides all the same; an edit it refuses before this answer is here
 * is rolled back by autosave.
 */
final class RoleLimits {

    private RoleLimits() {
    }

    static void install(EditorView editor) {
        var client = editor.autosave().client();
        String imageId = editor.autosave().document().imageId();
        Fx.async(() -> client.access(imageId), access -> apply(editor, access), err -> {
            // not known: the server still refuses what the role may not do, and autosave rolls that back
        });
    }

    static void apply(EditorView editor, ImageAccess access) {
        if (!access.allows("annotate")) {
            String why = "Your role in this project is " + access.role() + ": "
                    + (access.allows("review") ? "you accept or reject in review mode; drawing, re-classing and deleting are the annotators'"
                    : "you can look, not draw, re-class or delete");
            editor.model().readOnlyProperty().set(why);
            turnOff(editor, Needs.ANNOTATE, why);
            Tool t = editor.canvas().tool();
            if (t == null || t.draws()) editor.selectTool(editor.tools().getFirst()); // not the review tool, nor Select
            editor.model().say(why);
        }
        if (!access.allows("review")) {
            turnOff(editor, Needs.REVIEW, "Your role in this project is " + access.role() + ": accepting and rejecting are the reviewers'");
        }
    }

    private static void turnOff(EditorView editor, Needs needs, String why) {
        for (var item : editor.toolbarItems(needs)) {
            item.setDisable(true);
            item.setTooltip(new Tooltip(why));
        }
    }
}
