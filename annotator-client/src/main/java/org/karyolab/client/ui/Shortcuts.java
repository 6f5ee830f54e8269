package org.karyolab.client.ui;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.pickers.LabelPickers;
import org.karyolab.client.ui.review.ReviewKeys;
import org.karyolab.client.ui.view.ImageNavigator;

/** Every key the editor knows, for the F1 sheet (one list, so the sheet cannot drift from the handler). */
public final class Shortcuts {

    public record Entry(String keys, String what) {}

    private Shortcuts() {
    }

    public static List<Entry> all(List<Tool> tools) {
        var out = new ArrayList<Entry>();
        for (Tool t : tools) out.add(new Entry(t.shortcut(), t.name() + " tool: " + t.help()));
        out.addAll(List.of(
                new Entry("1 \u2026 22, X, Y", "class of the selection: 2 1 gives 21; 1 or 2 alone commit on Enter (or after a moment)"),
                new Entry("P", "flip polarity (p arm up / down) of the selection")));
        out.addAll(LabelPickers.KEYS); // cluster type and status (Alt keys)
        out.addAll(List.of(
                new Entry("R / Shift+R", "turn the selection 5\u00b0 clockwise / anticlockwise (a box becomes a rotated box)"),
                new Entry("M", "merge the two selected shapes into one"),
                new Entry("[ / ]", "brush and eraser: smaller / larger"),
                new Entry("Shift+K", "open the karyogram (drag a chromosome onto another class to reassign it)"),
                new Entry("Shift+B", "band editor: the selected chromosome straightened along its axis beside its reference ideogram"),
                new Entry("T", "anomaly editor: ISCN anomalies of the selected chromosome and the image's karyotype, checked as you type"),
                new Entry("Enter", "finish the shape being drawn; commit typed digits; accept the selected suggestion"),
                new Entry("Delete / Backspace", "reject the selected suggestion, or delete the selected annotations"),
                new Entry("A", "accept every open suggestion at or above the threshold"),
                new Entry("N", "select the next open suggestion (most confident first) and centre it")));
        out.addAll(ReviewKeys.ENTRIES); // accept / reject / next in review mode
        out.addAll(List.of(
                new Entry("Ctrl+Z", "undo (in a text field: its typing; in an ISCN field with nothing typed, the image's last edit)"),
                new Entry("Ctrl+Shift+Z / Ctrl+Y", "redo"),
                new Entry("Esc", "cancel the shape being drawn or typed digits, else clear the selection; "
                        + "in a side window (bands, ISCN, karyogram): close it"),
                new Entry("Wheel", "zoom about the pointer"),
                new Entry("Middle drag / Space + drag", "pan"),
                new Entry("Drag (Polygon tool)", "trace the outline freehand; release closes it (thinned to about a screen pixel)"),
                new Entry("Drag a vertex (Select)", "move one point of the selected polygon or medial axis"),
                new Entry("Alt+click a vertex (Select)", "delete that point (a polygon keeps 3, a medial axis 2)"),
                new Entry("Double-click an edge (Select)", "insert a point there on the selected polygon or medial axis"),
                new Entry("F / + / \u2212", "fit the image / zoom in / zoom out"),
                new Entry("H / S", "show or hide annotations / suggestions"),
                new Entry("I", "invert the image display"),
                new Entry("Ctrl+S", "send unsent edits now (autosave does it by itself)")));
        out.addAll(ImageNavigator.KEYS); // next / previous image
        out.addAll(List.of(
                new Entry("F1", "this sheet")));
        return out;
    }
}
