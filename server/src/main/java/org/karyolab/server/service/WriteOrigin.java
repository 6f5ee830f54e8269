package org.karyolab.server.service;

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
}
