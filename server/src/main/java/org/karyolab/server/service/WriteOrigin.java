package org.karyolab.server.service;

import org.karyolab.server.store.AuditRepository;
import org.karyolab.server.store.AuditTrail;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who is writing and from where, for the audit log, bound for the length of one request (by the
 * HTTP layer, or by anything else that writes on someone's behalf). A service that writes the audit
 * entry inside its own transaction marks it {@link #audited()}, so it is not written twice.
 */
public record WriteOrigin(String actor, String remote, String action, String target, AtomicBoolean audited) {

    public static final ScopedValue<WriteOrigin> CURRENT = ScopedValue.newInstance();

    public WriteOrigin(String actor, String remote, String action, String target) {
        this(actor, remote, action, target, new AtomicBoolean());
    }

    /** The store's view of the origin bound to this thread: its audit entry, written with the save. */
    public static final AuditTrail TRAIL = new AuditTrail() {
        @Override
        public Optional<AuditRepository.Draft> current() {
            return CURRENT.isBound()
                    ? Optional.of(new AuditRepository.Draft(null, CURRENT.get().actor(), CURRENT.get().remote(),
                            CURRENT.get().action(), CURRENT.get().target(), null))
                    : Optional.empty();
        }

        @Override
        public void written() {
            if (CURRENT.isBound()) CURRENT.get().audited().set(true);
        }
    };
}
