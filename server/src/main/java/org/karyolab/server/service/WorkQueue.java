package org.karyolab.server.service;

import org.karyolab.schema.Violation;
import org.karyolab.schema.api.Lease;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.LeaseRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands out images to label, one at a time per person and project, each to one person at a time,
 * under a lease that expires unless renewed. Order: priority (higher first), then upload order.
 * Images submitted or accepted are not handed out; rejected ones come back for rework.
 */
public final class WorkQueue {

    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(30);

    /** How many candidates to try per look; then look again (others may have taken them). */
    private static final int BATCH = 16;
    /** Bound on looks, so that a pathological race ends in "nothing for you now" rather than a spin. */
    private static final int MAX_LOOKS = 50;

    private final LeaseRepository leases;
    private final ImageRepository images;
    private final Clock clock;
    private final Duration leaseTime;

    public WorkQueue(LeaseRepository leases, ImageRepository images, Clock clock, Duration leaseTime) {
        if (leaseTime.isNegative() || leaseTime.isZero()) throw new IllegalArgumentException("lease time must be positive: " + leaseTime);
        this.leases = leases;
        this.images = images;
        this.clock = clock;
        this.leaseTime = leaseTime;
    }

    public Duration leaseTime() {
        return leaseTime;
    }

    /**
     * The caller's next image, leased to them; empty when nothing is left to hand out. A caller who
     * already holds a live lease in the project gets that one back, unchanged (renew extends it).
     */
    public Outcome<Optional<Lease>> next(String projectId, String holder) {
        for (int look = 0; look < MAX_LOOKS; look++) {
            Instant now = now();
            Optional<LeaseRepository.Lease> mine = leases.liveOf(projectId, holder, now);
            if (mine.isPresent()) return Outcome.done(mine.map(WorkQueue::wire));
            List<String> candidates = leases.candidates(projectId, now, BATCH);
            if (candidates.isEmpty()) return Outcome.done(Optional.empty());
            for (String imageId : candidates) {
                var claim = leases.claim(UUID.randomUUID().toString(), projectId, imageId, holder, now, now.plus(leaseTime));
                if (claim instanceof LeaseRepository.Claim.Claimed claimed) return Outcome.done(Optional.of(wire(claimed.lease())));
                // Lost: someone else took it, or this holder got one meanwhile (checked at the next look)
                if (leases.liveOf(projectId, holder, now).isPresent()) break;
            }
        }
        return Outcome.done(Optional.empty());
    }

    public Outcome<Lease> get(String leaseId) {
        return leases.get(leaseId, now()).<Outcome<Lease>>map(l -> Outcome.done(wire(l))).orElseGet(() -> Outcome.notFound("lease", leaseId));
    }

    /** The project a lease is in, for the access check. */
    public Optional<String> projectOf(String leaseId) {
        return leases.get(leaseId, now()).map(LeaseRepository.Lease::projectId);
    }

    /** Extends the holder's live lease by the lease time from now. An expired or released lease cannot be renewed. */
    public Outcome<Lease> renew(String leaseId, String holder) {
        Instant now = now();
        Optional<LeaseRepository.Lease> found = leases.get(leaseId, now);
        if (found.isEmpty()) return Outcome.notFound("lease", leaseId);
        if (!found.get().holder().equals(holder)) return notYours(found.get());
        if (!leases.renew(leaseId, now, now.plus(leaseTime))) {
            Lease lease = wire(leases.get(leaseId, now).orElseThrow());
            return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "lease-not-live", "lease '" + leaseId + "' is "
                    + lease.state().name().toLowerCase() + "; ask the queue for work again (POST /api/v1/projects/"
                    + lease.projectId() + "/queue/next)", lease);
        }
        return Outcome.done(wire(leases.get(leaseId, now).orElseThrow()));
    }

    /** Gives the image back to the queue. Releasing a lease that is no longer live changes nothing and is not an error. */
    public Outcome<Lease> release(String leaseId, String holder) {
        Instant now = now();
        Optional<LeaseRepository.Lease> found = leases.get(leaseId, now);
        if (found.isEmpty()) return Outcome.notFound("lease", leaseId);
        if (!found.get().holder().equals(holder)) return notYours(found.get());
        leases.release(leaseId, now);
        return Outcome.done(wire(leases.get(leaseId, now).orElseThrow()));
    }

    /** Sets how urgently an image should be labelled (higher first); the active-learning loop sets it. */
    public Outcome<Double> setPriority(String imageId, Double priority) {
        if (priority == null || !Double.isFinite(priority)) {
            return Outcome.invalid("priority must be a finite number", List.of(new Violation("/priority",
                    "priority is required, a number (higher is handed out first)")));
        }
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        leases.setPriority(imageId, priority, now());
        return Outcome.done(priority);
    }

    /** A stored lease as the API sends it. */
    static Lease wire(LeaseRepository.Lease l) {
        return new Lease(l.id(), l.imageId(), l.projectId(), l.holder(), l.grantedAt(), l.expiresAt(), l.releasedAt(),
                Lease.State.valueOf(l.state().name()));
    }

    private static <T> Outcome<T> notYours(LeaseRepository.Lease lease) {
        return new Outcome.Refused<>(Outcome.Refused.Why.NOT_FOR_THIS_CALLER, "not-your-lease", "lease '" + lease.id()
                + "' is held by " + lease.holder() + "; only the holder may renew or release it", null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
