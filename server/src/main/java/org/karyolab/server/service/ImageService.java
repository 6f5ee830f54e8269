package org.karyolab.server.service;

import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.Violation;
import org.karyolab.server.store.BlobStore;
import org.karyolab.server.store.ImageRepository;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Images of a project: decoded and checked before anything is stored, bytes kept once in the
 * content-addressed blob store, metadata in the database.
 */
public final class ImageService {

    /** What the uploader tells us about the image; the pixels tell us the rest. */
    public record ImageMetadata(ImageKind kind, Stain stain, BandLevel bandLevel, String caseId, String source,
                                String licence) {}

    /** Upload limits: bytes, and pixels (read from the header before decoding, so a bomb costs nothing). */
    public record Limits(long maxBytes, long maxPixels) {
        public static final Limits DEFAULT = new Limits(200L * 1024 * 1024, 100_000_000L);
    }

    private static final Map<String, String> FORMAT_BY_CONTENT_TYPE = Map.of(
            "image/png", "png", "image/jpeg", "jpeg", "image/gif", "gif", "image/bmp", "bmp", "image/tiff", "tiff");

    private final ImageRepository images;
    private final BlobStore blobs;
    private final Limits limits;

    public ImageService(ImageRepository images, BlobStore blobs, Limits limits) {
        this.images = images;
        this.blobs = blobs;
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public Outcome<ImageAsset> get(String imageId) {
        return images.get(imageId).<Outcome<ImageAsset>>map(s -> Outcome.done(s.image()))
                .orElseGet(() -> Outcome.notFound("image", imageId));
    }

    public Outcome<List<ImageAsset>> list(String projectId, ProjectService projects) {
        if (projects.get(projectId) instanceof Outcome.NotFound<?>) return Outcome.notFound("project", projectId);
        return Outcome.done(images.list(projectId));
    }

    /** The project an image belongs to; empty if there is no such image. */
    public Optional<String> projectOf(String imageId) {
        return images.get(imageId).map(ImageRepository.StoredImage::projectId);
    }

    /** The stored bytes of an image. */
    public Optional<InputStream> content(ImageAsset image) {
        try {
            return blobs.exists(image.sha256()) ? Optional.of(blobs.open(image.sha256())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the bytes, stores them, then records the image in the project. */
    public Outcome<ImageAsset> upload(String projectId, String contentType, byte[] bytes, ImageMetadata metadata) {
        if (bytes.length > limits.maxBytes()) {
            return new Outcome.TooLarge<>("the image has " + bytes.length + " bytes; the limit is " + limits.maxBytes());
        }
        String declared = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        String expectedFormat = FORMAT_BY_CONTENT_TYPE.get(declared);
        if (expectedFormat == null) {
            return new Outcome.Unsupported<>("content type '" + declared + "' is not an image type KaryoLab reads; use one of "
                    + FORMAT_BY_CONTENT_TYPE.keySet().stream().sorted().toList());
        }
        Decoded decoded;
        try {
            decoded = decode(bytes);
        } catch (IOException | RuntimeException e) {
            return new Outcome.Unsupported<>("the bytes are not a readable image: " + e.getMessage());
        }
        if (decoded == null) return new Outcome.Unsupported<>("the bytes are not in any image format KaryoLab reads");
        if (!decoded.format().equals(expectedFormat)) {
            return new Outcome.Unsupported<>("the content type says " + declared + " but the bytes are " + decoded.format());
        }
        long pixels = (long) decoded.width() * decoded.height();
        if (pixels > limits.maxPixels()) {
            return new Outcome.TooLarge<>("the image has " + decoded.width() + "x" + decoded.height() + " = " + pixels
                    + " pixels; the limit is " + limits.maxPixels());
        }
        BlobStore.Blob blob;
        try {
            blob = blobs.put(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the image bytes", e);
        }
        ImageAsset image = new ImageAsset(UUID.randomUUID().toString(), blob.sha256(), decoded.width(), decoded.height(),
                decoded.bitDepth(), metadata.kind(), metadata.stain(), metadata.bandLevel(), metadata.caseId(),
                metadata.source(), metadata.licence());
        List<Violation> violations = image.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the image metadata is not valid", violations);
        return switch (images.add(projectId, image)) {
            case ADDED -> Outcome.done(image);
            case NO_SUCH_PROJECT -> Outcome.notFound("project", projectId);
            case ALREADY_EXISTS -> throw new IllegalStateException("fresh image id " + image.id() + " already taken");
        };
    }

    private record Decoded(String format, int width, int height, int bitDepth) {}

    /** Reads the header first (size, depth) and only then decodes the pixels, to prove they are whole. */
    private Decoded decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = normalise(reader.getFormatName());
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > limits.maxPixels()) return new Decoded(format, width, height, 0);
                ImageTypeSpecifier type = reader.getRawImageType(0);
                var pixels = reader.read(0);
                int depth = (type != null ? type.getColorModel() : pixels.getColorModel()).getPixelSize();
                return new Decoded(format, width, height, depth);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String normalise(String formatName) {
        String f = formatName.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "jpg", "jpeg" -> "jpeg";
            case "tif", "tiff" -> "tiff";
            default -> f;
        };
    }
}
