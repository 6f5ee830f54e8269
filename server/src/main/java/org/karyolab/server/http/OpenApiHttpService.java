package org.karyolab.server.http;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /openapi}: the API contract, YAML by default, JSON for {@code Accept: application/json}.
 * Public: it asks the guard nothing.
 */
public final class OpenApiHttpService implements HttpService {

    static final MediaType YAML = MediaTypes.create("application/yaml");

    private final OpenApiDocument document;

    public OpenApiHttpService(OpenApiDocument document) {
        this.document = document;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get);
    }

    private void get(ServerRequest req, ServerResponse res) {
        boolean json = req.headers().bestAccepted(YAML, MediaTypes.APPLICATION_JSON)
                .filter(MediaTypes.APPLICATION_JSON::equals).isPresent();
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, json ? Http.JSON : YAML.text());
        res.header(HeaderNames.VARY, "Accept");
        res.send(json ? document.json() : document.yaml());
    }
}
