package org.karyolab.exports;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An image's encoded bytes (PNG, JPEG, TIFF...), read when asked: a reader hands out images without loading them. */
@FunctionalInterface
public interface ImageBytes {

    /**
     * The bytes, as the file holds them.
     *
     * @throws DatasetException when a reader finds them missing or not the image its record names (another sha256)
     */
    byte[] read() throws IOException;

    /** Bytes already in memory. */
    static ImageBytes of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return copy::clone;
    }

    /** The content hash an {@link org.karyolab.schema.ImageAsset} names its bytes by: 64 lowercase hex digits. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
