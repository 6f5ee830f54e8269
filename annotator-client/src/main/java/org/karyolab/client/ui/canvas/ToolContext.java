package org.karyolab.client.ui.canvas;

import org.karyolab.client.ui.EditorModel;

/** What a tool may use: the shared editor model (document, undo, view state), the viewport, and a repaint. */
public interface ToolContext {

    EditorModel model();

    Viewport viewport();

    /** Asks for one redraw (coalesced). */
    void repaint();

    /** Grab distance in image pixels: a few screen pixels at the current zoom. */
    default double tolerance() {
        return 6 / viewport().scale();
    }

    default int imageWidth() {
        return model().document().image().width();
    }

    default int imageHeight() {
        return model().document().image().height();
    }

    /** Clamps an image coordinate to the image (edges included), so drawing cannot leave it. */
    default double clampX(double x) {
        return Math.clamp(x, 0, imageWidth());
    }

    default double clampY(double y) {
        return Math.clamp(y, 0, imageHeight());
    }
}
