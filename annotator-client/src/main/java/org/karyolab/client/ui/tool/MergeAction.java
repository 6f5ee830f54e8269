package org.karyolab.client.ui.tool;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.client.ui.editor.EditorExtension;
import org.karyolab.client.ui.editor.EditorHost;
import org.karyolab.schema.Annotation;

/**
 * Merge (M): the two selected shapes become one (outlines joined, masks OR-ed) with the labels of
 * the first selected; one undo step. For two pieces of one chromosome that a detector cut apart.
 * Its key is among the tools' ({@link Tools#keys}); as an extension it adds the toolbar button.
 */
public final class MergeAction implements EditorExtension {

    public static final String KEY = "M";
    /** Its key action ({@link Tools#keys}). */
    public static final String ID = "shape.merge";

    /** The "Merge" toolbar button (off for a role that may not annotate). */
    @Override
    public void install(EditorHost editor) {
        Button merge = new Button("Merge  " + KEY);
        merge.setId("merge");
        merge.setFocusTraversable(false);
        merge.setTooltip(new Tooltip("Merge the two selected shapes into one (" + KEY + ")"));
        merge.setOnAction(e -> run(editor.model()));
        editor.addToToolbar(merge, 2, EditorHost.Needs.ANNOTATE);
    }

    /** Merges the selection if it is exactly two annotations; says why not otherwise. True if merged. */
    public static boolean run(EditorModel model) {
        List<String> ids = List.copyOf(model.document().selection());
        if (ids.size() != 2) {
            model.say("Merge: select exactly two shapes (Shift+click adds), then press M");
            return false;
        }
        Command c = model.perform(() -> Edits.merge(model.document(), ids.get(0), ids.get(1)));
        if (c instanceof Commands.Compound compound) {
            for (Command part : compound.parts()) {
                if (part instanceof Commands.AddAnnotations add) model.selectAnnotations(add.annotations().stream().map(Annotation::id).toList());
            }
            model.say("Merged into one shape");
            return true;
        }
        return false;
    }
}
