package org.karyolab.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Who a write is made for, so that a repository can append its audit row inside the write's own
 * transaction: the log then holds a committed write exactly when the write committed (a crash
 * between two commits once left revisions with no audit row). Asked on the writer's own thread,
 * before the transaction starts (the H2 group-commit writer is another thread).
 */
public interface AuditTrail {

    /** Nobody to record (maintenance, tests, the CLI). */
    AuditTrail NONE = new AuditTrail() {
        @Override
        public Optional<AuditRepository.Draft> current() {
            return Optional.empty();
        }

        @Override
        public void written() {
        }
    };

    /** The entry of the write being made now, without its project and detail (the repository knows those). */
    Optional<AuditRepository.Draft> current();

    /**
     * Entries about the same write that are not the write itself, each complete (project, action, detail): a
     * lease the writer overrode, say. Written with the write's own entry, in its transaction; asked as {@link #current}.
     */
    default List<AuditRepository.Draft> alongside() {
        return List.of();
    }

    /** The entry committed with the write: nobody else need write it. */
    void written();
}
