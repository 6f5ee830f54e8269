package org.karyolab.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A pooled connection to the KaryoLab database (H2 file or PostgreSQL), migrated to the latest
 * schema on open.
 */
public final class Database implements AutoCloseable {

    /**
     * H2 settings, each for a reason:
     * <ul>
     *   <li>{@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}: one set of
     *       migrations and SQL for both databases.</li>
     *   <li>{@code WRITE_DELAY=0}: H2's MVStore then writes the store to the file at every commit,
     *       before the commit returns (otherwise up to 500 ms of acknowledged commits live only in
     *       the JVM's memory and die with {@code kill -9}). H2 does not fsync per commit: a process
     *       crash loses nothing acknowledged, an OS crash or power cut may; use PostgreSQL for that.</li>
     *   <li>{@code FILE_LOCK=FS}: an OS lock on the database file, so a second process cannot open
     *       it, and the lock dies with its process (no stale lock file to wait out after kill -9).</li>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: closing is our job ({@link #close()}), not a shutdown hook
     *       racing with the pool.</li>
     *   <li>{@code LOCK_TIMEOUT=10000}: writers queue on a contended row instead of failing after 1 s.</li>
     *   <li>{@code CACHE_SIZE} (added by {@link #h2Url}, {@link #h2CacheKb}): H2's page cache. Its default, 16 MB, is
     *       small beside a history of revisions: the writer kept re-reading and decoding pages of the history's key
     *       it was about to insert into (19 % of its allocation).</li>
     * </ul>
     */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    /**
     * One write lock per H2 database URL in this JVM (see {@link #serializingWrites}). Fair: writers go
     * in arrival order; barging starved some (the JDBC floor's p99: docs/BENCHMARKS.md, "Server API").
     */
    private static final ConcurrentHashMap<String, ReentrantLock> H2_WRITE_LOCKS = new ConcurrentHashMap<>();

    /** Migrations written in Java (beside the SQL ones in db/migration), for both databases, in version order. */
    static final List<JavaMigration> JAVA_MIGRATIONS = List.of(new V11__Lighter_saves());

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Path dataDirectory;
    private final ReentrantLock writeLock; // null for PostgreSQL
    private final GroupCommit groupCommit; // null for PostgreSQL

    private Database(HikariDataSource pool, Dialect dialect, Path dataDirectory, String url) {
        this.pool = pool;
        this.dialect = dialect;
        this.dataDirectory = dataDirectory;
        this.writeLock = dialect == Dialect.H2 ? H2_WRITE_LOCKS.computeIfAbsent(url, u -> new ReentrantLock(true)) : null;
        this.groupCommit = writeLock == null ? null : new GroupCommit(pool, writeLock, "karyolab-h2-writer");
    }

    /** Opens the pool and applies any pending migrations. */
    public static Database open(StorageConfig config) {
        String url = config.jdbcUrl() != null ? config.jdbcUrl() : h2Url(config.dataDirectory());
        Dialect dialect = Dialect.ofJdbcUrl(url);
        if (config.jdbcUrl() == null) {
            try {
                Files.createDirectories(config.dataDirectory().resolve("db"));
            } catch (IOException e) {
                throw new StoreException("cannot create " + config.dataDirectory().resolve("db"), e);
            }
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("karyolab-store");
        hikari.setJdbcUrl(url);
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(10);
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(false); // every unit of work goes through inTransaction
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari); // connects once: fails here if the database is unreachable or in use
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + redacted(url) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    // db/h2: settings only H2 has (e.g. V10_1, the audit sequence's cache); the schema is db/migration
                    .locations(dialect == Dialect.H2
                            ? new String[] {"classpath:db/migration", "classpath:db/h2"}
                            : new String[] {"classpath:db/migration"})
                    .failOnMissingLocations(true)
                    .javaMigrations(JAVA_MIGRATIONS.toArray(JavaMigration[]::new))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("database migration failed for " + redacted(url) + ": " + rootMessage(e), e);
        }
        return new Database(pool, dialect, config.dataDirectory(), url);
    }

    /** JDBC URLs may carry a password parameter; messages must not. */
    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage();
    }

    static String h2Url(Path dataDirectory) {
        // "async:" = H2's AsynchronousFileChannel file system: a thread interrupted during a write
        // (cancelled request, shutdownNow) does not close the channel, and the database, for all.
        return "jdbc:h2:async:" + dataDirectory.toAbsolutePath().resolve("db").resolve("karyolab") + H2_SETTINGS
                + ";CACHE_SIZE=" + h2CacheKb(Runtime.getRuntime().maxMemory());
    }

    /** H2's page cache in KB: an eighth of the heap, at least H2's default of 16 MB and at most 256 MB. */
    static long h2CacheKb(long maxHeapBytes) {
        long eighth = maxHeapBytes / 8 / 1024;
        return Math.clamp(eighth, 16L * 1024, 256L * 1024);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** For code that needs plain JDBC (tests, maintenance); prefer {@link #inTransaction}. */
    public DataSource dataSource() {
        return pool;
    }

    /** For a readiness check: can a connection be had and is it alive (within 2 s)? */
    public boolean isReachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** One unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction: commits if it returns, rolls back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        return inTransaction(work, result -> true);
    }

    /**
     * Runs {@code work} in a transaction and commits only if {@code commitIf} accepts its result;
     * otherwise rolls back and still returns the result. This is how an expected failure (a
     * conflict in the middle of a batch) undoes the work before it without an exception.
     */
    public <T> T inTransaction(Work<T> work, Predicate<? super T> commitIf) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                if (commitIf.test(result)) c.commit();
                else c.rollback();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Runs a compare-and-set write. On PostgreSQL it just runs: row locks and READ COMMITTED
     * re-checks make concurrent writers safe. On H2 the writes of this JVM (the only process that
     * can open the file) take turns: under contention H2 can hand a writer that waited for a row
     * lock the row as it was before the other writer's commit, which turns into a wrong conflict
     * or a retry storm (both seen under stress before this lock).
     * Reads never wait for this lock.
     */
    public <T> T serializingWrites(Supplier<T> write) {
        if (writeLock == null) return write.get();
        writeLock.lock();
        try {
            return write.get();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A compare-and-set write in its own transaction, as {@code serializingWrites(() ->
     * inTransaction(work, commitIf))} would run it, except that on H2 the writes waiting for the
     * lock at the same moment share one commit ({@link GroupCommit}): each still commits or rolls
     * back on its own, and returns only once it is committed. {@code work} may run more than once.
     * On PostgreSQL this is just {@link #inTransaction(Work, Predicate)} (it groups commits itself).
     */
    public <T> T inGroupCommit(Work<T> work, Predicate<? super T> commitIf) {
        return groupCommit == null ? inTransaction(work, commitIf) : groupCommit.run(work, commitIf);
    }

    /** Writers queued for the next group commit on H2 (0 on PostgreSQL): for tests that line writers up. */
    int groupCommitQueued() {
        return groupCommit == null ? 0 : groupCommit.queued();
    }

    @Override
    public void close() {
        if (groupCommit != null) groupCommit.close();
        pool.close(); // H2 closes (and compacts) the file when its last connection closes
    }
}
