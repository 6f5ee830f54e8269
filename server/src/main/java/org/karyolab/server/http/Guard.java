package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Violation;
import org.karyolab.server.auth.Access;
import org.karyolab.server.auth.AccessService;
import org.karyolab.server.auth.Action;
import org.karyolab.server.auth.Caller;
import org.karyolab.server.auth.Role;
import org.karyolab.server.service.AnnotationService;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.LeaseCheck;

import java.util.List;
import java.util.Optional;

/**
 * Every route asks the guard first. The guard answers the refusal itself (401, 403 or 404 as
 * problem+json) and returns empty, so a route reads: {@code guard.project(req, res, id, VIEW).ifPresent(...)}.
 */
public final class Guard {

    /** What the auth filter learnt of a request, kept in its context for the guard and the audit log. */
    static final class RequestScope {
        final Caller caller;
        volatile String projectId;

        RequestScope(Caller caller) {
            this.caller = caller;
        }
    }

    private final AccessService access;
    private final ImageService images;
    private final AnnotationService annotations;

    public Guard(AccessService access, ImageService images, AnnotationService annotations) {
        this.access = access;
        this.images = images;
        this.annotations = annotations;
    }

    /** Any signed-in caller. */
    public Optional<Caller> caller(ServerRequest req, ServerResponse res) {
        Caller caller = scope(req).caller;
        if (caller == null) unauthenticated(res);
        return Optional.ofNullable(caller);
    }

    /** A signed-in admin. */
    public Optional<Caller> admin(ServerRequest req, ServerResponse res) {
        return caller(req, res).filter(c -> {
            if (!c.admin()) {
                Http.problem(res, Status.FORBIDDEN_403, Problem.FORBIDDEN, "Forbidden", "only an admin may do this", List.of());
            }
            return c.admin();
        });
    }

    public Optional<Access.Granted> project(ServerRequest req, ServerResponse res, String projectId, Action action) {
        RequestScope scope = scope(req);
        Access decision = access.check(scope.caller, projectId, action);
        if (decision instanceof Access.Granted granted) {
            scope.projectId = projectId;
            return Optional.of(granted);
        }
        // A refused attempt goes to the log of the project it was aimed at (which exists: else NoSuchProject).
        if (decision instanceof Access.Forbidden) scope.projectId = projectId;
        refuse(res, decision);
        return Optional.empty();
    }

    public Optional<Access.Granted> image(ServerRequest req, ServerResponse res, String imageId, Action action) {
        if (scope(req).caller == null) {
            unauthenticated(res);
            return Optional.empty();
        }
        Optional<String> project = images.projectOf(imageId);
        if (project.isEmpty()) {
            refuse(res, new Access.NoSuchProject("image", imageId));
            return Optional.empty();
        }
        return project(req, res, project.get(), action);
    }

    public Optional<Access.Granted> annotation(ServerRequest req, ServerResponse res, String annotationId, Action action) {
        if (scope(req).caller == null) {
            unauthenticated(res);
            return Optional.empty();
        }
        Optional<String> image = annotations.imageOf(annotationId);
        if (image.isEmpty()) {
            refuse(res, new Access.NoSuchProject("annotation", annotationId));
            return Optional.empty();
        }
        return image(req, res, image.get(), action);
    }

    /**
     * {@link #image} for a write a lease applies to ({@link LeaseCheck}): the caller as its writer, overriding
     * someone else's lease if they ask ({@code ?overrideLease=true}) and may.
     */
    public Optional<LeaseCheck.Writer> imageWriter(ServerRequest req, ServerResponse res, String imageId) {
        return image(req, res, imageId, Action.ANNOTATE).flatMap(g -> writer(req, res, g));
    }

    /** {@link #annotation} for a write a lease applies to, as {@link #imageWriter}. */
    public Optional<LeaseCheck.Writer> annotationWriter(ServerRequest req, ServerResponse res, String annotationId) {
        return annotation(req, res, annotationId, Action.ANNOTATE).flatMap(g -> writer(req, res, g));
    }

    /**
     * Only a project owner or an admin may override a lease. Anyone else who asks is refused (403) whether or not
     * the image is leased: the request asks for a power they lack. {@code overrideLease} is true or false (400 else).
     */
    private static Optional<LeaseCheck.Writer> writer(ServerRequest req, ServerResponse res, Access.Granted granted) {
        String asked = req.query().first(OVERRIDE_LEASE).asOptional().orElse("false");
        if (!asked.equals("true") && !asked.equals("false")) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad overrideLease", OVERRIDE_LEASE
                    + " is true or false, was '" + asked + "'", List.of(new Violation("/" + OVERRIDE_LEASE, "true or false")));
            return Optional.empty();
        }
        boolean override = asked.equals("true");
        if (override && !granted.caller().admin() && granted.role() != Role.OWNER) {
            Http.problem(res, Status.FORBIDDEN_403, Problem.FORBIDDEN, "Forbidden", "only a project owner or an admin may "
                    + "override a lease (" + OVERRIDE_LEASE + "=true); leave it out, and wait for the lease to end or ask "
                    + "its holder to release it", List.of());
            return Optional.empty();
        }
        return Optional.of(new LeaseCheck.Writer(granted.caller().username(), override));
    }

    /** The query parameter of a write that goes past someone else's lease. */
    static final String OVERRIDE_LEASE = "overrideLease";

    static RequestScope scope(ServerRequest req) {
        return req.context().get(RequestScope.class).orElseGet(() -> new RequestScope(null));
    }

    private static void unauthenticated(ServerResponse res) {
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"karyolab\"");
        Http.problem(res, Status.UNAUTHORIZED_401, Problem.UNAUTHENTICATED, "Sign in first",
                "send Authorization: Bearer <token>; get a token from POST /api/v1/auth/login", List.of());
    }

    private static void refuse(ServerResponse res, Access decision) {
        switch (decision) {
            case Access.Unauthenticated u -> unauthenticated(res);
            case Access.Forbidden f -> Http.problem(res, Status.FORBIDDEN_403, Problem.FORBIDDEN, "Forbidden", f.reason(), List.of());
            case Access.NoSuchProject n -> Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found",
                    "no " + n.what() + " with id '" + n.id() + "'", List.of());
            case Access.Granted g -> throw new IllegalArgumentException("not a refusal");
        }
    }
}
