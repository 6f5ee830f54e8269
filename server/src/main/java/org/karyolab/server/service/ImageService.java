package org.karyolab.server.service;

import org.karyolab.schema.api.ServerEvent;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.Violation;
import org.karyolab.server.store.BlobStore;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.schema.Split;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.schema.api.MetadataChange;
import org.karyolab.schema.api.Problem;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Images of a project: decoded and checked before anything is stored, bytes kept once in the
 * content-addressed blob store, metadata (and the train/val/test split) in the database;
 * thumbnails made once and cached under the data directory.
 */
public final class ImageService {

    /** What the uploader tells us about the image; the pixels tell us the rest. */
    public record ImageMetadata(ImageKind kind, Stain stain, BandLevel bandLevel, String caseId, String source,
                                String licence) {}

    /** Upload limits: bytes, and pixels (read from the header before decoding, so a bomb costs nothing). */
    public record Limits(long maxBytes, long maxPixels) {
        public static final Limits DEFAULT = new Limits(200L * 1024 * 1024, 100_000_000L);

        public Limits {
            if (maxBytes <= 0 || maxPixels <= 0) {
                throw new IllegalArgumentException("image limits must be positive: max-image-bytes " + maxBytes
                        + ", max-image-pixels " + maxPixels);
            }
        }
    }

    /** An image as listed, with its split and progress, as the API shows it. */
    static ImageInfo info(ImageRepository.ListedImage l) {
        return info(l.image(), l.split(), l.progress());
    }

    private static ImageInfo info(ImageAsset image, Split split, ImageRepository.Progress progress) {
        return ImageInfo.of(image, split.jsonName(), progress.annotations(), progress.openSuggestions(), progress.reviewState());
    }

    /** A freshly uploaded image as the API shows it: not in any split yet, nothing done on it. */
    public static ImageInfo uploaded(ImageAsset image) {
        return info(image, Split.UNASSIGNED, ImageRepository.Progress.NONE);
    }

    /** What a list of a project's images is narrowed to; null: any. */
    public record Filter(ImageKind kind, Stain stain, String caseId, Split split) {}

    /** One page of a list; {@code nextAfter} is the upload sequence to continue after, null on the last page. */
    public record Page(List<ImageInfo> items, Long nextAfter) {}

    public static final int DEFAULT_THUMBNAIL = 256;
    public static final int MAX_THUMBNAIL = 1024;

    private static final Map<String, String> FORMAT_BY_CONTENT_TYPE = Map.of(
            "image/png", "png", "image/jpeg", "jpeg", "image/gif", "gif", "image/bmp", "bmp", "image/tiff", "tiff");

    private final ImageRepository images;
    private final BlobStore blobs;
    private final Limits limits;
    private final Path thumbnails;
    private final EventBus events;

    /** Thumbnails go to {@code thumbnails/} beside the blob store's folder; events go nowhere. */
    public ImageService(ImageRepository images, BlobStore blobs, Limits limits) {
        this(images, blobs, limits, blobs.root().resolveSibling("thumbnails"), new EventBus());
    }

    /** @param events where new and changed images are announced (after they committed) */
    public ImageService(ImageRepository images, BlobStore blobs, Limits limits, Path thumbnails, EventBus events) {
        this.images = images;
        this.blobs = blobs;
        this.limits = limits;
        this.thumbnails = thumbnails;
        this.events = events;
    }

    public Limits limits() {
        return limits;
    }

    public Outcome<ImageAsset> get(String imageId) {
        return images.get(imageId).<Outcome<ImageAsset>>map(s -> Outcome.done(s.image()))
                .orElseGet(() -> Outcome.notFound("image", imageId));
    }

    /** The image with its split. */
    public Outcome<ImageInfo> entry(String imageId) {
        return images.listed(imageId).<Outcome<ImageInfo>>map(l -> Outcome.done(info(l)))
                .orElseGet(() -> Outcome.notFound("image", imageId));
    }

    public Outcome<List<ImageAsset>> list(String projectId, ProjectService projects) {
        if (projects.get(projectId) instanceof Outcome.NotFound<?>) return Outcome.notFound("project", projectId);
        return Outcome.done(images.list(projectId));
    }

