package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link Database} promises, whichever database is behind it. */
@OnEachDatabase
class DatabaseContract {

    @TempDir
    Path dir;

    @Parameter
    TestDatabase database;

    /** A configuration pointing at a new, empty database. */
    StorageConfig emptyDatabase(Path dataDirectory) {
        return database.emptyDatabase(dataDirectory);
    }

    Dialect expectedDialect() {
        return database.dialect();
    }

    @Test
    void migratesAnEmptyDatabase() throws SQLException {
        try (Database db = Database.open(emptyDatabase(dir))) {
            assertThat(db.dialect()).isEqualTo(expectedDialect());
            assertThat(db.isReachable()).isTrue();
            assertThat(tables(db)).contains("projects", "images", "annotation_revisions", "annotations_current");
            // every migration on the classpath applied, successfully, in order, starting with ours
            assertThat(appliedMigrations(db)).startsWith("1:true").allMatch(m -> m.endsWith(":true"))
                    .hasSize(migrationsOnClasspath("/db/migration") + Database.JAVA_MIGRATIONS.size() + (expectedDialect() == Dialect.H2
                            ? migrationsOnClasspath("/db/h2") : 0));
        }
    }

    /**
     * Migration 11: a save writes no index but its own. The history keeps its primary key and the reviews' keys
     * into it; the current row keeps its keys to the image and the project.
     */
    @Test
    void aSaveMaintainsNoForeignKeyIndexOfTheHistoryNorOfTheCurrentRowsRevision() throws SQLException {
        try (Database db = Database.open(emptyDatabase(dir))) {
            assertThat(importedKeys(db, "annotation_revisions")).isEmpty();
            assertThat(importedKeys(db, "annotations_current")).containsExactlyInAnyOrder("images(image_id)", "projects(project_id)");
            assertThat(importedKeys(db, "reviews")).contains("annotation_revisions(annotation_id,revision)",
                    "annotation_revisions(annotation_id,reviewed_revision)");
        }
    }

    /** The foreign keys of {@code table}, each as "referenced_table(its columns)". */
    private static List<String> importedKeys(Database db, String table) {
        return db.inTransaction(c -> {
            var columns = new java.util.TreeMap<String, List<String>>();
            var target = new java.util.HashMap<String, String>();
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, table)) {
                while (rs.next()) {
                    String key = rs.getString("FK_NAME");
                    target.put(key, rs.getString("PKTABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    columns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString("FKCOLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return columns.entrySet().stream().map(e -> target.get(e.getKey()) + "(" + String.join(",", e.getValue()) + ")").toList();
        });
    }

    @Test
    void reopeningIsIdempotent() throws SQLException {
        StorageConfig config = emptyDatabase(dir);
        List<String> applied;
        try (Database db = Database.open(config)) {
            applied = appliedMigrations(db);
            db.inTransaction(c -> execute(c, "INSERT INTO projects (id, name, created_at, doc) VALUES ('p1', 'kept', CURRENT_TIMESTAMP, '{}')"));
        }
        try (Database again = Database.open(config)) {
            assertThat(appliedMigrations(again)).isEqualTo(applied);
            assertThat(again.<Long>inTransaction(c -> count(c, "SELECT COUNT(*) FROM projects WHERE name = 'kept'"))).isEqualTo(1);
        }
        try (Database third = Database.open(config)) {
            assertThat(appliedMigrations(third)).isEqualTo(applied);
        }
    }

    @Test
    void inTransactionCommitsOrRollsBack() {
        try (Database db = Database.open(emptyDatabase(dir))) {
            db.inTransaction(c -> execute(c, "INSERT INTO projects (id, name, created_at, doc) VALUES ('a', 'committed', CURRENT_TIMESTAMP, '{}')"));

            assertThatThrownBy(() -> db.inTransaction(c -> {
                execute(c, "INSERT INTO projects (id, name, created_at, doc) VALUES ('b', 'thrown', CURRENT_TIMESTAMP, '{}')");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

            String refused = db.inTransaction(c -> {
                execute(c, "INSERT INTO projects (id, name, created_at, doc) VALUES ('c', 'refused', CURRENT_TIMESTAMP, '{}')");
                return "refused";
            }, result -> false);
            assertThat(refused).isEqualTo("refused");

            assertThatThrownBy(() -> db.inTransaction(c -> execute(c, "INSERT INTO no_such_table VALUES (1)")))
                    .isInstanceOf(StoreException.class);

            assertThat(db.<Long>inTransaction(c -> count(c, "SELECT COUNT(*) FROM projects"))).isEqualTo(1);
        }
    }

    /** 24 concurrent writers: each one's own outcome, whatever the others did in the same commit. */
    @Test
    void inGroupCommitKeepsEachWritersOwnOutcome() throws Exception {
        try (Database db = Database.open(emptyDatabase(dir));
             var writers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                outcomes.add(writers.submit(() -> db.inGroupCommit(c -> {
                    execute(c, "INSERT INTO projects (id, name, created_at, doc) VALUES ('p" + n + "', 'n" + n + "', CURRENT_TIMESTAMP, '{}')");
                    if (n % 3 == 1) throw new IllegalStateException("writer " + n + " failed");
                    return n % 3 == 2 ? "refused " + n : "kept " + n;
                }, result -> result.startsWith("kept"))));
            }
            for (int i = 0; i < 24; i++) {
                int n = i;
                if (n % 3 == 1) {
                    assertThatThrownBy(() -> outcomes.get(n).get()).hasCauseInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("writer " + n + " failed");
                } else {
                    assertThat(outcomes.get(n).get()).isEqualTo((n % 3 == 2 ? "refused " : "kept ") + n);
                }
            }
            List<String> stored = db.inTransaction(c -> {
                List<String> ids = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM projects ORDER BY id")) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            });
            assertThat(stored).containsExactlyInAnyOrder("p0", "p3", "p6", "p9", "p12", "p15", "p18", "p21");
        }
    }

    @Test
    void unicodeSurvivesTheDriver() {
        String text = "Chromosom 9q34.1 — 染色体 · хромосома · 🧬 · e\u0301";
        try (Database db = Database.open(emptyDatabase(dir))) {
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("INSERT INTO projects (id, name, created_at, doc) VALUES ('u', ?, CURRENT_TIMESTAMP, ?)")) {
                    ps.setString(1, text);
                    ps.setString(2, text);
                    return ps.executeUpdate();
                }
            });
            String back = db.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT name, doc FROM projects WHERE id = 'u'")) {
                    rs.next();
                    assertThat(rs.getString(2)).isEqualTo(text);
                    return rs.getString(1);
                }
            });
            assertThat(back).isEqualTo(text);
        }
    }

    static int execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> tables(Database db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    /** V*.sql files under db/migration (the test classpath sees them as a directory). */
    /** Migrations in one folder of the classpath; the H2-only ones ({@code /db/h2}) have versions like 10_1. */
    private static int migrationsOnClasspath(String folder) {
        try (var files = java.nio.file.Files.list(Path.of(DatabaseContract.class.getResource(folder).toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+(_\\d+)?__.*\\.sql")).count();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> appliedMigrations(Database db) {
        return db.inTransaction(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) rows.add(rs.getString(1) + ":" + rs.getBoolean(2));
            }
            return rows;
        });
    }
}
