package org.karyolab.server.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.schema.Stain;
import org.karyolab.schema.api.Lease;
import org.karyolab.server.MovableClock;
import org.karyolab.server.store.Database;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.LeaseRepository;
import org.karyolab.server.store.OnEachDatabase;
import org.karyolab.server.store.ProjectRepository;
import org.karyolab.server.store.StorageConfig;
import org.karyolab.server.store.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Lease expiry and renewal, with a clock the test moves instead of sleeping. */
@OnEachDatabase
class WorkQueueContract {

    @TempDir
    Path data;

    Database db;
    MovableClock clock = MovableClock.frozenAt(Instant.parse("2026-03-01T09:00:00Z"));
    ImageRepository images;
    LeaseRepository leases;
    WorkQueue queue;
    String project;

    @Parameter
    TestDatabase database;

    StorageConfig database(Path data) {
        return database.emptyDatabase(data);
    }

    @BeforeEach
    void open() {
        db = Database.open(database(data));
        images = new ImageRepository(db, clock);
        leases = new LeaseRepository(db);
        queue = new WorkQueue(leases, images, clock, Duration.ofMinutes(30));
        project = new ProjectRepository(db, clock).create(new Project("queue", "queue test", LabelSet.standard(), BandLevel.B550))
                .orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    String addImage(String id) {
        String sha = HexFormat.of().formatHex(id.repeat(32).substring(0, 32).getBytes());
        assertThat(images.add(project, new ImageAsset(id, sha, 200, 100, 8, ImageKind.METAPHASE, Stain.G, BandLevel.B550,
                "case-1", "test", "CC0-1.0"))).isEqualTo(ImageRepository.AddResult.ADDED);
        clock.advance(Duration.ofSeconds(1)); // a distinct upload time for each
        return id;
    }

    Optional<Lease> next(String who) {
        return ((Outcome.Done<Optional<Lease>>) queue.next(project, who)).value();
    }

    @Test
    void anExpiredLeaseReturnsTheImageToTheQueue() {
        String image = addImage("img-1");
        Lease ann = next("ann").orElseThrow();
        assertThat(ann.imageId()).isEqualTo(image);
        assertThat(ann.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(next("ben")).isEmpty();

        clock.advance(Duration.ofMinutes(29));
        assertThat(next("ben")).isEmpty();
        clock.advance(Duration.ofMinutes(1)); // exactly at expiry: no longer held
        Lease ben = next("ben").orElseThrow();
        assertThat(ben.imageId()).isEqualTo(image);
        assertThat(ben.id()).isNotEqualTo(ann.id());

        assertThat(((Outcome.Done<Lease>) queue.get(ann.id())).value().state()).isEqualTo(Lease.State.EXPIRED);
        var renew = queue.renew(ann.id(), "ann");
        assertThat(renew).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<Lease>) renew).problem()).isEqualTo("lease-not-live");
        assertThat(next("ann")).isEmpty(); // ben holds it now
    }

    @Test
    void renewingPushesTheExpiryBack() {
        addImage("img-1");
        Instant start = clock.instant();
        Lease lease = next("ann").orElseThrow();
        clock.advance(Duration.ofMinutes(20));
        Lease renewed = ((Outcome.Done<Lease>) queue.renew(lease.id(), "ann")).value();
        assertThat(renewed.expiresAt()).isEqualTo(start.plus(Duration.ofMinutes(50)));
        clock.advance(Duration.ofMinutes(25)); // past the first expiry, before the renewed one
        assertThat(next("ben")).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(next("ben")).isPresent();
    }

    @Test
    void aHolderGetsTheSameLeaseBackUntilItExpires() {
        addImage("img-1");
        addImage("img-2");
        Lease first = next("ann").orElseThrow();
        clock.advance(Duration.ofMinutes(10));
        assertThat(next("ann").orElseThrow().id()).isEqualTo(first.id());
        clock.advance(Duration.ofMinutes(21));
        Lease second = next("ann").orElseThrow();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.imageId()).isEqualTo(first.imageId()); // still the first in line
        assertThat(second.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void theLeaseTimeIsConfigurable() {
        addImage("img-1");
        WorkQueue shortLeases = new WorkQueue(leases, images, clock, Duration.ofMinutes(5));
        Lease lease = ((Outcome.Done<Optional<Lease>>) shortLeases.next(project, "ann")).value().orElseThrow();
        assertThat(Duration.between(lease.grantedAt(), lease.expiresAt())).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(next("ben")).isPresent();
    }

    @Test
    void priorityOutranksUploadOrderAndReleaseGivesBack() {
        addImage("img-1");
        addImage("img-2");
        assertThat(queue.setPriority("img-2", 0.5)).isInstanceOf(Outcome.Done.class);
        assertThat(queue.setPriority("img-x", 0.5)).isInstanceOf(Outcome.NotFound.class);
        Lease ann = next("ann").orElseThrow();
        assertThat(ann.imageId()).isEqualTo("img-2");
        assertThat(next("ben").orElseThrow().imageId()).isEqualTo("img-1");
        assertThat(queue.release(ann.id(), "ben")).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Done<Lease>) queue.release(ann.id(), "ann")).value().state()).isEqualTo(Lease.State.RELEASED);
        assertThat(next("cal").orElseThrow().imageId()).isEqualTo("img-2");
    }
}