    /** One page of a project's images in upload order, narrowed by {@code filter}. */
    public Outcome<Page> page(String projectId, Filter filter, Long afterSeq, int limit, ProjectService projects) {
        if (projects.get(projectId) instanceof Outcome.NotFound<?>) return Outcome.notFound("project", projectId);
        // One more than asked tells whether there is a next page without a count query.
        var stored = new ImageRepository.Filter(filter.kind(), filter.stain(), filter.caseId(),
                filter.split());
        List<ImageRepository.ListedImage> rows = images.page(projectId, stored, afterSeq, limit + 1);
        boolean more = rows.size() > limit;
        List<ImageRepository.ListedImage> shown = more ? rows.subList(0, limit) : rows;
        return Outcome.done(new Page(shown.stream().map(ImageService::info).toList(),
                more ? shown.getLast().uploadSeq() : null));
    }

    /** The project an image belongs to; empty if there is no such image. */
    public Optional<String> projectOf(String imageId) {
        return images.projectOf(imageId);
    }

    /** An image's stored bytes as a stream of {@code size} bytes in the format {@code mediaType} (from the bytes themselves). */
    public record Content(InputStream bytes, long size, String mediaType) {}

    /** The stored bytes of an image, with their length and media type; empty when the blob is missing. */
    public Optional<Content> content(ImageAsset image) {
        try {
            java.util.OptionalLong size = blobs.size(image.sha256());
            if (size.isEmpty()) return Optional.empty();
            var in = new java.io.BufferedInputStream(blobs.open(image.sha256()));
            in.mark(16);
            byte[] head = in.readNBytes(12);
            in.reset();
            return Optional.of(new Content(in, size.getAsLong(), mediaType(head)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media type of image bytes by their signature (every upload was checked to be what it said it was). */
    static String mediaType(byte[] head) {
        if (starts(head, 0x89, 'P', 'N', 'G')) return "image/png";
        if (starts(head, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(head, 'G', 'I', 'F', '8')) return "image/gif";
        if (starts(head, 'I', 'I', 0x2A, 0x00) || starts(head, 'M', 'M', 0x00, 0x2A)) return "image/tiff";
        if (starts(head, 'B', 'M')) return "image/bmp";
        return "application/octet-stream";
    }

    private static boolean starts(byte[] head, int... signature) {
        if (head.length < signature.length) return false;
        for (int i = 0; i < signature.length; i++) if ((head[i] & 0xff) != signature[i]) return false;
        return true;
    }

    /**
     * Checks the bytes, stores them, then records the image in the project. In order, each check
     * cheaper than the next: byte count (413), declared type (415), the format the bytes really are
     * (415), the pixel count from the header (413, before any pixel is decoded), what else the header
     * states with the metadata (422: a bit depth KaryoLab does not take, still before decoding), the whole
     * decode (422 if truncated or corrupt), the metadata (422). Only then is anything written: the blob
     * (atomic), then the row. A failure leaves nothing behind.
     */
    public Outcome<ImageAsset> upload(String projectId, String contentType, byte[] bytes, ImageMetadata metadata) {
        return uploadOrFind(projectId, contentType, bytes, metadata).map(Upload::image);
    }

    /** An upload's image; {@code created} false when the project already had these bytes (this is that image). */
    public record Upload(ImageAsset image, boolean created) {}

    /**
     * {@link #upload}, recognising the same bytes uploaded into the same project again (a retry, or the
     * same file twice) by their SHA-256: then nothing is added and the answer is the image already there.
     * Checked once the bytes passed every check, before anything is stored, and again in the adding
     * transaction (two uploads at once).
     */
    public Outcome<Upload> uploadOrFind(String projectId, String contentType, byte[] bytes, ImageMetadata metadata) {
        if (bytes.length > limits.maxBytes()) {
            return new Outcome.TooLarge<>("the image has " + bytes.length + " bytes; the limit is " + limits.maxBytes()
                    + " (karyolab.limits.max-image-bytes)");
        }
        String declared = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        String expectedFormat = FORMAT_BY_CONTENT_TYPE.get(declared);
        if (expectedFormat == null) {
            return new Outcome.Unsupported<>("content type '" + declared + "' is not an image type KaryoLab reads; use one of "
                    + FORMAT_BY_CONTENT_TYPE.keySet().stream().sorted().toList());
        }
        if (bytes.length == 0) return new Outcome.Unsupported<>("the body is empty: send the image bytes");
        String id = UUID.randomUUID().toString();
        String sha256 = sha256(bytes);
        java.util.function.Function<Decoded, ImageAsset> asset = d -> new ImageAsset(id, sha256, d.width(), d.height(),
                d.bitDepth(), metadata.kind(), metadata.stain(), metadata.bandLevel(), metadata.caseId(),
                metadata.source(), metadata.licence());
        Decoded decoded;
        try {
            decoded = decode(bytes, expectedFormat, declared, header -> asset.apply(header).validate());
        } catch (Refusal refusal) {
            return refusal.outcome().map(refused -> new Upload(refused, true)); // always a failure: passes through
        }
        // After the checks (a lie about the type is refused even for known bytes), before anything is stored.
        Optional<ImageAsset> same = images.withSameBytes(projectId, sha256);
        if (same.isPresent()) return Outcome.done(new Upload(same.get(), false));
        ImageAsset image = asset.apply(decoded);
        List<Violation> violations = image.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the image metadata is not valid", violations);
        try {
            BlobStore.Blob blob = blobs.put(bytes);
            if (!blob.sha256().equals(sha256)) throw new IllegalStateException("blob hash differs from the bytes' hash");
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the image bytes", e);
        }
        return switch (images.add(projectId, image)) {
            case ADDED -> {
                events.publish(projectId, new ServerEvent.ImageAdded(image.id(), image.caseId()));
                yield Outcome.done(new Upload(image, true));
            }
            case SAME_BYTES -> Outcome.done(new Upload(images.withSameBytes(projectId, sha256).orElseThrow(), false));
            case NO_SUCH_PROJECT -> Outcome.notFound("project", projectId);
            case ALREADY_EXISTS -> throw new IllegalStateException("fresh image id " + image.id() + " already taken");
        };
    }

    /** Deletes an image (softly: see {@link ImageRepository#delete}); {@code by} is who. */
    public Outcome<String> delete(String imageId, String by) {
        Optional<String> project = images.projectOf(imageId);
        if (project.isEmpty() || !images.delete(imageId, by, java.time.Instant.now())) return Outcome.notFound("image", imageId);
        return Outcome.done(imageId);
    }

    /** Changes what is known about an image and its split; the case may not end up in two splits. */
    public Outcome<ImageInfo> setMetadata(String imageId, MetadataChange change) {
        Optional<ImageRepository.ListedImage> found = images.listed(imageId);
        if (found.isEmpty()) return Outcome.notFound("image", imageId);
        ImageAsset was = found.get().image();
        ImageAsset changed = new ImageAsset(was.id(), was.sha256(), was.width(), was.height(), was.bitDepth(),
                or(change.kind(), was.kind()), or(change.stain(), was.stain()), or(change.bandLevel(), was.bandLevel()),
                or(change.caseId(), was.caseId()), or(change.source(), was.source()), or(change.licence(), was.licence()));
        List<Violation> violations = changed.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the image metadata would not be valid", violations);
        Split split = or(change.split(), found.get().split());
        return switch (images.setMetadata(imageId, changed, split)) {
            case ImageRepository.MetadataResult.Updated u -> {
                projectOf(imageId).ifPresent(projectId -> events.publish(projectId,
                        new ServerEvent.ImageChanged(imageId, changed.caseId(), u.image().split().jsonName())));
                yield Outcome.done(info(u.image()));
            }
            case ImageRepository.MetadataResult.NotFound nf -> Outcome.notFound("image", imageId);
            case ImageRepository.MetadataResult.CaseSplit cs ->
                    new Outcome.CaseSplit<>(cs.caseId(), cs.wanted().jsonName(), cs.conflicts().stream()
                            .map(c -> new Problem.SplitConflict(c.imageId(), c.split().jsonName())).toList());
        };
    }

    private static <T> T or(T changed, T was) {
        return changed != null ? changed : was;
    }

    // --- thumbnails ---------------------------------------------------------------------------

    /**
     * A PNG of the image no larger than {@code size} on its long side (never enlarged). Made once
     * per image and size and kept under the thumbnails folder (named by the bytes' SHA-256, so the
     * same bytes share it); later calls only read that file.
     */
    public Outcome<Path> thumbnail(String imageId, int size) {
        if (size < 1 || size > MAX_THUMBNAIL) {
            return Outcome.invalid("size must be 1.." + MAX_THUMBNAIL,
                    List.of(new Violation("/size", "size must be 1.." + MAX_THUMBNAIL + " (was " + size + ")")));
        }
        Optional<ImageRepository.StoredImage> stored = images.get(imageId);
        if (stored.isEmpty()) return Outcome.notFound("image", imageId);
        ImageAsset image = stored.get().image();
        Path cached = thumbnails.resolve(image.sha256().substring(0, 2)).resolve(image.sha256() + "-" + size + ".png");
        if (Files.isRegularFile(cached)) return Outcome.done(cached);
        if (!blobs.exists(image.sha256())) return Outcome.notFound("image content", imageId);
        try {
            BufferedImage thumb;
            try (InputStream in = blobs.open(image.sha256())) {
                thumb = Thumbnails.make(in, size);
            }
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "thumb-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ImageIO.write(thumb, "png", out);
                }
                // Atomic: a reader sees no thumbnail or a whole one; two makers racing write the same bytes.
                Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Outcome.done(cached);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the thumbnail of image " + imageId, e);
        }
    }

    // --- decoding -----------------------------------------------------------------------------

    private record Decoded(String format, int width, int height, int bitDepth) {}

    /** An upload refused while decoding; carries the answer. */
    private static final class Refusal extends Exception {
        private final transient Outcome<ImageAsset> outcome;

        Refusal(Outcome<ImageAsset> outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }

        Outcome<ImageAsset> outcome() {
            return outcome;
        }
    }

    /**
     * Finds the reader by the bytes (not the declared type), reads the header (size), and only
     * then decodes the pixels, to prove they are whole. A reader's warning (JPEG's "premature end
     * of data" is only a warning) counts as corrupt.
     */
    private Decoded decode(byte[] bytes, String expectedFormat, String declared,
                           java.util.function.Function<Decoded, List<Violation>> headerCheck) throws Refusal {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refusal(new Outcome.Unsupported<>("the bytes are not an image in any format KaryoLab reads "
                        + "(PNG, JPEG, GIF, BMP, TIFF), though the content type says " + declared));
            }
            ImageReader reader = readers.next();
            try {
                String format = normalise(reader.getFormatName());
                if (!format.equals(expectedFormat)) {
                    throw new Refusal(new Outcome.Unsupported<>("the content type says " + declared + " but the bytes are "
                            + format.toUpperCase(Locale.ROOT) + "; send them as image/" + format));
                }
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw corrupt(format, "its header cannot be read", e);
                }
                long pixels = (long) width * height;
                if (pixels > limits.maxPixels()) {
                    throw new Refusal(new Outcome.TooLarge<>("the image is " + width + "x" + height + " = " + pixels
                            + " pixels; the limit is " + limits.maxPixels() + " (karyolab.limits.max-image-pixels)"));
                }
                ImageTypeSpecifier rawType;
                try {
                    rawType = reader.getRawImageType(0); // from the header (PNG: IHDR, PLTE), no pixel decoded
                } catch (IOException | RuntimeException e) {
                    throw corrupt(format, "its header cannot be read", e);
                }
                if (rawType != null) {
                    // What the header states (bit depth, colour type) is refused before the pixels are decoded:
                    // a small file can declare a raster of hundreds of megabytes.
                    List<Violation> stated = headerCheck.apply(new Decoded(format, width, height, bitDepth(rawType.getColorModel())));
                    if (!stated.isEmpty()) throw new Refusal(Outcome.invalid("the image header states what KaryoLab does not take "
                            + "(nothing was decoded)", stated));
                }
                List<String> warnings = new ArrayList<>();
                IIOReadWarningListener warned = (source, warning) -> warnings.add(warning);
                reader.addIIOReadWarningListener(warned);
                RequestBudget.charge("decoding the image", pixels / 1000);
                reader.addIIOReadProgressListener(new Checkpoints());
                BufferedImage pixelsRead;
                try {
                    pixelsRead = reader.read(0);
                } catch (RequestBudget.Exceeded e) {
                    throw e; // not a corrupt image: the request's budget ran out while decoding it
                } catch (IOException | RuntimeException e) {
                    throw corrupt(format, "its pixels cannot be decoded", e);
                }
                if (!warnings.isEmpty()) {
                    throw new Refusal(Outcome.invalid("the " + format.toUpperCase(Locale.ROOT)
                            + " image is truncated or corrupt: " + warnings.getFirst(), List.of(new Violation("", warnings.getFirst()))));
                }
                ColorModel model = rawType != null ? rawType.getColorModel() : pixelsRead.getColorModel();
                return new Decoded(format, width, height, bitDepth(model));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory does not fail
        }
    }

    /** The decoder's progress reports (per row or pass) are checkpoints of the request's budget. */
    private static final class Checkpoints implements javax.imageio.event.IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            RequestBudget.charge("decoding the image", 0);
        }

        @Override public void sequenceStarted(ImageReader source, int minIndex) { }
        @Override public void sequenceComplete(ImageReader source) { }
        @Override public void imageStarted(ImageReader source, int imageIndex) { }
        @Override public void imageComplete(ImageReader source) { }
        @Override public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) { }
        @Override public void thumbnailProgress(ImageReader source, float percentageDone) { }
        @Override public void thumbnailComplete(ImageReader source) { }
        @Override public void readAborted(ImageReader source) { }
    }

    private static Refusal corrupt(String format, String what, Exception e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (e instanceof IIOException && e.getCause() != null && e.getCause().getMessage() != null) {
            why += " (" + e.getCause().getMessage() + ")";
        }
        return new Refusal(Outcome.invalid("the bytes start like a " + format.toUpperCase(Locale.ROOT)
                + " image but " + what + ": the file is truncated or corrupt (" + why + ")", List.of(new Violation("", why))));
    }

    /**
     * Bits per pixel over all channels. A palette image counts as what it shows: 8 bits if every
     * palette entry is grey (1 if there are only two), 24 if coloured, 32 with transparency.
     */
    static int bitDepth(ColorModel model) {
        if (model instanceof IndexColorModel palette) {
            boolean grey = true;
            for (int i = 0; i < palette.getMapSize(); i++) {
                int r = palette.getRed(i), g = palette.getGreen(i), b = palette.getBlue(i);
                grey &= r == g && g == b;
            }
            if (grey && palette.getPixelSize() == 1) return 1;
            if (grey && !palette.hasAlpha()) return 8;
            return palette.hasAlpha() ? 32 : 24;
        }
        return model.getPixelSize();
    }

    private static String normalise(String formatName) {
        String f = formatName.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "jpg", "jpeg" -> "jpeg";
            case "tif", "tiff" -> "tiff";
            default -> f;
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Scaling images down for thumbnails. */
    static final class Thumbnails {
        private Thumbnails() {
        }

        /**
         * Decodes with subsampling (never the full pixels of a big image), stretches 16-bit grey
         * from its own min..max to 0..255 (a straight cut to the high byte leaves most microscope
         * images black), then scales with bilinear halving steps to at most {@code size}.
         */
        static BufferedImage make(InputStream bytes, int size) throws IOException {
            try (ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) throw new IOException("the stored bytes are not a readable image");
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    int w = reader.getWidth(0), h = reader.getHeight(0);
                    int step = Math.max(1, Math.max(w, h) / (2 * size)); // keep 2x for a smooth final scale
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(step, step, 0, 0);
                    return scale(toDisplayable(reader.read(0, param)), size);
                } finally {
                    reader.dispose();
                }
            }
        }

        static BufferedImage toDisplayable(BufferedImage image) {
            Raster raster = image.getRaster();
            boolean sixteenBitGrey = raster.getNumBands() == 1 && raster.getTransferType() == DataBuffer.TYPE_USHORT;
            if (sixteenBitGrey) {
                int w = raster.getWidth(), h = raster.getHeight();
                int[] row = new int[w];
                int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, 0, row);
                    for (int v : row) { min = Math.min(min, v); max = Math.max(max, v); }
                }
                double scale = max > min ? 255.0 / (max - min) : 0;
                BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                var out = grey.getRaster();
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, 0, row);
                    for (int x = 0; x < w; x++) row[x] = (int) Math.round((row[x] - min) * scale);
                    out.setSamples(0, y, w, 1, 0, row);
                }
                return grey;
            }
            if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_INT_RGB
                    || image.getType() == BufferedImage.TYPE_INT_ARGB) {
                return image;
            }
            // Anything else (palettes, 48-bit RGB, CMYK-ish TIFFs) is drawn into plain ARGB.
            BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = argb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            return argb;
        }

        static BufferedImage scale(BufferedImage image, int size) {
            BufferedImage current = image;
            int longSide = Math.max(current.getWidth(), current.getHeight());
            while (longSide > size) {
                int target = Math.max(size, longSide / 2);
                double f = (double) target / longSide;
                int w = Math.max(1, (int) Math.round(current.getWidth() * f));
                int h = Math.max(1, (int) Math.round(current.getHeight() * f));
                if (target == size && Math.max(w, h) > size) { // rounding must not overshoot the promise
                    if (w >= h) w = size; else h = size;
                }
                int type = current.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                        : current.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
                BufferedImage next = new BufferedImage(w, h, type);
                Graphics2D g = next.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, w, h, null);
                g.dispose();
                current = next;
                longSide = Math.max(w, h);
            }
            return current;
        }
    }
}
