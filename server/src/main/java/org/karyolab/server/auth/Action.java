package org.karyolab.server.auth;

/** What a route does to a project; roles are granted actions, routes require them. */
public enum Action {
    /** Read the project, its images, annotations, suggestions, history. */
    VIEW,
    /** Create, change, delete annotations; take work from the queue; act on suggestions; submit. */
    ANNOTATE,
    /** Accept or reject annotations and images. */
    REVIEW,
    /** Change the project's settings and members; post suggestions as a model; read the audit log. */
    MANAGE
}
