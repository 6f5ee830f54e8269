package org.karyolab.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.PriorityRequest;
import org.karyolab.schema.api.Problem;
import org.karyolab.server.auth.Access;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.WorkQueue;
import org.karyolab.schema.api.ImagePriority;
import org.karyolab.schema.api.Lease;

import java.util.List;
import java.util.Optional;

/**
 * The work queue: {@code POST /api/v1/projects/{projectId}/queue/next} (ANNOTATE; 200 with a lease, or
 * 204 when nothing is left), {@code GET|POST /api/v1/leases/{leaseId}[/renew|/release]} (ANNOTATE, holder only),
 * {@code PUT /api/v1/images/{imageId}/priority} (MANAGE).
 */
public final class QueueHttpService implements HttpService {

    private final WorkQueue queue;
    private final Guard guard;

    public QueueHttpService(WorkQueue queue, Guard guard) {
        this.queue = queue;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.post("/projects/{projectId}/queue/next", this::next)
                .get("/leases/{leaseId}", this::get)
                .post("/leases/{leaseId}/renew", this::renew)
                .post("/leases/{leaseId}/release", this::release)
                .put("/images/{imageId}/priority", this::priority);
    }

    private void next(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        guard.project(req, res, projectId, Action.ANNOTATE).ifPresent(g -> {
            Outcome<Optional<Lease>> next = queue.next(projectId, g.caller().username());
            if (next instanceof Outcome.Done<Optional<Lease>> done && done.value().isEmpty()) {
                res.status(Status.NO_CONTENT_204).send(); // nothing left to label
                return;
            }
            Http.send(res, next.map(Optional::orElseThrow), Status.OK_200);
        });
    }

    private void get(ServerRequest req, ServerResponse res) {
        String leaseId = req.path().pathParameters().get("leaseId");
        lease(req, res, leaseId).ifPresent(g -> Http.send(res, queue.get(leaseId), Status.OK_200));
    }

    private void renew(ServerRequest req, ServerResponse res) {
        String leaseId = req.path().pathParameters().get("leaseId");
        lease(req, res, leaseId).ifPresent(g -> Http.send(res, queue.renew(leaseId, g.caller().username()), Status.OK_200));
    }

    private void release(ServerRequest req, ServerResponse res) {
        String leaseId = req.path().pathParameters().get("leaseId");
        lease(req, res, leaseId).ifPresent(g -> Http.send(res, queue.release(leaseId, g.caller().username()), Status.OK_200));
    }

    private void priority(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.MANAGE).ifPresent(g ->
                Http.body(req, res, PriorityRequest.class).ifPresent(body ->
                        Http.send(res, queue.setPriority(imageId, body.priority())
                                .map(p -> new ImagePriority(imageId, p)), Status.OK_200)));
    }

    /** The guard for a lease: signed in, the lease exists, and the caller may annotate in its project. */
    private Optional<Access.Granted> lease(ServerRequest req, ServerResponse res, String leaseId) {
        if (guard.caller(req, res).isEmpty()) return Optional.empty();
        Optional<String> project = queue.projectOf(leaseId);
        if (project.isEmpty()) {
            Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found", "no lease with id '" + leaseId + "'", List.of());
            return Optional.empty();
        }
        return guard.project(req, res, project.get(), Action.ANNOTATE);
    }
}
