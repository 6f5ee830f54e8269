package org.karyolab.server.service;

import org.karyolab.server.store.AuditRepository;
import org.karyolab.server.store.AuditTrail;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who is writing and from where, for the audit log, bound for the length of one request (by the
 * HTTP layer, or by anything else that writes on someone's behalf). A service that writes the audit
 * entry inside its own transaction marks it {@link #audited()}, so it is not written twice.
 * {@code clientId} is the writing program's own id ({@code X-Client-Id}; null if it sent none): the
 * events the write causes carry it, so a client can tell its own writes from the same user's made
 * from another client or a script. {@code alongside} are further entries the write makes (a lease it
 * overrode), written with its own.
 */
public record WriteOrigin(String actor, String remote, String action, String target, String clientId,
                          AtomicBoolean audited, List<AuditRepository.Draft> alongside) {

    public static final ScopedValue<WriteOrigin> CURRENT = ScopedValue.newInstance();

    public WriteOrigin(String actor, String remote, String action, String target, String clientId) {
        this(actor, remote, action, target, clientId, new AtomicBoolean(), new CopyOnWriteArrayList<>());
    }

    /** The client id of the write being served on this thread, or null. */
    public static String currentClientId() {
        return CURRENT.isBound() ? CURRENT.get().clientId() : null;
    }

    /**
     * Notes an entry of this origin's actor, remote and target, with its own project, action and detail, to be
     * written with the write being served on this thread (by the store, in the write's transaction). Without a
     * bound origin nobody is recorded, as for the write itself ({@link AuditTrail#NONE}).
     */
    public static void alsoAudit(String projectId, String action, String detail) {
        if (!CURRENT.isBound()) return;
        WriteOrigin o = CURRENT.get();
        o.alongside().add(new AuditRepository.Draft(projectId, o.actor(), o.remote(), action, o.target(), detail));
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
        public List<AuditRepository.Draft> alongside() {
            return CURRENT.isBound() ? List.copyOf(CURRENT.get().alongside()) : List.of();
        }

        @Override
        public void written() {
            if (!CURRENT.isBound()) return;
            CURRENT.get().audited().set(true);
            CURRENT.get().alongside().clear(); // written with it: not again by a later save of the same request
        }
    };
}
