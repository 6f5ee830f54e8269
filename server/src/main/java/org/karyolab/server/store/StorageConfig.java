package org.karyolab.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server keeps its data.
 *
 * @param dataDirectory root of everything on disk: {@code db/} (H2 file mode) and {@code blobs/} (image bytes)
 * @param jdbcUrl       a PostgreSQL (or H2) JDBC URL; {@code null} means the embedded H2 file database
 *                      under {@code dataDirectory/db/karyolab}
 * @param user          database user, may be null for H2
 * @param password      database password, may be null
 */
public record StorageConfig(Path dataDirectory, String jdbcUrl, String user, String password) {

    public StorageConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /** The embedded H2 database under {@code dataDirectory}. */
    public static StorageConfig embedded(Path dataDirectory) {
        return new StorageConfig(dataDirectory, null, null, null);
    }

    public Path blobDirectory() {
        return dataDirectory.resolve("blobs");
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "StorageConfig[dataDirectory=" + dataDirectory + ", jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
