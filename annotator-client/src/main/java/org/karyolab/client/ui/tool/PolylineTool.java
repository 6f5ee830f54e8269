package org.karyolab.client.ui.tool;

import java.util.List;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.Shape;

/** Medial axis (for straightening and band placement): click from p-ter along the chromosome to q-ter; Enter finishes. */
public final class PolylineTool extends PathTool {

    public PolylineTool(ToolContext ctx) {
        super(ctx);
    }

    @Override
    public String name() {
        return "Medial axis";
    }

    @Override
    public String shortcut() {
        return "L";
    }

    @Override
    public String help() {
        return "click along the chromosome from p-ter to q-ter; Enter or double-click finishes";
    }

    @Override
    int minPoints() {
        return 2;
    }

    @Override
    boolean closed() {
        return false;
    }

    @Override
    Shape shape(List<Point> points) {
        return new Polyline(points);
    }
}
