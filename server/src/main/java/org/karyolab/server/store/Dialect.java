package org.karyolab.server.store;

/** The two databases the one set of migrations and SQL statements is written for. */
public enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported JDBC URL (H2 or PostgreSQL only): " + jdbcUrl);
    }
}
