package org.karyolab.client.ui.canvas;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The image's pixels as the annotator shows them: 8-bit grey (one byte a pixel) for grey images,
 * 16-bit grey stretched from its own min..max, or packed RGB. Decoded once; each change of the
 * {@link Adjustments} maps them through a lookup table into a reused ARGB buffer.
 */
public final class ImagePixels {

    private final int width;
    private final int height;
    /** Grey levels, row-major; null for a colour image. */
    private final byte[] grey;
    /** 0xRRGGBB per pixel; null for a grey image. */
    private final int[] rgb;

    private ImagePixels(int width, int height, byte[] grey, int[] rgb) {
        this.width = width;
        this.height = height;
        this.grey = grey;
        this.rgb = rgb;
    }

    public static ImagePixels ofGrey(int width, int height, byte[] grey) {
        if (grey.length != width * height) throw new IllegalArgumentException("expected " + width * height + " pixels");
        return new ImagePixels(width, height, grey, null);
    }

    /** Decodes PNG, JPEG, GIF, BMP or TIFF bytes. */
    public static ImagePixels decode(byte[] bytes) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("the image could not be read: " + e.getMessage(), e);
        }
        if (img == null) throw new IllegalArgumentException("the image is in a format this annotator cannot read");
        return of(img);
    }

    public static ImagePixels of(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        Raster raster = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY && raster.getDataBuffer() instanceof DataBufferByte db
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && db.getData().length == w * h) {
            return new ImagePixels(w, h, db.getData().clone(), null);
        }
        if (raster.getNumBands() == 1) {
            // 16-bit (or other) grey: stretch the image's own range to 0..255.
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
            for (int s : samples) {
                if (s < min) min = s;
                if (s > max) max = s;
            }
            double range = Math.max(1, max - min);
            byte[] g = new byte[w * h];
            for (int i = 0; i < samples.length; i++) g[i] = (byte) Math.round((samples[i] - min) * 255 / range);
            return new ImagePixels(w, h, g, null);
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        boolean allGrey = true;
        for (int p : argb) {
            int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if (r != g || g != b) {
                allGrey = false;
                break;
            }
        }
        if (allGrey) {
            byte[] g = new byte[w * h];
            for (int i = 0; i < argb.length; i++) g[i] = (byte) argb[i];
            return new ImagePixels(w, h, g, null);
        }
        for (int i = 0; i < argb.length; i++) argb[i] &= 0xffffff;
        return new ImagePixels(w, h, null, argb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isGrey() {
        return grey != null;
    }

    /**
     * Writes the adjusted pixels as opaque ARGB into {@code out} (length width*height), reused
     * between calls so a slider drag allocates nothing.
     */
    public void render(Adjustments adjustments, int[] out) {
        if (out.length < width * height) throw new IllegalArgumentException("buffer too small");
        int[] lut = adjustments.lut();
        int[] greyArgb = new int[256];
        for (int i = 0; i < 256; i++) {
            int v = lut[i];
            greyArgb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        int n = width * height;
        if (grey != null) {
            for (int i = 0; i < n; i++) out[i] = greyArgb[grey[i] & 0xff];
        } else {
            for (int i = 0; i < n; i++) {
                int p = rgb[i];
                out[i] = 0xff000000 | lut[(p >> 16) & 0xff] << 16 | lut[(p >> 8) & 0xff] << 8 | lut[p & 0xff];
            }
        }
    }
}
