package org.karyolab.client.ui.view;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.karyolab.client.net.ImageAccess;
import org.karyolab.client.ui.Fx;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.review.ReviewMode;
import org.karyolab.client.ui.tool.SelectTool;

/**
 * What the user's role in the image's project does not allow, greyed out with the reason: asked once when the
 * editor opens ({@code GET /images/{id}/access}). Without {@code annotate} (a reviewer, a viewer) every edit is
 * refused in the editor with the reason ({@link org.karyolab.client.ui.EditorModel#readOnlyProperty}), the drawing
 * tools, Merge and Submit are disabled; without {@code review} the review toggle is. The server decides all the
 * same; an edit it refuses before this answer is here is rolled back by autosave.
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
            if (editor.getTop() instanceof HBox bar) {
                for (var node : bar.getChildren()) {
                    boolean drawing = node.getUserData() instanceof Tool t && !(t instanceof SelectTool);
                    if (node instanceof ButtonBase b && (drawing || "submit".equals(b.getId()) || "merge".equals(b.getId()))) {
                        b.setDisable(true);
                        b.setTooltip(new Tooltip(why));
                    }
                }
            }
            if (!(editor.canvas().tool() instanceof SelectTool) && !ReviewMode.of(editor).active()) editor.selectTool(editor.tools().getFirst());
            editor.model().say(why);
        }
        if (!access.allows("review")) {
            var toggle = ReviewMode.of(editor).toggle();
            toggle.setDisable(true);
            toggle.setTooltip(new Tooltip("Your role in this project is " + access.role() + ": accepting and rejecting are the reviewers'"));
        }
    }
}
