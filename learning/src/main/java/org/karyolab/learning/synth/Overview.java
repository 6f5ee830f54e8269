package org.karyolab.learning.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;

/**
 * A contact sheet to check synthetic data by eye: per image, the picture at half size and beside it the same
 * with its ground truth drawn on it: mask outlines coloured by class, the class number, centromeres as white dots,
 * p ends as small dots, cluster boxes (yellow touching, red overlapping, magenta both).
 */
public final class Overview {

    private static final int GAP = 8;

    private Overview() {
    }

    public static BufferedImage render(List<SynthImage> images) {
        int cellW = 0;
        int totalH = GAP;
        for (SynthImage i : images) {
            cellW = Math.max(cellW, i.width() / 2);
            totalH += i.height() / 2 + GAP;
        }
        var out = new BufferedImage(cellW * 2 + GAP * 3, Math.max(totalH, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        int y = GAP;
        for (SynthImage image : images) {
            BufferedImage half = half(image.image());
            g.drawImage(half, GAP, y, null);
            g.drawImage(overlay(image, half), GAP * 2 + cellW, y, null);
            y += half.getHeight() + GAP;
        }
        g.dispose();
        return out;
    }

    /** 2x2 box downsampling of an 8-bit grey image. */
    static BufferedImage half(BufferedImage grey) {
        int w = grey.getWidth() / 2;
        int h = grey.getHeight() / 2;
        var raster = grey.getRaster();
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (raster.getSample(2 * x, 2 * y, 0) + raster.getSample(2 * x + 1, 2 * y, 0)
                        + raster.getSample(2 * x, 2 * y + 1, 0) + raster.getSample(2 * x + 1, 2 * y + 1, 0) + 2) / 4;
                out.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return out;
    }

    static Color classColour(ChromosomeClass c) {
        if (c == null) {
            return Color.WHITE;
        }
        float hue = (float) ((c.ordinal() * 0.61803398875) % 1.0);
        return Color.getHSBColor(hue, 0.9f, 1.0f);
    }

    private static BufferedImage overlay(SynthImage image, BufferedImage half) {
        var out = new BufferedImage(half.getWidth(), half.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(half, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (ChromosomeTruth c : image.chromosomes()) {
            int rgb = classColour(c.chromosomeClass()).getRGB();
            PixelMask m = c.mask();
            for (int y = m.y0(); y < m.y0() + m.height(); y++) {
                for (int x = m.x0(); x < m.x0() + m.width(); x++) {
                    if (m.border(x, y) && x / 2 < out.getWidth() && y / 2 < out.getHeight() && x >= 0 && y >= 0) {
                        out.setRGB(x / 2, y / 2, rgb);
                    }
                }
            }
        }
        for (ChromosomeTruth c : image.chromosomes()) {
            Point cen = c.keypoints().points().get(Keypoints.CENTROMERE);
            Point pter = c.keypoints().points().get(Keypoints.P_TER);
            if (pter != null) {
                g.setColor(Color.CYAN);
                g.fillRect((int) (pter.x() / 2) - 1, (int) (pter.y() / 2) - 1, 2, 2);
            }
            if (cen != null) {
                int cx = (int) (cen.x() / 2);
                int cy = (int) (cen.y() / 2);
                g.setColor(Color.BLACK);
                g.fillOval(cx - 3, cy - 3, 6, 6);
                g.setColor(Color.WHITE);
                g.fillOval(cx - 2, cy - 2, 4, 4);
                String label = c.chromosomeClass() == null ? "mar" : c.chromosomeClass().label();
                int rgb = classColour(c.chromosomeClass()).getRGB();
                PixelFont.draw(label, cx + 5, cy - 3, 1, (px, py) -> {
                    if (px >= 0 && py >= 0 && px < out.getWidth() && py < out.getHeight()) {
                        out.setRGB(px, py, rgb);
                    }
                });
            }
        }
        g.setStroke(new BasicStroke(1));
        for (ClusterTruth cluster : image.clusters()) {
            g.setColor(cluster.type() == ClusterType.TOUCHING ? Color.YELLOW
                    : cluster.type() == ClusterType.OVERLAPPING ? Color.RED : Color.MAGENTA);
            var b = cluster.box();
            g.drawRect((int) (b.x() / 2) - 2, (int) (b.y() / 2) - 2, (int) (b.width() / 2) + 4, (int) (b.height() / 2) + 4);
        }
        g.dispose();
        return out;
    }
}
