package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;

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
 * a row that cannot be written takes the save with it.
 */
abstract class AuditTrailContract extends RepositoryContractBase {

    /** A trail with a fixed entry; counts how often the repository reports it written. */
    private static final class FixedTrail implements AuditTrail {
        final AuditRepository.Draft entry;
        final AtomicInteger written = new AtomicInteger();

        FixedTrail(String action) {
            entry = new AuditRepository.Draft(null, "ann", "127.0.0.1:1", action, "/test", null);
        }

        @Override
        public Optional<AuditRepository.Draft> current() {
            return Optional.of(entry);
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
