package org.karyolab.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Image bytes, content-addressed: a blob's name is the SHA-256 of its bytes, stored as
 * {@code root/ab/cdef...} (first two hex digits as a directory). Same bytes are kept once.
 *
 * <p>A put is crash-safe: bytes go to a temporary file under {@code root/.incoming} (same file
 * system, so the rename below is atomic), the file is fsynced, renamed into place with
 * {@code ATOMIC_MOVE}, and the target directory is fsynced so the rename itself survives a crash.
 * A blob is therefore either absent or complete. A failed put removes its temporary file; a
 * temporary file left by a killed process is removed by the next {@link #open}.
 */
public final class BlobStore {

    /** What was stored. */
    public record Blob(String sha256, long size) {}

    /** What the caller claims it is sending (e.g. from an upload's manifest). */
    public record Expected(String sha256, long size) {
        public Expected {
            requireSha(sha256);
            if (size < 0) throw new IllegalArgumentException("negative size");
        }
    }

    /** Result of a verified put: stored, or refused because the bytes are not what was announced. */
    public sealed interface PutResult {
        record Stored(Blob blob) implements PutResult {}

        /** Nothing was stored. */
        record Mismatch(Expected expected, Blob actual) implements PutResult {}
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String INCOMING = ".incoming";

    private final Path root;
    private final Path incoming;

    private BlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve(INCOMING);
    }

    /** Opens (creating if needed) the store at {@code root}, removing temporary files of crashed puts. */
    public static BlobStore open(Path root) throws IOException {
        BlobStore store = new BlobStore(root.toAbsolutePath());
        Files.createDirectories(store.incoming);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.incoming)) {
            for (Path p : leftovers) Files.deleteIfExists(p);
        }
        return store;
    }

    public Path root() {
        return root;
    }

    public Blob put(byte[] bytes) throws IOException {
        return put(new java.io.ByteArrayInputStream(bytes));
    }

    /** Stores everything {@code in} delivers (it is not closed). */
    public Blob put(InputStream in) throws IOException {
        return switch (put(in, null)) {
            case PutResult.Stored s -> s.blob();
            case PutResult.Mismatch m -> throw new AssertionError("no expectation, no mismatch");
        };
    }

    /**
     * Stores {@code in} only if its SHA-256 and size equal {@code expected} (null: accept any).
     * On a mismatch or an exception nothing is left behind.
     */
    public PutResult put(InputStream in, Expected expected) throws IOException {
        Path tmp = Files.createTempFile(incoming, "put-", ".tmp");
        try {
            MessageDigest sha = sha256();
            long size;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), sha)) {
                size = in.transferTo(out);
                out.flush();
                ch.force(true); // the bytes are on disk before the name points at them
            }
            Blob blob = new Blob(HexFormat.of().formatHex(sha.digest()), size);
            if (expected != null && !(expected.sha256().equals(blob.sha256()) && expected.size() == size)) {
                return new PutResult.Mismatch(expected, blob);
            }
            Path target = path(blob.sha256());
            if (!Files.exists(target)) {
                Path dir = Files.createDirectories(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // a concurrent put of the same bytes won: same content, nothing to do
                }
                fsyncDirectory(dir);
            }
            return new PutResult.Stored(blob);
        } finally {
            Files.deleteIfExists(tmp); // gone already after a successful move
        }
    }

    /** The bytes of a blob; {@link NoSuchFileException} if absent. */
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    public OptionalLong size(String sha256) throws IOException {
        Path p = path(sha256);
        try {
            return OptionalLong.of(Files.size(p));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    /** Where the blob lives (whether or not it exists). Rejects anything that is not a SHA-256. */
    Path path(String sha256) {
        requireSha(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    private static void requireSha(String sha256) {
        // also what keeps "../" and friends out of file names
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
