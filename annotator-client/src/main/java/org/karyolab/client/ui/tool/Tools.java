package org.karyolab.client.ui.tool;

import static org.karyolab.client.ui.keys.KeyAction.anyShift;
import static org.karyolab.client.ui.keys.KeyAction.key;
import static org.karyolab.client.ui.keys.KeyAction.taken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.keys.KeyAction;
import org.karyolab.client.ui.keys.Section;

/**
 * The editor's tools, in toolbar order, and the keys that go with them: one registry, so the toolbar, the keys,
 * the F1 sheet and the warm-up are built from the same list.
 */
public final class Tools {

    private static final List<Function<ToolContext, Tool>> ALL = List.of(SelectTool::new, BoxTool::new, PolygonTool::new,
            KeypointsTool::new, PolylineTool::new, RotatedBoxTool::new, SplitTool::new, ctx -> new BrushTool(ctx, false),
            ctx -> new BrushTool(ctx, true));

    private Tools() {
    }

    /** One of each tool, working on {@code ctx} (the editor's canvas); the first is Select. */
    public static List<Tool> create(ToolContext ctx) {
        return ALL.stream().map(f -> f.apply(ctx)).toList();
    }

    /** The action id of the key that picks {@code t}. */
    public static String pickId(Tool t) {
        return "tool." + t.name().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * The tools' keys: each tool's letter picks it (through {@code select}; Shift+letter is left to other actions), and,
     * whatever the tool, R / Shift+R turns the selection, M merges two shapes, and [ / ] size the brush or eraser
     * while it is the {@code active} tool.
     */
    public static List<KeyAction> keys(ToolContext ctx, List<Tool> tools, Supplier<Tool> active, Consumer<Tool> select) {
        var out = new ArrayList<KeyAction>();
        for (Tool t : tools) {
            out.add(KeyAction.of(pickId(t), Section.TOOLS, t.shortcut(), t.name() + " tool: " + t.help(),
                    taken(() -> select.accept(t)), key(KeyCode.getKeyCode(t.shortcut()))));
        }
        out.add(KeyAction.of("shape.rotate", Section.SHAPES, "R / Shift+R",
                "turn the selection 5\u00b0 clockwise / anticlockwise (a box becomes a rotated box)",
                e -> {
                    RotatedBoxTool.rotateSelection(ctx, e.isShiftDown() ? -RotatedBoxTool.STEP : RotatedBoxTool.STEP);
                    return true;
                }, anyShift(KeyCode.R)));
        out.add(KeyAction.of(MergeAction.ID, Section.SHAPES, MergeAction.KEY, "merge the two selected shapes into one",
                taken(() -> MergeAction.run(ctx.model())), anyShift(KeyCode.M)));
        out.add(KeyAction.of("brush.size", Section.SHAPES, "[ / ]", "brush and eraser: smaller / larger",
                e -> active.get() instanceof BrushTool b && b.resize(e),
                anyShift(KeyCode.OPEN_BRACKET), anyShift(KeyCode.CLOSE_BRACKET)).in(KeyAction.Phase.TOOL));
        return out;
    }
}
