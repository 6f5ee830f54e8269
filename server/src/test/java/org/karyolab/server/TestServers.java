package org.karyolab.server;

import org.karyolab.server.store.StorageConfig;
import org.karyolab.server.store.TestDatabase;
import org.karyolab.server.store.TestDatabases;

import java.nio.file.Path;

/**
 * Servers for API tests, on either database. API contract suites extend {@link ApiContractOnEachDatabase}
 * and run on both, like the storage suites ({@link org.karyolab.server.store.OnEachDatabase}).
 */
public enum TestServers {
    H2 {
        @Override
        StorageConfig storage(Path data) {
            return TestDatabases.h2(data);
        }
    },
    POSTGRES {
        @Override
        StorageConfig storage(Path data) {
            return TestDatabases.freshPostgres(data);
        }
    };

    abstract StorageConfig storage(Path data);

    /** The servers on {@code database}. */
    public static TestServers on(TestDatabase database) {
        return switch (database) {
            case H2 -> H2;
            case POSTGRES -> POSTGRES;
        };
    }

    /** A fresh server on a random loopback port with its own empty database. */
    public KaryoLabServer start(Path data) {
        return start(data, java.time.Clock.systemUTC());
    }

    /** As {@link #start(Path)}, with every service on {@code clock} (e.g. a {@link MovableClock}). */
    public KaryoLabServer start(Path data, java.time.Clock clock) {
        return KaryoLabServer.start(settings(data), clock);
    }

    /** The settings of such a server: loopback, a random port, its own empty database; the rest as configured by default. */
    public ServerSettings settings(Path data) {
        StorageConfig s = storage(data);
        return new ServerSettings("127.0.0.1", 0, data, s.jdbcUrl(), s.user(), s.password());
    }
}
