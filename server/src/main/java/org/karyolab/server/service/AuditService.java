package org.karyolab.server.service;

import org.karyolab.schema.api.AuditEntry;
import org.karyolab.server.store.AuditRepository;

import java.time.Clock;
import java.util.List;

/** The per-project audit log: every accepted write, who, when, from where. */
public final class AuditService {

    /**
     * The action of an entry for an attempt that was refused for who made it (403, a failed sign-in):
     * "refused PUT", "refused sign-in". Everything else in the log happened.
     */
    public static final String REFUSED = "refused ";

    private final AuditRepository log;
    private final Clock clock;

    public AuditService(AuditRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(String projectId, String actor, String remote, String action, String target, String detail) {
        log.append(projectId, actor, remote, action, target, clock.instant(), detail);
    }

    /** What a write noted besides itself (a lease overridden) and no store wrote with it. */
    public void recordAlongside(WriteOrigin origin) {
        for (AuditRepository.Draft also : origin.alongside()) {
            record(also.projectId(), also.actor(), also.remote(), also.action(), also.target(), also.detail());
        }
    }

    public List<AuditEntry> entries(String projectId, Long beforeSeq, int limit) {
        return wire(log.ofProject(projectId, beforeSeq, Math.clamp(limit, 1, 1000)));
    }

    /** Entries outside any project: accounts, tokens, sign-ins (for admins). */
    public List<AuditEntry> serverEntries(Long beforeSeq, int limit) {
        return wire(log.outsideProjects(beforeSeq, Math.clamp(limit, 1, 1000)));
    }

    private static List<AuditEntry> wire(List<AuditRepository.Entry> entries) {
        return entries.stream().map(e -> new AuditEntry(e.seq(), e.projectId(), e.actor(), e.remote(), e.action(), e.target(),
                e.at(), e.detail())).toList();
    }
}
