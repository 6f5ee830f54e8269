package org.karyolab.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Supplier;

/** The few JDBC helpers the repositories share. */
final class Jdbc {
    private Jdbc() {}

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        // OffsetDateTime is the java.time type both drivers map to TIMESTAMP WITH TIME ZONE
        ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The same by position: on the writer's hot path, where H2 builds a map of the labels for every result read by label. */
    static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * SQL states after which the whole transaction may simply be run again: a unique key taken
     * by a concurrent insert (the retry then sees the row), serialization failure, deadlock,
     * and H2's "concurrent update" of a row.
     */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "90131");

    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Runs a whole transaction again (a few times) when it lost a race the database detected. */
    static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StoreException e) {
                if (attempt >= 5 || !isRetryable(e)) throw e;
            }
        }
    }
}
