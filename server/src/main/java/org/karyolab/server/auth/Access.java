package org.karyolab.server.auth;

/** The answer to "may this caller do this in this project?". */
public sealed interface Access {

    record Granted(Caller caller, Role role) implements Access {}

    /** No or an invalid token: 401. */
    record Unauthenticated() implements Access {}

    /** Known caller, but not allowed: 403. */
    record Forbidden(Caller caller, String reason) implements Access {}

    /** The project (or the thing that names it) does not exist: 404. */
    record NoSuchProject(String what, String id) implements Access {}
}
