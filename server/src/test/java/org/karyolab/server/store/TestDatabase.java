package org.karyolab.server.store;

import java.nio.file.Path;

/**
 * The databases every contract suite runs on, in the order they run: H2 first, then PostgreSQL. The
 * launcher's test counts rely on that order: Surefire names a run of a suite {@code Suite[1]} or
 * {@code Suite[2]} by its place here, not by its display name.
 */
public enum TestDatabase {
    H2("H2", Dialect.H2) {
        @Override
        public StorageConfig emptyDatabase(Path dataDirectory) {
            return TestDatabases.h2(dataDirectory);
        }
    },
    POSTGRES("PostgreSQL", Dialect.POSTGRESQL) {
        @Override
        public StorageConfig emptyDatabase(Path dataDirectory) {
            return TestDatabases.freshPostgres(dataDirectory);
        }
    };

    private final String label;
    private final Dialect dialect;

    TestDatabase(String label, Dialect dialect) {
        this.label = label;
        this.dialect = dialect;
    }

    /** A configuration pointing at a new, empty database of this kind. */
    public abstract StorageConfig emptyDatabase(Path dataDirectory);

    public Dialect dialect() {
        return dialect;
    }

    /** The name a run is shown under ("on PostgreSQL"). */
    @Override
    public String toString() {
        return label;
    }
}
