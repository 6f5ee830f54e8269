package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ImageLabels;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, item 18: an annotation's audit row commits in the same transaction as its revision, so a
 * committed revision never lacks its row (a crash between two commits once left 18 without one), and
 * a row that cannot be written takes the save with it. Image labels likewise (issue 10, item 19).
 */
class AuditTrailContract extends RepositoryContractBase {

    /** A trail with a fixed entry (and entries alongside it); counts how often the repository reports it written. */
    private static final class FixedTrail implements AuditTrail {
        final AuditRepository.Draft entry;
        final List<AuditRepository.Draft> alongside;
        final AtomicInteger written = new AtomicInteger();

        FixedTrail(String action) {
            this(action, List.of());
        }

        FixedTrail(String action, List<AuditRepository.Draft> alongside) {
            entry = new AuditRepository.Draft(null, "ann", "127.0.0.1:1", action, "/test", null);
            this.alongside = alongside;
        }

        @Override
        public Optional<AuditRepository.Draft> current() {
            return Optional.of(entry);
        }

        @Override
        public List<AuditRepository.Draft> alongside() {
            return alongside;
        }

        @Override
        public void written() {
            written.incrementAndGet();
        }
    }

    private long rows(String sql) throws Exception {
        try (var c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSingleSaveAndABatchWriteTheirAuditRowInTheirOwnTransaction() throws Exception {
        String image = newImage();
        FixedTrail trail = new FixedTrail("POST");
        var audited = new AnnotationRepository(db, java.time.Clock.systemUTC(), trail);
        Annotation a = ((SaveResult.Saved) audited.create(Fixtures.draft(image, "ann", 10))).annotation();
        audited.saveBatch(image, List.of(new Change.Update(a.id(), 1, Fixtures.moved(a, "ann", 11)),
                new Change.Create(Fixtures.draft(image, "ann", 50))));

        assertThat(trail.written).hasValue(2);
        String project = images.projectOf(image).orElseThrow();
        List<AuditRepository.Entry> log = new AuditRepository(db).ofProject(project, null, 10);
        assertThat(log).hasSize(2);
        assertThat(log.get(1).detail()).isEqualTo(a.id() + "@1");
        assertThat(log.get(0).detail()).startsWith(a.id() + "@2, ");
        assertThat(log).allSatisfy(e -> assertThat(e.actor()).isEqualTo("ann"));
    }

    /**
     * Issue 10, item 19: what a write notes besides itself (a lease it overrode) commits with it, annotations and
     * image labels alike, and not at all when the write does not (a stale revision).
     */
    @Test
    void entriesAlongsideAWriteCommitWithItAndOnlyWithIt() throws Exception {
        String image = newImage();
        String project = images.projectOf(image).orElseThrow();
        var note = new AuditRepository.Draft(project, "olga", "127.0.0.1:1", "lease.override", "/test", "overrode ann's lease");
        FixedTrail trail = new FixedTrail("PUT", List.of(note));
        var annotations = new AnnotationRepository(db, java.time.Clock.systemUTC(), trail);
        var labels = new ImageLabelRepository(db, java.time.Clock.systemUTC(), trail);

        Annotation a = ((SaveResult.Saved) annotations.create(Fixtures.draft(image, "olga", 10))).annotation();
        annotations.saveBatch(image, List.of(new Change.Update(a.id(), 1, Fixtures.moved(a, "olga", 11))));
        assertThat(labels.set(image, ImageLabels.EMPTY, 0, "olga")).isInstanceOf(ImageLabelRepository.SetResult.Saved.class);
        // stale: nothing written, so nothing alongside either
        assertThat(annotations.update(a.id(), 1, Fixtures.moved(a, "olga", 12))).isInstanceOf(SaveResult.Conflict.class);
        assertThat(labels.set(image, ImageLabels.EMPTY, 0, "olga")).isInstanceOf(ImageLabelRepository.SetResult.Stale.class);

        List<AuditRepository.Entry> log = new AuditRepository(db).ofProject(project, null, 20);
        assertThat(log).extracting(AuditRepository.Entry::action)
                .containsExactly("lease.override", "PUT", "lease.override", "PUT", "lease.override", "PUT");
        assertThat(log.getFirst().detail()).isEqualTo("overrode ann's lease");
        assertThat(log.get(1).detail()).as("the labels' own row, with the revision saved").isEqualTo("labels@1");
        for (int i = 0; i < log.size(); i += 2) assertThat(log.get(i).at()).isEqualTo(log.get(i + 1).at());
        assertThat(trail.written).hasValue(3);
    }

    @Test
    void anImageLabelSaveWhoseAuditRowFailsIsNotCommitted() throws Exception {
        String image = newImage();
        var labels = new ImageLabelRepository(db, java.time.Clock.systemUTC(), new FixedTrail("x".repeat(65)));
        assertThatThrownBy(() -> labels.set(image, ImageLabels.EMPTY, 0, "ann")).isInstanceOf(RuntimeException.class);
        assertThat(rows("SELECT COUNT(*) FROM image_label_revisions WHERE image_id = '" + image + "'"))
                .as("no labels without their audit row").isZero();
    }

    @Test
    void aSaveWhoseAuditRowFailsIsNotCommitted() throws Exception {
        String image = newImage();
        long before = rows("SELECT COUNT(*) FROM annotation_revisions");
        FixedTrail broken = new FixedTrail("x".repeat(65)); // over audit_log.action's VARCHAR(64)
        var audited = new AnnotationRepository(db, java.time.Clock.systemUTC(), broken);
        assertThatThrownBy(() -> audited.create(Fixtures.draft(image, "ann", 10))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> audited.saveBatch(image, List.of(new Change.Create(Fixtures.draft(image, "ann", 20)))))
                .isInstanceOf(RuntimeException.class);
        assertThat(rows("SELECT COUNT(*) FROM annotation_revisions")).as("no revision without its audit row").isEqualTo(before);
        assertThat(broken.written).hasValue(0);
    }
}
