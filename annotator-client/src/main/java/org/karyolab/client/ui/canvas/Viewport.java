package org.karyolab.client.ui.canvas;

import org.karyolab.schema.shape.Bounds;

/**
 * Where the image sits on the screen: {@code screen = image * scale + offset}. Plain arithmetic, no
 * JavaFX, so zooming about the cursor and fitting are tested without a toolkit.
 */
public final class Viewport {

    public static final double MIN_SCALE = 1.0 / 64;
    public static final double MAX_SCALE = 64;

    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double screenWidth = 1;
    private double screenHeight = 1;

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    public double screenWidth() {
        return screenWidth;
    }

    public double screenHeight() {
        return screenHeight;
    }

    public void setScreenSize(double width, double height) {
        screenWidth = Math.max(1, width);
        screenHeight = Math.max(1, height);
    }

    public void set(double scale, double offsetX, double offsetY) {
        this.scale = Math.clamp(scale, MIN_SCALE, MAX_SCALE);
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    public double toScreenX(double imageX) {
        return imageX * scale + offsetX;
    }

    public double toScreenY(double imageY) {
        return imageY * scale + offsetY;
    }

    public double toImageX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double toImageY(double screenY) {
        return (screenY - offsetY) / scale;
    }

    /** The part of the image plane on screen, in image pixels (what the spatial index is asked for). */
    public Bounds visibleImageArea() {
        return new Bounds(toImageX(0), toImageY(0), toImageX(screenWidth), toImageY(screenHeight));
    }

    /** Moves the image by a screen distance (a drag). */
    public void panBy(double dxScreen, double dyScreen) {
        offsetX += dxScreen;
        offsetY += dyScreen;
    }

    /** Multiplies the scale by {@code factor}, keeping the image point under (sx, sy) where it is on screen. */
    public void zoomAt(double sx, double sy, double factor) {
        double ix = toImageX(sx);
        double iy = toImageY(sy);
        scale = Math.clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        offsetX = sx - ix * scale;
        offsetY = sy - iy * scale;
    }

    /** The whole image centred on screen with a margin, never enlarged past {@code maxScale}. */
    public void fit(double imageWidth, double imageHeight, double margin, double maxScale) {
        double s = Math.min((screenWidth - 2 * margin) / imageWidth, (screenHeight - 2 * margin) / imageHeight);
        scale = Math.clamp(Math.min(s, maxScale), MIN_SCALE, MAX_SCALE);
        offsetX = (screenWidth - imageWidth * scale) / 2;
        offsetY = (screenHeight - imageHeight * scale) / 2;
    }

    /** Centres the view on an image point, keeping the scale. */
    public void centerOn(double imageX, double imageY) {
        offsetX = screenWidth / 2 - imageX * scale;
        offsetY = screenHeight / 2 - imageY * scale;
    }
}
