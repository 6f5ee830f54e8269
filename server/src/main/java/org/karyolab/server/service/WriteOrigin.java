package org.karyolab.server.service;

import org.karyolab.server.store.AuditRepository;
import org.karyolab.server.store.AuditTrail;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who is writing and from where, for the audit log, bound for the length of one request (by the
 * HTTP layer, or by anything else that writes on someone's behalf). A service that writes the audit
 * entry inside its own transaction marks it {@link #audited()}, so it is not written twice.
 * {@code clientId} is the writing program's own id ({@code X-Client-Id}; null if it sent none): the
 * events the write causes carry it, so a client can tell its own writes from the same user's made
 * from another client or a script.
 */
public record WriteOrigin(String actor, String remote, String action, String target, String clientId,
                          AtomicBoolean audited) {

    public static final ScopedValue<WriteOrigin> CURRENT = ScopedValue.newInstance();

    public WriteOrigin(String actor, String remote, String action, String target, String clientId) {
        this(actor, remote, action, target, clientId, new AtomicBoolean());
    }

    /** The client id of the write being served on this thread, or null. */
    public static String currentClientId() {
        return CURRENT.isBound() ? CURRENT.get().clientId() : null;
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
