package org.karyolab.client.ui.tool;

import java.util.List;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.ui.EditorModel;
import org.karyolab.schema.Annotation;

/**
 * Merge (M): the two selected shapes become one (outlines joined, masks OR-ed) with the labels of
 * the first selected; one undo step. For two pieces of one chromosome that a detector cut apart.
 */
public final class MergeAction {

    public static final String KEY = "M";

    private MergeAction() {
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
