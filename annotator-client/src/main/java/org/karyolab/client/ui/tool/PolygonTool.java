package org.karyolab.client.ui.tool;

import java.util.List;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Shape;

/**
 * Instance outline (segmentation): click around the chromosome, then click the first point, Enter or
 * double-click closes it; or press and drag to trace it freehand (release closes, thinned to about a
 * screen pixel).
 */
public final class PolygonTool extends PathTool {

    public PolygonTool(ToolContext ctx) {
        super(ctx);
    }

    @Override
    public String name() {
        return "Polygon";
    }

    @Override
    public String shortcut() {
        return "G";
    }

    @Override
    public String help() {
        return "click around the outline, or press and drag to trace it freehand (release closes); click the first point, Enter or double-click closes; Backspace removes the last point";
    }

    @Override
    boolean freehand() {
        return true;
    }

    @Override
    int minPoints() {
        return 3;
    }

    @Override
    boolean closed() {
        return true;
    }

    @Override
    Shape shape(List<Point> points) {
        return new Polygon(points);
    }
}
