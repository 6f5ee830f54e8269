package org.karyolab.client.ui.canvas;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The canvas's mouse: the middle button (or Space and the primary button) pans, the wheel zooms about the pointer,
 * the primary button goes to the active {@link Tool}; and the pointer's position in image pixels.
 */
final class CanvasInput {

    private final ImageCanvas canvas;
    private final ReadOnlyStringWrapper pointer = new ReadOnlyStringWrapper(this, "pointer", "");
    private boolean spaceDown;
    private boolean panning;
    /** The primary button went down on the tool (drags go to it even where the event lacks the button state, as in headless runs). */
    private boolean toolPressed;
    private double lastX;
    private double lastY;

    CanvasInput(ImageCanvas canvas) {
        this.canvas = canvas;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    ReadOnlyStringProperty pointerProperty() {
        return pointer.getReadOnlyProperty();
    }

    void setSpaceDown(boolean down) {
        spaceDown = down;
        canvas.setCursor(down ? Cursor.OPEN_HAND : toolCursor());
    }

    private Cursor toolCursor() {
        return canvas.tool() == null ? Cursor.DEFAULT : canvas.tool().cursor();
    }

    private boolean panGesture(MouseEvent e) {
        return e.getButton() == MouseButton.MIDDLE || (spaceDown && e.getButton() == MouseButton.PRIMARY);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        if (panGesture(e)) {
            panning = true;
            canvas.setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY && canvas.tool() != null) {
            toolPressed = true;
            canvas.tool().pressed(ToolEvent.of(e, canvas.viewport()));
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            canvas.viewport().panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
            canvas.repaint();
        } else if ((e.isPrimaryButtonDown() || toolPressed) && canvas.tool() != null) {
            canvas.tool().dragged(ToolEvent.of(e, canvas.viewport()));
        }
        updatePointer(e);
        e.consume();
    }

    private void released(MouseEvent e) {
        if (panning) {
            panning = false;
            canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : toolCursor());
        } else if (e.getButton() == MouseButton.PRIMARY && canvas.tool() != null) {
            toolPressed = false;
            canvas.tool().released(ToolEvent.of(e, canvas.viewport()));
        }
        e.consume();
    }

    private void moved(MouseEvent e) {
        if (canvas.tool() != null) canvas.tool().moved(ToolEvent.of(e, canvas.viewport()));
        updatePointer(e);
    }

    private void updatePointer(MouseEvent e) {
        Viewport v = canvas.viewport();
        double x = v.toImageX(e.getX()), y = v.toImageY(e.getY());
        var img = canvas.model().document().image();
        pointer.set(x >= 0 && y >= 0 && x <= img.width() && y <= img.height() ? "%d, %d".formatted((int) x, (int) y) : "");
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        canvas.viewport().zoomAt(e.getX(), e.getY(), Math.pow(1.1, e.getDeltaY() / 40.0));
        canvas.repaint();
        e.consume();
    }
}
