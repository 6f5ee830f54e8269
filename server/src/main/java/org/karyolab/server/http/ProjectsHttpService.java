package org.karyolab.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.Project;
import org.karyolab.server.service.ProjectService;

/** {@code /api/v1/projects}: annotation projects. */
public final class ProjectsHttpService implements HttpService {

    private final ProjectService projects;

    public ProjectsHttpService(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{projectId}", this::get);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Http.json(res, Status.OK_200, projects.list());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Http.body(req, res, Project.class).ifPresent(project ->
                Http.send(res, projects.create(project), Status.CREATED_201));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Http.send(res, projects.get(req.path().pathParameters().get("projectId")), Status.OK_200);
    }
}
