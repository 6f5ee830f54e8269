package org.karyolab.server.service;

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
}
