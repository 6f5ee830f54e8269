package org.karyolab.learning.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.json.SchemaJson;

/**
 * Writes synthetic cells to a folder: per cell {@code cell-NNNN-metaphase.png} and {@code .json} (the
 * {@link AnnotationDocument}), and the same for the karyogram; {@code overview.png} for a look at a few.
 */
public final class SynthWriter {

    private final Path dir;

    public SynthWriter(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** PNG bytes of an image (no time stamps: the same pixels give the same bytes). */
    public static byte[] png(BufferedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Stable file stem of cell {@code index} (0-based): {@code cell-0001}. */
    public static String stem(int index) {
        return "cell-%04d".formatted(index + 1);
    }

    /** Image id of a synthetic image: run seed, cell, kind. */
    public static String imageId(long seed, int index, SynthImage image) {
        return "synth-%016x-%04d-%s".formatted(seed, index + 1, image.kind().name().toLowerCase());
    }

    /** Writes both images of the cell with their ground truth; returns the two documents. */
    public List<AnnotationDocument> write(Synth.Cell cell, long runSeed) throws IOException {
        String caseId = "synth-%016x-%04d".formatted(runSeed, cell.index() + 1);
        return List.of(write(cell.metaphase(), stem(cell.index()) + "-metaphase", imageId(runSeed, cell.index(), cell.metaphase()), caseId),
                write(cell.karyogram(), stem(cell.index()) + "-karyogram", imageId(runSeed, cell.index(), cell.karyogram()), caseId));
    }

    private AnnotationDocument write(SynthImage image, String stem, String id, String caseId) throws IOException {
        byte[] png = png(image.image());
        ImageAsset asset = SynthDocuments.asset(id, image, png, caseId);
        AnnotationDocument doc = SynthDocuments.document(image, asset);
        Files.write(dir.resolve(stem + ".png"), png);
        Files.writeString(dir.resolve(stem + ".json"), SchemaJson.write(doc));
        return doc;
    }

    /** {@code overview.png}: the images side by side with their ground truth drawn on. */
    public Path writeOverview(List<SynthImage> images) throws IOException {
        Path file = dir.resolve("overview.png");
        Files.write(file, png(Overview.render(images)));
        return file;
    }
}
