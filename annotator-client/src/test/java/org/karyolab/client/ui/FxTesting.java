package org.karyolab.client.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shared bits of the JavaFX tests: the toolkit, waiting, screenshots, and a synthetic metaphase to look at. */
public final class FxTesting {

    /**
     * Shows {@code root} as the test stage's scene, with the stage at the screen's origin: the headless
     * platform paints into a fixed 1000-row frame buffer, and a stage left lower down by an earlier test
     * (the app shell centres its window) runs past its end ("IndexOutOfBoundsException in HeadlessWindow.blit").
     */
    public static void showAtOrigin(Stage stage, Parent root, double width, double height) {
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(root, width, height));
        stage.show();
    }

    private FxTesting() {
    }

    /** JavaFX's headless platform (see the surefire flags in the POM) with TestFX's primary stage. */
    public static void startToolkit() throws Exception {
        Platform.setImplicitExit(false);
        FxToolkit.registerPrimaryStage();
    }

    public static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    public static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the condition holds (checked after the JavaFX queue drained), at most 10 s. */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for: " + what);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The build folder's screenshots directory (the build folder may be renamed with -Dkl.target). */
    public static Path screenshotDir() {
        try {
            Path testClasses = Path.of(FxTesting.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = testClasses.getParent().resolve("screenshots");
            Files.createDirectories(dir);
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Snapshots a node into {@code screenshots/<name>.png}; returns the file. */
    public static Path screenshot(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> node.snapshot(null, null));
        Path file = screenshotDir().resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }

    /** A banded rod of a synthetic metaphase: centre, length, width, angle; its bounding box for annotations. */
    public record Rod(double cx, double cy, double length, double width, double angle) {
        public double[] box() {
            double a = Math.toRadians(angle), c = Math.abs(Math.cos(a)), s = Math.abs(Math.sin(a));
            double w = length * s + width * c, h = length * c + width * s;
            return new double[] {Math.round(cx - w / 2 - 3), Math.round(cy - h / 2 - 3), Math.round(w + 6), Math.round(h + 6)};
        }

        /** The rod's outline as a polygon (8 points), a little outside the rod. */
        public List<double[]> outline() {
            var out = new ArrayList<double[]>();
            double a = Math.toRadians(angle), hl = length / 2 + 2, hw = width / 2 + 2;
            double[][] local = {{-hw * 0.6, -hl}, {hw * 0.6, -hl}, {hw, -hl * 0.8}, {hw, hl * 0.8}, {hw * 0.6, hl}, {-hw * 0.6, hl},
                    {-hw, hl * 0.8}, {-hw, -hl * 0.8}};
            for (double[] p : local) {
                out.add(new double[] {Math.round((cx + p[0] * Math.cos(a) - p[1] * Math.sin(a)) * 10) / 10.0,
                        Math.round((cy + p[0] * Math.sin(a) + p[1] * Math.cos(a)) * 10) / 10.0});
            }
            return out;
        }
    }

    /** A light metaphase-like image with dark G-banded rods (and some debris), as PNG bytes. */
    public static byte[] metaphase(int width, int height, List<Rod> rods, long seed) {
        var img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        var rnd = new Random(seed);
        g.setColor(new Color(226, 226, 226));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 900; i++) { // background mottling
            int v = 205 + rnd.nextInt(30);
            g.setColor(new Color(v, v, v));
            int r = 2 + rnd.nextInt(9);
            g.fillOval(rnd.nextInt(width), rnd.nextInt(height), r, r);
        }
        for (int i = 0; i < 14; i++) { // debris
            int v = 120 + rnd.nextInt(60);
            g.setColor(new Color(v, v, v));
            int r = 2 + rnd.nextInt(5);
            g.fillOval(rnd.nextInt(width), rnd.nextInt(height), r, r);
        }
        for (Rod rod : rods) {
            AffineTransform saved = g.getTransform();
            g.translate(rod.cx(), rod.cy());
            g.rotate(Math.toRadians(rod.angle()));
            var body = new RoundRectangle2D.Double(-rod.width() / 2, -rod.length() / 2, rod.width(), rod.length(), rod.width(), rod.width());
            g.setColor(new Color(96, 96, 96));
            g.fill(body);
            g.setClip(body);
            double y = -rod.length() / 2;
            while (y < rod.length() / 2) { // bands
                double h = 2 + rnd.nextDouble() * 5;
                int v = rnd.nextBoolean() ? 40 + rnd.nextInt(30) : 130 + rnd.nextInt(40);
                g.setColor(new Color(v, v, v));
                g.fill(new Rectangle2D.Double(-rod.width() / 2, y, rod.width(), h));
                y += h;
            }
            g.setClip(null);
            g.setColor(new Color(70, 70, 70));
            g.setStroke(new BasicStroke(1f));
            g.draw(body);
            // centromere pinch
            g.setColor(new Color(215, 215, 215));
            double cy = -rod.length() * 0.18;
            g.fillOval((int) (-rod.width() / 2 - 2), (int) (cy - 2), 4, 4);
            g.fillOval((int) (rod.width() / 2 - 2), (int) (cy - 2), 4, 4);
            g.setTransform(saved);
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rods spread over the image, deterministic. */
    public static List<Rod> rods(int count, int width, int height, long seed) {
        var rnd = new Random(seed);
        var out = new ArrayList<Rod>();
        int cols = (int) Math.ceil(Math.sqrt(count * (double) width / height));
        int rows = (int) Math.ceil(count / (double) cols);
        double cw = (width - 80) / (double) cols, ch = (height - 80) / (double) rows;
        for (int i = 0; i < count; i++) {
            int c = i % cols, r = i / cols;
            double length = 36 + rnd.nextDouble() * 44;
            out.add(new Rod(40 + cw * (c + 0.5) + rnd.nextGaussian() * 6, 40 + ch * (r + 0.5) + rnd.nextGaussian() * 6, length,
                    9 + rnd.nextDouble() * 3, rnd.nextDouble() * 160 - 80));
        }
        return out;
    }
}
