package org.karyolab.server.service;

import org.karyolab.server.store.LeaseRepository;
import org.karyolab.server.store.LeaseRepository.Lease;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What a work-queue lease means for writes (issue 10, item 19): while an image is leased to someone, only
 * they change its annotations, its labels, or submit it; anyone else is refused ({@link Outcome.Leased}, 423)
 * until the lease ends (released, expired, or the image submitted). A project owner or an admin may override
 * ({@code ?overrideLease=true}; the guard lets nobody else ask): the write goes ahead and a
 * {@value #OVERRIDE_ACTION} row, naming the holder, is written with it. Reviewing is not editing: review
 * decisions are not checked. Each write asks one indexed query ({@code held_image} is unique).
 */
public final class LeaseCheck {

    /** The audit action of a write that went past someone else's live lease. */
    public static final String OVERRIDE_ACTION = "lease.override";

    /** Who writes, and whether they override someone else's lease (only an owner or an admin may ask). */
    public record Writer(String username, boolean overrideLease) {
        public Writer {
            Objects.requireNonNull(username, "username");
        }

        /** A writer who overrides nothing. */
        public static Writer as(String username) {
            return new Writer(username, false);
        }
    }

    /** What the check came to. */
    public sealed interface Verdict {
        /** No live lease, the writer's own, or one the writer overrode: the write goes ahead. */
        record Proceed() implements Verdict {}

        /** {@code holder} has the image until {@code expiresAt}: nothing is written. */
        record Held(String imageId, String holder, Instant expiresAt) implements Verdict {}
    }

    private static final Verdict PROCEED = new Verdict.Proceed();

    private final LeaseRepository leases;
    private final Clock clock;

    public LeaseCheck(LeaseRepository leases, Clock clock) {
        this.leases = Objects.requireNonNull(leases);
        this.clock = Objects.requireNonNull(clock);
    }

    /** May {@code writer} write to the image now? */
    public Verdict onImage(String imageId, Writer writer) {
        return verdict(leases.liveOn(imageId, now()), writer);
    }

    /** May {@code writer} write to the image the annotation lies on now? (No such annotation: nothing is held.) */
    public Verdict onImageOf(String annotationId, Writer writer) {
        return verdict(leases.liveOnImageOf(annotationId, now()), writer);
    }

    private static Verdict verdict(Optional<Lease> live, Writer writer) {
        if (live.isEmpty() || live.get().holder().equals(writer.username())) return PROCEED;
        Lease lease = live.get();
        if (!writer.overrideLease()) return new Verdict.Held(lease.imageId(), lease.holder(), lease.expiresAt());
        // Written by the store in the save's own transaction (see WriteOrigin): no override without its row.
        WriteOrigin.alsoAudit(lease.projectId(), OVERRIDE_ACTION, "overrode " + lease.holder() + "'s lease " + lease.id()
                + " of image " + lease.imageId() + " (live until " + lease.expiresAt() + ")");
        return PROCEED;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
