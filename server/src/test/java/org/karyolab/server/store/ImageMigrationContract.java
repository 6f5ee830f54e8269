package org.karyolab.server.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Split;
import org.karyolab.schema.Stain;
import org.karyolab.schema.json.SchemaJson;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V4 on a database that already has images: they get an upload order, the split 'unassigned', and
 * (at start-up) the filter columns from their documents; images added later come after them.
 */
@OnEachDatabase
class ImageMigrationContract {

    @TempDir
    Path data;

    @Parameter
    TestDatabase database;

    StorageConfig emptyDatabase(Path dataDirectory) {
        return database.emptyDatabase(dataDirectory);
    }

    static ImageAsset image(String id, ImageKind kind, String caseId) {
        // one digest per id: the same bytes twice in a project are one image
        return new ImageAsset(id, String.format("%064x", id.hashCode() & 0xffffffffL), 10, 10, 8, kind, Stain.G, null, caseId, null, null);
    }

    @Test
    void imagesFromBeforeV4AreListedFilteredAndKeepTheirOrder() throws Exception {
        StorageConfig config = emptyDatabase(data);
        String url = config.jdbcUrl() != null ? config.jdbcUrl() : Database.h2Url(config.dataDirectory());
        Flyway.configure().dataSource(url, config.user(), config.password()).locations("classpath:db/migration")
                .target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, config.user(), config.password())) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO projects (id, name, created_at, doc) VALUES ('p', 'p', ?, '{}')")) {
                ps.setObject(1, now);
                ps.executeUpdate();
            }
            for (ImageAsset old : List.of(image("old-1", ImageKind.METAPHASE, "c1"), image("old-2", ImageKind.CLUSTER, "c2"))) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO images (id, project_id, sha256, added_at, doc) VALUES (?, 'p', ?, ?, ?)")) {
                    ps.setString(1, old.id());
                    ps.setString(2, old.sha256());
                    ps.setObject(3, now);
                    ps.setString(4, SchemaJson.write(old));
                    ps.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) c.commit();
        }

        try (Database db = Database.open(config)) { // migrates to the latest version
            ImageRepository images = new ImageRepository(db);
            assertThat(images.fillIndexColumns()).isEqualTo(2);
            assertThat(images.fillIndexColumns()).isZero();
            images.add("p", image("new-1", ImageKind.CLUSTER, "c1"));

            List<ImageRepository.ListedImage> all = images.page("p", ImageRepository.Filter.NONE, null, 10);
            assertThat(all).extracting(l -> l.image().id()).containsExactlyInAnyOrder("old-1", "old-2", "new-1");
            assertThat(all.getLast().image().id()).isEqualTo("new-1");
            assertThat(all).extracting(ImageRepository.ListedImage::split).containsOnly(Split.UNASSIGNED);
            assertThat(all).extracting(ImageRepository.ListedImage::uploadSeq).doesNotHaveDuplicates().isSorted();
            assertThat(images.page("p", new ImageRepository.Filter(ImageKind.CLUSTER, null, null, null), null, 10))
                    .extracting(l -> l.image().id()).containsExactly("old-2", "new-1");
            assertThat(images.page("p", new ImageRepository.Filter(null, null, "c1", null), null, 10))
                    .extracting(l -> l.image().id()).containsExactly("old-1", "new-1");
        }
    }
}
