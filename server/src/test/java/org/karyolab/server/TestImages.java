package org.karyolab.server;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;

/** Images made in the test with ImageIO, and what is stored, for the image API suites. */
final class TestImages {

    private TestImages() {
    }

    /** A grey gradient of this type, written in this ImageIO format. */
    static byte[] image(String format, int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        boolean wide = type == BufferedImage.TYPE_USHORT_GRAY;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (image.getRaster().getNumBands() == 1) {
                    image.getRaster().setSample(x, y, 0, wide ? 1000 + (x + y) % 1000 : (x * 7 + y * 13) & 0xff);
                } else {
                    image.setRGB(x, y, ((x * 5) & 0xff) << 16 | ((y * 3) & 0xff) << 8 | ((x + y) & 0xff));
                }
            }
        }
        return write(image, format);
    }

    static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid 1x1 PNG whose header claims {@code width x height}: a decompression bomb in
     * miniature (a few dozen bytes that would need gigabytes to decode).
     */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = TestApi.png(1, 1);
        ByteBuffer b = ByteBuffer.wrap(png);
        // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC (4)
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A multipart/form-data body with one file per part. */
    record FilePart(String filename, String contentType, byte[] bytes) {}

    static final String BOUNDARY = "karyolab-test-boundary-7d1f";

    static byte[] multipart(List<FilePart> parts) {
        var out = new ByteArrayOutputStream();
        for (FilePart p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + p.filename()
                    + "\"\r\n" + (p.contentType() == null ? "" : "Content-Type: " + p.contentType() + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Rows in {@code images}. */
    static int imageRows(KaryoLabServer server) {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM images")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files in the blob store (not counting its temp folder). */
    static long blobFiles(Path data) {
        Path blobs = data.resolve("blobs");
        if (!Files.isDirectory(blobs)) return 0;
        try (var files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".incoming")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
