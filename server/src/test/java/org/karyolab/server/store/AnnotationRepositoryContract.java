package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnotationRepositoryContract extends RepositoryContractBase {

    // --- create, get, current -----------------------------------------------------------------

    @Test
    void createAssignsIdRevisionAndTimestamps() {
        String image = newImage();
        Annotation draft = Fixtures.draft(image, "ana", 10);

        Annotation saved = saved(annotations.create(draft));

        assertThat(saved.id()).isNotBlank();
        assertThat(saved.imageId()).isEqualTo(image);
        assertThat(saved.revision()).isEqualTo(1);
        assertThat(saved.status()).isEqualTo(AnnotationStatus.DRAFT);
        assertThat(saved.createdAt()).isNotNull().isEqualTo(saved.updatedAt());
        assertThat(saved.shape()).isEqualTo(draft.shape());
        assertThat(saved.labels()).isEqualTo(draft.labels());
        assertThat(saved.provenance()).isEqualTo(draft.provenance());
        assertThat(saved.validate()).isEmpty();
        assertThat(annotations.get(saved.id())).contains(saved);
        assertThat(annotations.current(image)).containsExactly(saved);
        assertThat(annotations.history(saved.id())).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.kind()).isEqualTo(ChangeKind.CREATED);
            assertThat(r.changedBy()).isEqualTo("ana");
            assertThat(r.changedAt()).isEqualTo(saved.createdAt());
            assertThat(r.deleted()).isFalse();
            assertThat(r.revertedTo()).isEmpty();
            assertThat(r.annotation()).isEqualTo(saved);
        });
    }

    @Test
    void clientChosenIdsAreKeptAndCannotBeTakenTwice() {
        String image = newImage();
        String id = Fixtures.unique("client-id");
        Annotation draft = withId(Fixtures.draft(image, "ana", 10), id);

        Annotation first = saved(annotations.create(draft));
        SaveResult again = annotations.create(withId(Fixtures.draft(image, "bob", 99), id));

        assertThat(first.id()).isEqualTo(id);
        assertThat(again).isEqualTo(new SaveResult.Conflict(first));
        assertThat(annotations.history(id)).hasSize(1);
    }

    @Test
    void createOnUnknownImageIsNotFound() {
        assertThat(annotations.create(Fixtures.draft("no-such-image", "ana", 1)))
                .isEqualTo(new SaveResult.NotFound("no-such-image"));
    }

    @Test
    void currentListsOnlyThatImageOldestFirst() {
        String image = newImage(), other = newImage();
        Annotation a = saved(annotations.create(Fixtures.draft(image, "ana", 1)));
        Annotation b = saved(annotations.create(Fixtures.draft(image, "ana", 2)));
        Annotation elsewhere = saved(annotations.create(Fixtures.draft(other, "ana", 3)));

        assertThat(annotations.current(image)).containsExactly(a, b);
        assertThat(annotations.current(other)).containsExactly(elsewhere);
        assertThat(annotations.current("no-such-image")).isEmpty();
        String project = images.get(image).orElseThrow().projectId();
        assertThat(annotations.currentInProject(project)).containsExactly(a, b);
    }

    // --- update and conflicts -----------------------------------------------------------------

    @Test
    void updateWithTheCurrentRevisionSavesTheNextOne() {
        String image = newImage();
        Annotation v1 = saved(annotations.create(Fixtures.draft(image, "ana", 10)));
        Annotation edit = Fixtures.withLabels(Fixtures.moved(v1, "bob", 55),
                AnnotationLabels.ofClass(ChromosomeClass.C22, Polarity.P_DOWN), AnnotationStatus.SUBMITTED);

        Annotation v2 = saved(annotations.update(v1.id(), 1, edit));

        assertThat(v2.revision()).isEqualTo(2);
        assertThat(v2.id()).isEqualTo(v1.id());
        assertThat(v2.imageId()).isEqualTo(image);
        assertThat(v2.createdAt()).isEqualTo(v1.createdAt());
        assertThat(v2.updatedAt()).isAfterOrEqualTo(v1.updatedAt());
        assertThat(v2.shape()).isEqualTo(edit.shape());
        assertThat(v2.labels().chromosomeClass()).isEqualTo(ChromosomeClass.C22);
        assertThat(v2.status()).isEqualTo(AnnotationStatus.SUBMITTED);
        assertThat(annotations.get(v1.id())).contains(v2);
        assertThat(annotations.history(v1.id()))
                .extracting(Revision::revision, Revision::kind, Revision::changedBy, Revision::annotation)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, ChangeKind.CREATED, "ana", v1),
                        org.assertj.core.groups.Tuple.tuple(2L, ChangeKind.UPDATED, "bob", v2));
    }

    @Test
    void staleRevisionIsAConflictCarryingTheCurrentOne() {
        String image = newImage();
        Annotation v1 = saved(annotations.create(Fixtures.draft(image, "ana", 10)));
        Annotation v2 = saved(annotations.update(v1.id(), 1, Fixtures.moved(v1, "bob", 20)));

        SaveResult late = annotations.update(v1.id(), 1, Fixtures.moved(v1, "carol", 30));

        assertThat(late).isEqualTo(new SaveResult.Conflict(v2));
        assertThat(annotations.get(v1.id())).contains(v2);
        assertThat(annotations.history(v1.id())).hasSize(2);
        assertThat(annotations.update(v1.id(), 7, Fixtures.moved(v1, "carol", 30))).isInstanceOf(SaveResult.Conflict.class);
        assertThat(annotations.delete(v1.id(), 1, "carol")).isEqualTo(new SaveResult.Conflict(v2));
        assertThat(annotations.revert(v1.id(), 1, 1, "carol")).isEqualTo(new SaveResult.Conflict(v2));
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThat(annotations.update("nope", 1, Fixtures.draft(newImage(), "a", 1))).isEqualTo(new SaveResult.NotFound("nope"));
        assertThat(annotations.delete("nope", 1, "a")).isEqualTo(new SaveResult.NotFound("nope"));
        assertThat(annotations.revert("nope", 1, 1, "a")).isEqualTo(new SaveResult.NotFound("nope"));
        assertThat(annotations.get("nope")).isEmpty();
        assertThat(annotations.history("nope")).isEmpty();
    }

    // --- delete and revert --------------------------------------------------------------------

    @Test
    void deleteIsATombstoneRevision() {
        String image = newImage();
        Annotation v1 = saved(annotations.create(Fixtures.draft(image, "ana", 10)));
        Annotation kept = saved(annotations.create(Fixtures.draft(image, "ana", 11)));

        Annotation tombstone = saved(annotations.delete(v1.id(), 1, "bob"));

        assertThat(tombstone.revision()).isEqualTo(2);
        assertThat(tombstone.shape()).isEqualTo(v1.shape());
        assertThat(annotations.get(v1.id())).isEmpty();
        assertThat(annotations.current(image)).containsExactly(kept);
        assertThat(annotations.history(v1.id())).extracting(Revision::kind, Revision::deleted, Revision::changedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, false, "ana"),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.DELETED, true, "bob"));
        // a deleted annotation cannot be edited or deleted again, only reverted
        assertThat(annotations.update(v1.id(), 2, Fixtures.moved(v1, "carol", 1))).isEqualTo(new SaveResult.NotFound(v1.id()));
        assertThat(annotations.delete(v1.id(), 2, "carol")).isEqualTo(new SaveResult.NotFound(v1.id()));
        assertThatThrownBy(() -> annotations.delete(kept.id(), 1, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revertRestoresAnEarlierRevisionAsANewOne() {
        String image = newImage();
        Annotation v1 = saved(annotations.create(Fixtures.draft(image, "ana", 10)));
        Annotation v2 = saved(annotations.update(v1.id(), 1, Fixtures.withLabels(Fixtures.moved(v1, "bob", 20),
                AnnotationLabels.ofClass(ChromosomeClass.X, null), AnnotationStatus.SUBMITTED)));

        Annotation v3 = saved(annotations.revert(v1.id(), 1, 2, "carol"));

        assertThat(v3.revision()).isEqualTo(3);
        assertThat(v3.shape()).isEqualTo(v1.shape());
        assertThat(v3.labels()).isEqualTo(v1.labels());
        assertThat(v3.provenance()).isEqualTo(v1.provenance());
        assertThat(v3.status()).isEqualTo(v1.status());
        assertThat(v3.createdAt()).isEqualTo(v1.createdAt());
        assertThat(annotations.get(v1.id())).contains(v3);
        List<Revision> history = annotations.history(v1.id());
        assertThat(history).extracting(Revision::kind)
                .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.REVERTED);
        assertThat(history.get(2).revertedTo()).isEqualTo(OptionalLong.of(1));
        assertThat(history.get(2).changedBy()).isEqualTo("carol");
        assertThat(history.get(1).annotation()).isEqualTo(v2);
        assertThat(annotations.revert(v1.id(), 42, 3, "carol")).isEqualTo(new SaveResult.NotFound(v1.id()));
    }

    @Test
    void revertUndeletes() {
        String image = newImage();
        Annotation v1 = saved(annotations.create(Fixtures.draft(image, "ana", 10)));
        saved(annotations.delete(v1.id(), 1, "bob"));

        Annotation back = saved(annotations.revert(v1.id(), 1, 2, "carol"));

        assertThat(back.revision()).isEqualTo(3);
        assertThat(annotations.current(image)).containsExactly(back);
        assertThat(annotations.history(v1.id())).extracting(Revision::deleted).containsExactly(false, true, false);
    }

    // --- the history is append-only -----------------------------------------------------------

    @Test
    void historyRowsAreNeverChangedOrRemoved() throws Exception {
        String image = newImage();
        Annotation a = saved(annotations.create(Fixtures.draft(image, "ana", 1)));
        Annotation b = saved(annotations.create(Fixtures.draft(image, "ana", 2)));
        Map<String, String> before = revisionRows(image);

        saved(annotations.update(a.id(), 1, Fixtures.moved(a, "bob", 3)));
        annotations.update(a.id(), 1, Fixtures.moved(a, "late", 4));                 // conflict: writes nothing
        saved(annotations.delete(b.id(), 1, "bob"));
        saved(annotations.revert(b.id(), 1, 2, "carol"));
        annotations.saveBatch(image, List.of(new Change.Update(a.id(), 2, Fixtures.moved(a, "dan", 5)),
                new Change.Delete(b.id(), 1, "dan")));                                // rejected: writes nothing
        Map<String, String> after = revisionRows(image);

        assertThat(after).containsAllEntriesOf(before);   // every old row, byte for byte
        assertThat(after).hasSize(before.size() + 3);     // plus exactly one per successful save
    }

    // --- batches ------------------------------------------------------------------------------

    @Test
    void batchAppliesEverythingInOrder() {
        String image = newImage();
        Annotation a = saved(annotations.create(Fixtures.draft(image, "ana", 1)));
        Annotation b = saved(annotations.create(Fixtures.draft(image, "ana", 2)));

        BatchResult result = annotations.saveBatch(image, List.of(
                new Change.Create(Fixtures.draft(image, "bob", 3)),
                new Change.Update(a.id(), 1, Fixtures.moved(a, "bob", 4)),
                new Change.Update(a.id(), 2, Fixtures.moved(a, "bob", 5)),   // sees the previous change
                new Change.Delete(b.id(), 1, "bob")));

        assertThat(result).isInstanceOf(BatchResult.Applied.class);
        List<Annotation> saved = ((BatchResult.Applied) result).saved();
        assertThat(saved).extracting(Annotation::revision).containsExactly(1L, 2L, 3L, 2L);
        assertThat(annotations.current(image)).containsExactly(saved.get(2), saved.get(0));
    }

    @Test
    void aConflictInTheFifthChangeRollsBackTheFirstFour() throws Exception {
        String image = newImage();
        Annotation a = saved(annotations.create(Fixtures.draft(image, "ana", 1)));
        Annotation b = saved(annotations.create(Fixtures.draft(image, "ana", 2)));
        Annotation c = saved(annotations.create(Fixtures.draft(image, "ana", 3)));
        Annotation bNow = saved(annotations.update(b.id(), 1, Fixtures.moved(b, "eve", 9)));
        List<Annotation> currentBefore = annotations.current(image);
        Map<String, String> historyBefore = revisionRows(image);

        BatchResult result = annotations.saveBatch(image, List.of(
                new Change.Create(Fixtures.draft(image, "bob", 10)),
                new Change.Update(a.id(), 1, Fixtures.moved(a, "bob", 11)),
                new Change.Delete(c.id(), 1, "bob"),
                new Change.Update(a.id(), 2, Fixtures.moved(a, "bob", 12)),
                new Change.Update(b.id(), 1, Fixtures.moved(b, "bob", 13))));   // stale: b is at 2

        assertThat(result).isEqualTo(new BatchResult.Rejected(4, new SaveResult.Conflict(bNow)));
        assertThat(annotations.current(image)).isEqualTo(currentBefore);
        assertThat(revisionRows(image)).isEqualTo(historyBefore);
    }

    @Test
    void aBatchOnlyTouchesItsOwnImage() {
        String image = newImage(), other = newImage();
        Annotation elsewhere = saved(annotations.create(Fixtures.draft(other, "ana", 1)));

        BatchResult result = annotations.saveBatch(image, List.of(
                new Change.Create(Fixtures.draft(null, "bob", 2)),               // image implied by the batch
                new Change.Delete(elsewhere.id(), 1, "bob")));

        assertThat(result).isEqualTo(new BatchResult.Rejected(1, new SaveResult.NotFound(elsewhere.id())));
        assertThat(annotations.current(image)).isEmpty();
        assertThat(annotations.get(elsewhere.id())).contains(elsewhere);
        assertThat(annotations.saveBatch(image, List.of(new Change.Create(Fixtures.draft(other, "bob", 3)))))
                .isEqualTo(new BatchResult.Rejected(0, new SaveResult.NotFound(other)));
        assertThat(annotations.saveBatch(image, List.of())).isEqualTo(new BatchResult.Applied(List.of()));
    }

    @Test
    void timestampsNeverRunBackwardsWhenTheClockDoes() {
        String image = newImage();
        Instant ten = Instant.parse("2026-03-01T10:00:00.123456Z");
        AtomicReference<Instant> time = new AtomicReference<>(ten);
        var timed = new AnnotationRepository(db, new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return time.get(); }
        });
        Annotation v1 = saved(timed.create(Fixtures.draft(image, "ana", 1)));
        time.set(ten.minusSeconds(3600)); // NTP steps the clock back an hour

        Annotation v2 = saved(timed.update(v1.id(), 1, Fixtures.moved(v1, "bob", 2)));

        assertThat(v1.createdAt()).isEqualTo(ten);
        assertThat(v2.updatedAt()).isEqualTo(ten);
        assertThat(v2.validate()).isEmpty();
        assertThat(annotations.history(v1.id())).extracting(Revision::changedAt).containsExactly(ten, ten);
    }

    // --- data ---------------------------------------------------------------------------------

    @Test
    void unicodeAndLargeDocumentsRoundTrip() {
        String image = newImage();
        List<Point> ring = IntStream.range(0, 4000)
                .mapToObj(i -> new Point(500 + 300 * Math.cos(i * 2 * Math.PI / 4000), 400 + 300 * Math.sin(i * 2 * Math.PI / 4000)))
                .toList();
        Annotation draft = Fixtures.withLabels(
                Fixtures.draft(image, "Zoë Ångström 张伟 🧬", new Polygon(ring, List.of())),
                new AnnotationLabels(ChromosomeClass.C5, Polarity.P_UP, null, List.of(),
                        List.of("del(5)(q13q33) — «Verlust» 缺失 ✓", "e\u0301 vs é")),
                AnnotationStatus.DRAFT);

        Annotation saved = saved(annotations.create(draft));

        Annotation back = annotations.get(saved.id()).orElseThrow();
        assertThat(back).isEqualTo(saved);
        assertThat(back.provenance().author()).isEqualTo("Zoë Ångström 张伟 🧬");
        assertThat(back.labels().anomalies()).containsExactly("del(5)(q13q33) — «Verlust» 缺失 ✓", "e\u0301 vs é");
        assertThat(((Polygon) back.shape()).exterior()).isEqualTo(ring);
        assertThat(annotations.history(saved.id()).getFirst().changedBy()).isEqualTo("Zoë Ångström 张伟 🧬");
    }

    @Test
    void annotationsAndHistorySurviveReopening() {
        String image = newImage();
        Annotation v1 = saved(annotations.create(Fixtures.draft(image, "ana", 1)));
        Annotation v2 = saved(annotations.update(v1.id(), 1, Fixtures.moved(v1, "bob", 2)));
        List<Revision> history = annotations.history(v1.id());

        reopen();

        assertThat(annotations.get(v1.id())).contains(v2);
        assertThat(annotations.history(v1.id())).isEqualTo(history);
        assertThat(saved(annotations.update(v1.id(), 2, Fixtures.moved(v2, "carol", 3))).revision()).isEqualTo(3);
    }

    // --- helpers ------------------------------------------------------------------------------

    static Annotation saved(SaveResult result) {
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved) result).annotation();
    }

    static Annotation withId(Annotation a, String id) {
        return new Annotation(id, a.imageId(), a.shape(), a.labels(), a.provenance(), a.revision(), a.status(),
                a.createdAt(), a.updatedAt());
    }

    /** Every history row of an image's annotations, all columns, keyed by (id, revision). */
    Map<String, String> revisionRows(String imageId) throws Exception {
        return db.inTransaction(c -> {
            Map<String, String> rows = new TreeMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM annotation_revisions WHERE image_id = '" + imageId + "'")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= n; i++) values.add(String.valueOf(rs.getObject(i) instanceof java.sql.Clob clob
                            ? clob.getSubString(1, (int) clob.length()) : rs.getObject(i)));
                    rows.put(rs.getString("annotation_id") + "@" + rs.getLong("revision"), String.join("|", values));
                }
            }
            return rows;
        });
    }
}
