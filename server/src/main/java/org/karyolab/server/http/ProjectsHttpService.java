package org.karyolab.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.MemberRequest;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Project;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.server.auth.AccessService;
import org.karyolab.server.auth.Action;
import org.karyolab.server.auth.AuthService;
import org.karyolab.server.auth.Role;
import org.karyolab.server.service.AuditService;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.ProjectService;

import java.util.HashSet;
import java.util.List;

/** {@code /api/v1/projects}: annotation projects, their members and their audit log. */
public final class ProjectsHttpService implements HttpService {

    private final ProjectService projects;
    private final AccessService access;
    private final AuthService auth;
    private final AuditService audit;
    private final Guard guard;

    public ProjectsHttpService(ProjectService projects, AccessService access, AuthService auth, AuditService audit, Guard guard) {
        this.projects = projects;
        this.access = access;
        this.auth = auth;
        this.audit = audit;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/projects", this::list)
                .post("/projects", this::create)
                .get("/projects/{projectId}", this::get)
                .put("/projects/{projectId}", this::update)
                .delete("/projects/{projectId}", this::delete)
                .get("/projects/{projectId}/members", this::members)
                .put("/projects/{projectId}/members/{username}", this::putMember)
                .delete("/projects/{projectId}/members/{username}", this::removeMember)
                .post("/projects/{projectId}/leave", this::leave)
                .get("/projects/{projectId}/audit", this::audit);
    }

    /** The projects the caller can see: all for an admin, else those they are a member of. */
    private void list(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> {
            var visible = new HashSet<>(access.visibleProjects(caller));
            List<ProjectInfo> all = projects.list();
            Http.json(res, Status.OK_200, caller.admin() ? all : all.stream().filter(p -> visible.contains(p.id())).toList());
        });
    }

    /** A signed-in user starts a project (if the server lets them: karyolab.projects.creators); they become its owner. */
    private void create(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(caller -> Http.body(req, res, Project.class).ifPresent(project -> {
            Outcome<ProjectInfo> created = projects.create(project, caller.admin());
            if (created instanceof Outcome.Done<ProjectInfo>(ProjectInfo p)) {
                access.setRole(p.id(), caller.userId(), Role.OWNER);
                Guard.scope(req).projectId = p.id();
            }
            Http.send(res, created, Status.CREATED_201);
        }));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        guard.project(req, res, id, Action.VIEW).ifPresent(g -> Http.send(res, projects.get(id), Status.OK_200));
    }

    private void update(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        guard.project(req, res, id, Action.MANAGE).ifPresent(g -> Http.body(req, res, Project.class).ifPresent(project ->
                Http.send(res, projects.update(id, project), Status.OK_200)));
    }

    /**
     * Deletes the project with its images (MANAGE): soft, see ProjectRepository#delete; 204. Audited in
     * the server's log (GET /api/v1/audit): the project's own log can no longer be reached.
     */
    private void delete(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        guard.project(req, res, id, Action.MANAGE).ifPresent(g -> {
            Outcome<String> deleted = projects.delete(id, g.caller().username());
            Guard.scope(req).projectId = null;
            Http.sendNoContent(res, deleted);
        });
    }

    private void members(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        guard.project(req, res, id, Action.VIEW).ifPresent(g -> Http.json(res, Status.OK_200, access.members(id)));
    }

    private void putMember(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        String username = req.path().pathParameters().get("username");
        guard.project(req, res, id, Action.MANAGE).ifPresent(g -> Http.body(req, res, MemberRequest.class).ifPresent(m -> {
            var user = auth.user(username);
            Role role;
            try {
                role = m.role() == null ? null : Role.parse(m.role());
            } catch (IllegalArgumentException e) {
                role = null;
            }
            if (role == null) {
                Http.problem(res, Status.UNPROCESSABLE_CONTENT_422, Problem.VALIDATION, "Invalid content", "unknown role",
                        List.of(new Violation("/role", "role must be owner, annotator, reviewer or viewer")));
            } else if (user.isEmpty()) {
                Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found", "no user named '" + username + "'", List.of());
            } else if (access.setRole(id, user.get().id(), role) == AccessService.MemberChange.LAST_OWNER) {
                lastOwner(res, username);
            } else {
                Http.json(res, Status.OK_200, access.members(id));
            }
        }));
    }

    private void removeMember(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        String username = req.path().pathParameters().get("username");
        guard.project(req, res, id, Action.MANAGE).ifPresent(g -> remove(res, id, username));
    }

    /** {@code POST /{projectId}/leave}: any member ends their own membership (not the last owner). */
    private void leave(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        guard.project(req, res, id, Action.VIEW).ifPresent(g -> remove(res, id, g.caller().username()));
    }

    private void remove(ServerResponse res, String projectId, String username) {
        var user = auth.user(username);
        var change = user.isEmpty() ? AccessService.MemberChange.NOT_A_MEMBER : access.removeMember(projectId, user.get().id());
        switch (change) {
            case DONE -> res.status(Status.NO_CONTENT_204).send();
            case LAST_OWNER -> lastOwner(res, username);
            case NOT_A_MEMBER -> Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found",
                    "'" + username + "' is not a member", List.of());
        }
    }

    private static void lastOwner(ServerResponse res, String username) {
        Http.send(res, new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "last-owner", username
                + " is the last owner of this project; make someone else an owner first", null), Status.OK_200);
    }

    private void audit(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("projectId");
        guard.project(req, res, id, Action.MANAGE).ifPresent(g -> auditPage(req, res).ifPresent(page ->
                Http.json(res, Status.OK_200, audit.entries(id, page.before(), page.limit()))));
    }

    /** Which page of an audit log: {@code ?before=<seq>&limit=1..1000} (default 100). */
    record AuditPage(Long before, int limit) {}

    /** The page asked for, or empty with a 400 sent. */
    static java.util.Optional<AuditPage> auditPage(ServerRequest req, ServerResponse res) {
        String before = req.query().first("before").orElse(null);
        String limit = req.query().first("limit").orElse("100");
        if ((before != null && !before.matches("[0-9]{1,18}")) || !limit.matches("[1-9][0-9]{0,2}|1000")) {
            Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad query",
                    "limit must be 1..1000 and before a sequence number from an earlier page", List.of());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AuditPage(before == null ? null : Long.parseLong(before), Integer.parseInt(limit)));
    }
}
