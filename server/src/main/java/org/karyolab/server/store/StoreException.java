package org.karyolab.server.store;

/**
 * An unexpected storage failure (I/O error, broken database, bug). Expected outcomes such as a
 * revision conflict are never thrown: they are returned as values (see {@link SaveResult}).
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
