package org.karyolab.client.ui.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.karyolab.client.command.Command;
import org.karyolab.client.command.Commands;
import org.karyolab.client.command.Edits;
import org.karyolab.client.ui.canvas.ShapePainter;
import org.karyolab.client.ui.canvas.Tool;
import org.karyolab.client.ui.canvas.ToolContext;
import org.karyolab.client.ui.canvas.ToolEvent;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;

/**
 * Key points of one chromosome, in a fixed order: p-ter, centromere, q-ter. The third click makes
 * the annotation; Enter makes it with fewer, Backspace takes a point back, Escape cancels.
 */
public final class KeypointsTool implements Tool {

    private static final List<String> ORDER = List.of(Keypoints.P_TER, Keypoints.CENTROMERE, Keypoints.Q_TER);
    private static final List<String> PROMPTS = List.of("the p-ter (end of the short arm)", "the centromere",
            "the q-ter (end of the long arm)");

    private final ToolContext ctx;
    private final Map<String, Point> placed = new LinkedHashMap<>();

    public KeypointsTool(ToolContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "Key points";
    }

    @Override
    public String shortcut() {
        return "K";
    }

    @Override
    public String help() {
        return "click p-ter, then the centromere, then q-ter; Enter keeps fewer";
    }

    @Override
    public void pressed(ToolEvent e) {
        placed.put(ORDER.get(placed.size()), new Point(BoxTool.round(ctx.clampX(e.x())), BoxTool.round(ctx.clampY(e.y()))));
        if (placed.size() == ORDER.size()) finish();
        else ctx.model().say("Key points: now click " + PROMPTS.get(placed.size()));
        ctx.repaint();
    }

    private void finish() {
        if (placed.isEmpty()) return;
        Keypoints shape = new Keypoints(placed);
        placed.clear();
        Command c = ctx.model().perform(() -> Edits.add(ctx.model().document(), shape, AnnotationLabels.EMPTY));
        if (c instanceof Commands.AddAnnotations add) ctx.model().selectAnnotations(List.of(add.annotations().getFirst().id()));
        ctx.repaint();
    }

    @Override
    public boolean keyPressed(KeyEvent e) {
        if (placed.isEmpty()) return false;
        switch (e.getCode()) {
            case ENTER -> finish();
            case ESCAPE -> cancel();
            case BACK_SPACE -> {
                placed.remove(ORDER.get(placed.size() - 1));
                ctx.repaint();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean busy() {
        return !placed.isEmpty();
    }

    @Override
    public void cancel() {
        placed.clear();
        ctx.repaint();
    }

    @Override
    public void drawOverlay(GraphicsContext g) {
        Viewport v = ctx.viewport();
        g.setFont(ShapePainter.SMALL_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        placed.forEach((name, p) -> {
            double x = v.toScreenX(p.x()), y = v.toScreenY(p.y());
            g.setFill(Color.web("#1b1d23"));
            g.fillOval(x - 7, y - 7, 14, 14);
            g.setFill(Color.WHITE);
            g.fillOval(x - 6, y - 6, 12, 12);
            g.setFill(Color.web("#1b1d23"));
            g.fillText(name.equals(Keypoints.CENTROMERE) ? "c" : name.substring(0, 1), x, y);
        });
    }
}
