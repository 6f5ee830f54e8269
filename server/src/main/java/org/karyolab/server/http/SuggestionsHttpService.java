package org.karyolab.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.RejectRequest;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.SuggestionEdit;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.auth.Access;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.LeaseCheck;
import org.karyolab.server.service.Outcome;
import org.karyolab.schema.api.SuggestionInput;
import org.karyolab.server.service.SuggestionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Model suggestions: {@code /api/v1/images/{imageId}/suggestions} (post as a model: MANAGE; list: VIEW),
 * {@code /api/v1/suggestions/{id}/accept|reject} (ANNOTATE), {@code /api/v1/projects/{projectId}/models} (VIEW).
 */
public final class SuggestionsHttpService implements HttpService {

    private final SuggestionService suggestions;
    private final Guard guard;

    public SuggestionsHttpService(SuggestionService suggestions, Guard guard) {
        this.suggestions = suggestions;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/images/{imageId}/suggestions", this::list)
                .post("/images/{imageId}/suggestions", this::post)
                .get("/suggestions/{suggestionId}", this::get)
                .post("/suggestions/{suggestionId}/accept", this::accept)
                .post("/suggestions/{suggestionId}/reject", this::reject)
                .get("/projects/{projectId}/models", this::models);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        Optional<String> state = req.query().first("state").asOptional();
        guard.image(req, res, imageId, Action.VIEW).ifPresent(g -> {
            if (state.isPresent() && !state.get().equals("all") && !state.get().equals("open")) {
                Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Unknown state filter",
                        "state must be 'open' (the default) or 'all'; got '" + state.get() + "'",
                        List.of(new Violation("/state", "expected open or all")));
                return;
            }
            Http.send(res, suggestions.list(imageId, state.filter("all"::equals).isPresent()), Status.OK_200);
        });
    }

    /** One suggestion (an object) or several (an array); answers in kind. 201 if any was new, else 200. */
    private void post(ServerRequest req, ServerResponse res) {
        String imageId = req.path().pathParameters().get("imageId");
        guard.image(req, res, imageId, Action.MANAGE).ifPresent(g -> {
            Optional<String> body = JsonBody.text(req, res, JsonBody.Limits.DEFAULT);
            if (body.isEmpty()) return;
            String text = body.get();
            JsonNode tree;
            try {
                tree = text.isBlank() ? null : SchemaJson.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                tree = null;
            }
            if (tree == null || !(tree.isObject() || tree.isArray())) {
                Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed request body",
                        "send one suggestion as a JSON object or several as an array of them", List.of(new Violation("",
                                "expected {\"shape\": ..., \"labels\": ..., \"confidence\": 0.9, \"modelId\": ..., \"modelVersion\": ...}")));
                return;
            }
            boolean many = tree.isArray();
            List<SuggestionInput> inputs = new ArrayList<>();
            List<Violation> violations = new ArrayList<>();
            List<JsonNode> items = new ArrayList<>();
            if (many) tree.forEach(items::add);
            else items.add(tree);
            for (int i = 0; i < items.size(); i++) {
                switch (SchemaJson.readStructure(items.get(i).toString(), SuggestionInput.class)) {
                    case Decoded.Ok<SuggestionInput> ok -> inputs.add(ok.value());
                    case Decoded.Invalid<SuggestionInput> bad -> violations.addAll(many ? Validation.prefix("/" + i, bad.violations()) : bad.violations());
                }
            }
            if (!violations.isEmpty()) {
                Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed request body",
                        "not a valid suggestion" + (many ? " list" : ""), violations);
                return;
            }
            Outcome<List<SuggestionService.Posted>> outcome = suggestions.post(imageId, inputs, g.caller().username());
            boolean created = outcome instanceof Outcome.Done<List<SuggestionService.Posted>> done
                    && done.value().stream().anyMatch(SuggestionService.Posted::created);
            Status status = created ? Status.CREATED_201 : Status.OK_200;
            Http.send(res, outcome.map(posted -> many
                    ? posted.stream().map(SuggestionService.Posted::suggestion).toList()
                    : posted.getFirst().suggestion()), status);
        });
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("suggestionId");
        suggestion(req, res, id, Action.VIEW).ifPresent(g -> Http.send(res, suggestions.get(id), Status.OK_200));
    }

    /** No body: accept as is. A body {@code {"shape": ..., "labels": ...}}: accept with these edits. */
    private void accept(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("suggestionId");
        acceptor(req, res, id).ifPresent(w -> {
            Optional<String> body = JsonBody.text(req, res, JsonBody.Limits.DEFAULT);
            if (body.isEmpty()) return;
            String text = body.get();
            SuggestionEdit edit = null;
            if (!text.isBlank()) {
                switch (SchemaJson.readStructure(text, SuggestionEdit.class)) {
                    case Decoded.Ok<SuggestionEdit> ok -> edit = ok.value();
                    case Decoded.Invalid<SuggestionEdit> bad -> {
                        Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed request body",
                                "an edit is {\"shape\": ..., \"labels\": ...} (either may be left out); send no body to accept as is",
                                bad.violations());
                        return;
                    }
                }
            }
            Http.send(res, suggestions.accept(id, edit, w), Status.OK_200,
                    accepted -> res.header(HeaderNames.ETAG, Http.etag(accepted.annotation().revision())));
        });
    }

    /** Optional body {@code {"reason": "..."}}. */
    private void reject(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("suggestionId");
        suggestion(req, res, id, Action.ANNOTATE).ifPresent(g -> {
            Optional<String> body = JsonBody.text(req, res, JsonBody.Limits.DEFAULT);
            if (body.isEmpty()) return;
            String text = body.get();
            String reason = null;
            if (!text.isBlank()) {
                switch (SchemaJson.readStructure(text, RejectRequest.class)) {
                    case Decoded.Ok<RejectRequest> ok -> reason = ok.value().reason();
                    case Decoded.Invalid<RejectRequest> bad -> {
                        Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed request body",
                                "a reject takes no body or {\"reason\": \"...\"}", bad.violations());
                        return;
                    }
                }
            }
            Http.send(res, suggestions.reject(id, reason, g.caller().username()), Status.OK_200);
        });
    }

    private void models(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        guard.project(req, res, projectId, Action.VIEW).ifPresent(g -> Http.send(res, suggestions.models(projectId), Status.OK_200));
    }

    /** The guard for a suggestion: signed in, the suggestion exists, and the action is allowed on its image. */
    private Optional<Access.Granted> suggestion(ServerRequest req, ServerResponse res, String id, Action action) {
        return imageOf(req, res, id).flatMap(image -> guard.image(req, res, image, action));
    }

    /** As {@link #suggestion} for an accept, which writes an annotation: its writer, as far as the image's lease goes. */
    private Optional<LeaseCheck.Writer> acceptor(ServerRequest req, ServerResponse res, String id) {
        return imageOf(req, res, id).flatMap(image -> guard.imageWriter(req, res, image));
    }

    /** The image of a suggestion a signed-in caller names; 401 or 404 answered, and empty, otherwise. */
    private Optional<String> imageOf(ServerRequest req, ServerResponse res, String id) {
        if (guard.caller(req, res).isEmpty()) return Optional.empty();
        Optional<String> image = suggestions.imageOf(id);
        if (image.isEmpty()) {
            Http.problem(res, Status.NOT_FOUND_404, Problem.NOT_FOUND, "Not found", "no suggestion with id '" + id + "'", List.of());
        }
        return image;
    }
}
