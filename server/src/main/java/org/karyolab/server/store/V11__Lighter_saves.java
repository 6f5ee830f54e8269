package org.karyolab.server.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 11 (both databases): two foreign keys that every annotation save paid for and that guard nothing
 * the one writer of these tables does not already guarantee in the same transaction.
 * <ul>
 *   <li>{@code annotations_current.current_is_in_history (id, revision)}: on H2 an index of its own, rewritten at
 *       every save (the revision changes), plus a lookup into the history; the current row and the history row are
 *       written together by {@link AnnotationRepository} and the storage contract checks they agree.</li>
 *   <li>{@code annotation_revisions.image_id -> images}: on H2 an index on the history's {@code image_id} that no
 *       query reads, one more B-tree insert per save. The image of a history row is its annotation's, whose current
 *       row keeps its foreign key to the image; an annotation never changes image.</li>
 * </ul>
 * Java rather than SQL because the second key has no name of ours: H2 and PostgreSQL each named it themselves, so
 * it is found through the JDBC metadata. Named as Flyway names migrations (version 11). Figures: docs/BENCHMARKS.md (2026-12-08, "two foreign keys fewer").
 */
final class V11__Lighter_saves extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> imageKeys = new ArrayList<>();
        try (ResultSet keys = c.getMetaData().getImportedKeys(null, null, "annotation_revisions")) {
            while (keys.next()) {
                if ("images".equalsIgnoreCase(keys.getString("PKTABLE_NAME"))
                        && "image_id".equalsIgnoreCase(keys.getString("FKCOLUMN_NAME"))) {
                    imageKeys.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (imageKeys.size() != 1) {
            throw new SQLException("expected one foreign key from annotation_revisions.image_id to images, found " + imageKeys);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE annotations_current DROP CONSTRAINT current_is_in_history");
            s.execute("ALTER TABLE annotation_revisions DROP CONSTRAINT \"" + imageKeys.getFirst().replace("\"", "\"\"") + "\"");
        }
    }
}
