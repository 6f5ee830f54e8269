package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.TestApi;
import org.karyolab.server.TestServers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document ({@code GET /openapi}, source {@code server/src/main/resources/openapi/openapi.yaml})
 * against the server: it documents exactly the routes the server registers, with their path parameters,
 * their refusals, their JSON bodies; it is a well-formed OpenAPI 3.1 document; and real answers have the
 * statuses and bodies it documents. About the document, so H2 only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    /** Routes outside {@code Services.register} (Helidon's observe feature): not in the inventory. */
    static final List<String> OBSERVE_ROUTES = List.of("GET /observe/health", "GET /observe/metrics");

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final String DOC_URI = "https://karyolab.test/openapi.json";

    @TempDir
    static Path data;

    KaryoLabServer server;
    TestApi admin;
    JsonNode doc;
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        server = TestServers.H2.start(data);
        admin = TestApi.admin(server);
        TestApi.Response served = admin.anonymous().get("/openapi");
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        doc = yaml(served.body());

        String project = admin.createProject("openapi");
        String image = admin.uploadPng(project, 64, 64);
        ids.put("projectId", project);
        ids.put("imageId", image);
        ids.put("id", admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 9, 9, "1", "x")).json().get("id").asText());
        ids.put("suggestionId", admin.post("/api/v1/images/" + image + "/suggestions", """
                {"shape": {"type": "box", "x": 1, "y": 1, "width": 9, "height": 9}, "confidence": 0.5,
                 "modelId": "m", "modelVersion": "1"}""").json().get("id").asText());
        ids.put("leaseId", admin.post("/api/v1/projects/" + project + "/queue/next", "").json().get("id").asText());
        ids.put("tokenId", admin.post("/api/v1/auth/tokens", "{\"name\": \"probe\"}").json().get("id").asText());
        admin.newUser("someone");
        ids.put("username", "someone");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    // --- (a) served, as YAML and as JSON ---------------------------------------------------------

    @Test
    void isServedPubliclyAsYamlAndAsJson() {
        TestApi anonymous = admin.anonymous();
        TestApi.Response yaml = anonymous.get("/openapi");
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        TestApi.Response json = anonymous.request("GET", "/openapi", null, "Accept", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json()).as("the JSON is the same document as the YAML").isEqualTo(doc);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    }

    // --- (b) every route, and nothing else -------------------------------------------------------

    @Test
    void documentsEveryRouteAndNoOther() {
        Set<String> routes = routes();
        Set<String> documented = new TreeSet<>(operations().keySet());
        List<String> wrong = new ArrayList<>();
        routes.stream().filter(r -> !documented.contains(r)).forEach(r -> wrong.add("not documented in openapi.yaml: " + r));
        documented.stream().filter(d -> !routes.contains(d)).forEach(d -> wrong.add("documented, but the server has no such route: " + d));
        assertThat(wrong).isEmpty();
        assertThat(documented).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void theObserveRoutesListedByHandExist() {
        for (String route : OBSERVE_ROUTES) {
            TestApi.Response r = admin.anonymous().get(route.substring("GET ".length()));
            assertThat(r.status()).as(route).isEqualTo(200);
        }
    }

    // --- (c) path parameters ---------------------------------------------------------------------

    @Test
    void pathParametersAreExactlyThoseOfTheRoute() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, op) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(path);
            while (m.find()) inTemplate.add(m.group(1));
            Set<String> declared = new TreeSet<>();
            for (JsonNode p : parameters(path, op)) {
                if (!p.path("in").asText().equals("path")) continue;
                if (!declared.add(p.path("name").asText())) wrong.add(route + ": path parameter " + p.path("name") + " declared twice");
                if (!p.path("required").asBoolean()) wrong.add(route + ": path parameter " + p.path("name") + " is not required: true");
            }
            if (!declared.equals(inTemplate)) wrong.add(route + ": declares path parameters " + declared + ", the path has " + inTemplate);
        });
        assertThat(wrong).isEmpty();
    }

    // --- (d) refusals ----------------------------------------------------------------------------

    @Test
    void everyProtectedOperationDocumentsItsRefusals() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, op) -> {
            AuthorizationMatrixContract.Needs needs = OBSERVE_ROUTES.contains(route)
                    ? AuthorizationMatrixContract.PUBLIC : AuthorizationMatrixContract.RULES.get(route);
            if (needs == null) return; // not a route: documentsEveryRouteAndNoOther says so
            boolean publicRoute = needs instanceof AuthorizationMatrixContract.Needs.Nothing;
            JsonNode security = op.has("security") ? op.get("security") : doc.get("security");
            boolean documentedPublic = security != null && security.isArray() && security.isEmpty();
            if (publicRoute != documentedPublic) {
                wrong.add(route + (publicRoute ? " is public but the document asks for a token (add security: [])"
                        : " needs a token but the document says security: []"));
            }
            Set<String> statuses = statuses(op);
            if (!publicRoute && !statuses.contains("401")) wrong.add(route + ": no 401");
            if ((needs instanceof AuthorizationMatrixContract.Needs.InProject || needs instanceof AuthorizationMatrixContract.Needs.Admin)
                    && !statuses.contains("403")) {
                wrong.add(route + ": no 403 (" + needs + ")");
            }
            if (needs instanceof AuthorizationMatrixContract.Needs.InProject && !statuses.contains("404")) {
                wrong.add(route + ": no 404 (the project or the resource it names may not exist)");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperationThatNeedsIfMatchDocumentsIt() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, op) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            boolean ifMatch = parameters(path, op).stream().anyMatch(p -> p.path("in").asText().equals("header")
                    && p.path("name").asText().equalsIgnoreCase("If-Match"));
            boolean answers428 = statuses(op).contains("428");
            if (ifMatch != answers428) wrong.add(route + ": If-Match header " + ifMatch + " but 428 documented " + answers428);
        });
        assertThat(wrong).isEmpty();
    }

    /** The writes a lease applies to, and only they, document 423 {@code leased} and the overrideLease parameter. */
    @Test
    void everyLeasedWriteDocumentsTheLeaseAndNoOtherOperationDoes() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((route, op) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            boolean leased = AuthorizationMatrixContract.LEASED.containsKey(route);
            boolean override = parameters(path, op).stream().anyMatch(p -> p.path("in").asText().equals("query")
                    && p.path("name").asText().equals("overrideLease"));
            boolean answers423 = statuses(op).contains("423");
            if (leased != override || leased != answers423) {
                wrong.add(route + ": a leased write " + leased + ", documents overrideLease " + override + ", 423 " + answers423);
            }
        });
        assertThat(wrong).isEmpty();
    }

    // --- (e) JSON bodies -------------------------------------------------------------------------

    /**
     * Which POST/PUT routes read a JSON body is found by asking them: a body that is not JSON gets the
     * codec's {@code Malformed request body} from exactly those. Each must document an application/json
     * requestBody; and an operation that documents one must read it.
     */
    @Test
    void everyJsonBodyTheServerReadsIsDocumented() {
        TestApi probe = admin.signIn(TestApi.ADMIN, TestApi.ADMIN_PASSWORD); // its own session: logout ends it
        List<RouteInventory.Route> writes = RouteInventory.of(server.services()).stream()
                .filter(r -> r.method().equals("POST") || r.method().equals("PUT"))
                .sorted(Comparator.comparing((RouteInventory.Route r) -> r.path().endsWith("/logout")).thenComparing(r -> r))
                .toList();
        Map<String, JsonNode> operations = operations();
        List<String> wrong = new ArrayList<>();
        int readers = 0;
        for (RouteInventory.Route route : writes) {
            TestApi.Response r = probe.request(route.method(), fill(route.path()), "this is not JSON".getBytes(StandardCharsets.UTF_8),
                    "Content-Type", "application/json", "If-Match", "\"1\"");
            boolean readsJson = r.status() == 400 && r.body().contains("\"Malformed request body\"");
            readers += readsJson ? 1 : 0;
            JsonNode body = operations.get(route.toString()).path("requestBody");
            boolean documented = body.path("content").has("application/json");
            if (readsJson && !documented) wrong.add(route + " reads a JSON body but documents no application/json requestBody");
            if (!readsJson && documented) wrong.add(route + " documents a JSON requestBody but does not read one (" + r.status() + " " + r.body() + ")");
        }
        assertThat(wrong).isEmpty();
        assertThat(readers).as("routes that read JSON").isGreaterThanOrEqualTo(15);
    }

    /**
     * The id a client may choose on create (issue 10, item 12) is documented with the pattern the server checks, on
     * the single route and in a batch's create op; and that pattern's verdict on a few ids is the server's.
     */
    @Test
    void aClientChosenAnnotationIdIsDocumentedWithThePatternTheServerChecks() {
        JsonNode chosen = doc.at("/components/schemas/ChosenAnnotationId");
        assertThat(chosen.path("type").asText()).isEqualTo("string");
        assertThat(chosen.path("pattern").asText()).isEqualTo("^[A-Za-z0-9_-]{1,64}$");
        String draft = "#/components/schemas/AnnotationDraft";
        assertThat(doc.at("/paths/~1api~1v1~1images~1{imageId}~1annotations/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo(draft);
        assertThat(doc.at("/components/schemas/BatchChange/properties/annotation/$ref").asText()).isEqualTo(draft);
        assertThat(doc.at("/components/schemas/AnnotationDraft/properties/id/$ref").asText()).isEqualTo("#/components/schemas/ChosenAnnotationId");
        Pattern documented = Pattern.compile(chosen.path("pattern").asText());
        String image = admin.uploadPng(ids.get("projectId"), 64, 64);
        for (String id : List.of("Case_12-a7", "i".repeat(64), "i".repeat(65), "a/b", "x.json", "chromosom\u00e9", "a b", "a%2Fb")) {
            TestApi.Response r = admin.post("/api/v1/images/" + image + "/annotations", "{\"id\": \"" + id
                    + "\", \"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}}");
            assertThat(r.status()).as("%s: %s", id, r.body()).isEqualTo(documented.matcher(id).find() ? 201 : 422);
        }
    }

    // --- (f) a well-formed OpenAPI 3.1 document --------------------------------------------------

    @Test
    void isAWellFormedOpenApi31Document() {
        List<String> wrong = new ArrayList<>();
        if (!doc.path("openapi").asText().matches("3\\.1\\.\\d+")) wrong.add("openapi must be 3.1.x");
        for (String field : List.of("title", "version")) if (!doc.path("info").path(field).isTextual()) wrong.add("info." + field + " missing");
        Set<String> ids = new HashSet<>();
        Set<String> schemes = new HashSet<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        checkSecurity("(global)", doc.path("security"), schemes, wrong);
        operations().forEach((route, op) -> {
            String id = op.path("operationId").asText("");
            if (id.isEmpty()) wrong.add(route + ": no operationId");
            else if (!ids.add(id)) wrong.add(route + ": operationId '" + id + "' is not unique");
            if (op.has("security")) checkSecurity(route, op.get("security"), schemes, wrong);
            JsonNode responses = op.path("responses");
            if (responses.isEmpty()) wrong.add(route + ": no responses");
            responses.fieldNames().forEachRemaining(code -> {
                if (!code.matches("[1-5][0-9][0-9]|default")) wrong.add(route + ": response key '" + code + "'");
            });
            if (statuses(op).stream().noneMatch(s -> s.startsWith("2"))) wrong.add(route + ": no success response");
            responses.properties().forEach(e -> {
                JsonNode response = deref(e.getValue());
                if (!response.path("description").isTextual()) wrong.add(route + " " + e.getKey() + ": no description");
                checkContent(route + " " + e.getKey(), response.path("content"), wrong);
            });
            if (op.has("requestBody")) checkContent(route + " requestBody", deref(op.get("requestBody")).path("content"), wrong);
            for (JsonNode p : parameters(route.substring(route.indexOf(' ') + 1), op)) {
                if (!Set.of("path", "query", "header", "cookie").contains(p.path("in").asText())) wrong.add(route + ": parameter 'in' " + p.path("in"));
                if (!p.path("name").isTextual()) wrong.add(route + ": parameter without a name");
                if (!p.has("schema") && !p.has("content")) wrong.add(route + ": parameter " + p.path("name") + " without schema");
            }
        });
        // Every reference resolves, and (the document being bundled) every one is local.
        refs(doc, "", (at, ref) -> {
            if (!ref.startsWith("#")) wrong.add(at + ": $ref '" + ref + "' is not local");
            else if (doc.at(ref.substring(1)).isMissingNode()) wrong.add(at + ": $ref '" + ref + "' does not resolve");
        });
        assertThat(wrong).isEmpty();
    }

    /** The hand-written source refers to the published schemas by $id: each of those must exist, fragment too. */
    @Test
    void theSourceRefersOnlyToSchemasThatExist() throws IOException {
        JsonNode source;
        try (InputStream in = getClass().getResourceAsStream("/openapi/openapi.yaml")) {
            source = new YAMLMapper().readTree(in);
        }
        List<String> wrong = new ArrayList<>();
        refs(source, "", (at, ref) -> {
            String[] parts = ref.split("#", 2);
            String fragment = parts.length == 2 ? parts[1] : "";
            JsonNode target;
            if (parts[0].isEmpty()) {
                target = source;
            } else if (parts[0].startsWith("https://karyolab.org/schema/")) {
                target = published(parts[0].substring("https://karyolab.org/schema/".length()));
            } else {
                wrong.add(at + ": $ref '" + ref + "' is neither local nor a published KaryoLab schema");
                return;
            }
            if (target == null || target.at(fragment).isMissingNode()) wrong.add(at + ": $ref '" + ref + "' does not resolve");
        });
        assertThat(wrong).isEmpty();
    }

    /** Every schema under components is a valid JSON Schema (draft 2020-12, OpenAPI 3.1's dialect base). */
    @Test
    void everyComponentSchemaIsAValidJsonSchema() {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> wrong = new ArrayList<>();
        doc.path("components").path("schemas").properties().forEach(e -> {
            Set<ValidationMessage> errors = metaSchema.validate(e.getValue());
            if (!errors.isEmpty()) wrong.add(e.getKey() + ": " + errors);
        });
        assertThat(wrong).isEmpty();
        assertThat(doc.at("/components/schemas/Annotation/properties/shape/$ref").asText())
                .as("the published schemas are bundled").isEqualTo("#/components/schemas/Shape");
    }

    // --- (g) real answers ------------------------------------------------------------------------

    /** A handful of real calls: each status is one the document lists for the operation, and the body fits its schema. */
    @Test
    void realAnswersAreDocumented() {
        String project = ids.get("projectId");
        String image = ids.get("imageId");
        String annotation = admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(2, 2, 5, 5, "2", "x")).json().get("id").asText();
        String otherImage = admin.uploadPng(project, 64, 64);
        String itsId = "{\"id\": \"" + annotation + "\", \"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}}";
        TestApi viewer = admin.newUser("viewer1");
        admin.addMember(project, "viewer1", "viewer");
        // an image of its own project leased to holder1, so that annotator1's writes to it are refused
        String leasedProject = admin.createProject("leased");
        String leased = admin.uploadPng(leasedProject, 64, 64);
        TestApi holder = admin.newUser("holder1");
        TestApi annotator = admin.newUser("annotator1");
        admin.addMember(leasedProject, "holder1", "annotator");
        admin.addMember(leasedProject, "annotator1", "annotator");
        assertThat(holder.post("/api/v1/projects/" + leasedProject + "/queue/next", "").json().get("imageId").asText()).isEqualTo(leased);
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        record Call(String route, int expected, TestApi.Response response) {}
        List<Call> calls = List.of(
                new Call("POST /api/v1/projects", 201, admin.post("/api/v1/projects", """
                        {"name": "second", "labelSet": {"chromosomeClasses": ["1"], "clusterTypeScheme": "lin-2021"}}""")),
                new Call("POST /api/v1/projects", 422, admin.post("/api/v1/projects", """
                        {"name": " ", "labelSet": {"chromosomeClasses": ["1"], "clusterTypeScheme": "lin-2021"}}""")),
                new Call("GET /api/v1/projects", 401, admin.anonymous().get("/api/v1/projects")),
                new Call("PUT /api/v1/projects/{projectId}", 403, viewer.put("/api/v1/projects/" + project, """
                        {"name": "mine", "labelSet": {"chromosomeClasses": ["1"], "clusterTypeScheme": "lin-2021"}}""", null)),
                new Call("GET /api/v1/images/{imageId}", 404, admin.get("/api/v1/images/no-such-image")),
                new Call("GET /api/v1/images/{imageId}", 200, admin.get("/api/v1/images/" + image)),
                new Call("GET /api/v1/projects/{projectId}/images", 200, admin.get("/api/v1/projects/" + project + "/images")),
                new Call("GET /api/v1/projects/{projectId}/members", 200, admin.get("/api/v1/projects/" + project + "/members")),
                new Call("POST /api/v1/projects/{projectId}/images", 415,
                        admin.upload("/api/v1/projects/" + project + "/images?caseId=c", "text/plain", new byte[] {1, 2, 3})),
                new Call("PUT /api/v1/annotations/{id}", 200, admin.put("/api/v1/annotations/" + annotation,
                        TestApi.box(2, 2, 6, 6, "2", "x"), "\"1\"")),
                new Call("PUT /api/v1/annotations/{id}", 412, admin.put("/api/v1/annotations/" + annotation,
                        TestApi.box(2, 2, 7, 7, "2", "x"), "\"1\"")),
                new Call("PUT /api/v1/annotations/{id}", 428, admin.put("/api/v1/annotations/" + annotation,
                        TestApi.box(2, 2, 7, 7, "2", "x"), null)),
                // An id of another image's annotation: taken, and nothing of that annotation told
                new Call("POST /api/v1/images/{imageId}/annotations", 409, admin.post("/api/v1/images/" + otherImage + "/annotations", itsId)),
                new Call("POST /api/v1/images/{imageId}/annotations/batch", 409, admin.post("/api/v1/images/" + otherImage
                        + "/annotations/batch", "{\"changes\": [{\"op\": \"create\", \"annotation\": " + itsId + "}]}")),
                new Call("GET /api/v1/annotations/{id}/history", 200, admin.get("/api/v1/annotations/" + annotation + "/history")),
                new Call("POST /api/v1/images/{imageId}/annotations/batch", 412, admin.post("/api/v1/images/" + image + "/annotations/batch",
                        "{\"changes\": [{\"op\": \"delete\", \"id\": \"" + annotation + "\", \"revision\": 1}]}")),
                new Call("PUT /api/v1/images/{imageId}/labels", 423, annotator.put("/api/v1/images/" + leased + "/labels",
                        "{\"karyotype\": \"46,XX\"}", "\"0\"")),
                new Call("POST /api/v1/images/{imageId}/annotations/batch", 423, annotator.post("/api/v1/images/" + leased
                        + "/annotations/batch", "{\"changes\": []}")),
                new Call("POST /api/v1/images/{imageId}/submit", 403, annotator.post("/api/v1/images/" + leased
                        + "/submit?overrideLease=true", "")),
                new Call("POST /api/v1/images/{imageId}/submit", 400, admin.post("/api/v1/images/" + leased
                        + "/submit?overrideLease=please", "")),
                new Call("GET /api/v1/images/{imageId}/thumbnail", 400, admin.get("/api/v1/images/" + image + "/thumbnail?size=0")),
                new Call("POST /api/v1/suggestions/{suggestionId}/reject", 200, admin.post("/api/v1/suggestions/" + ids.get("suggestionId") + "/reject", "")),
                new Call("POST /api/v1/suggestions/{suggestionId}/accept", 409, admin.post("/api/v1/suggestions/" + ids.get("suggestionId") + "/accept", "")),
                new Call("GET /api/v1/projects/{projectId}/models", 200, admin.get("/api/v1/projects/" + project + "/models")),
                new Call("GET /api/v1/leases/{leaseId}", 200, admin.get("/api/v1/leases/" + ids.get("leaseId"))),
                new Call("GET /api/v1/auth/me", 200, admin.get("/api/v1/auth/me")),
                new Call("GET /api/v1/auth/tokens", 200, admin.get("/api/v1/auth/tokens")),
                new Call("POST /api/v1/auth/login", 401, admin.anonymous().post("/api/v1/auth/login",
                        "{\"username\": \"admin\", \"password\": \"wrong-password\"}")),
                new Call("POST /api/v1/karyotype/parse", 200, admin.post("/api/v1/karyotype/parse",
                        "{\"karyotype\": \"mos 45,X[15]/46,X,der(X)t(X;1)(p11;q21)[5]\"}")),
                new Call("POST /api/v1/karyotype/parse", 422, admin.post("/api/v1/karyotype/parse", "{\"karyotype\": \"46,XY,t(9,22)\"}")),
                new Call("POST /api/v1/karyotype/check", 200, admin.post("/api/v1/karyotype/check",
                        "{\"karyotype\": \"45,XX, t(9;22)(q34;q11.2),+2mar\", \"mode\": \"lenient\"}")),
                new Call("POST /api/v1/karyotype/lgf", 200, admin.post("/api/v1/karyotype/lgf",
                        "{\"karyotype\": \"47,XY,+der(22)t(9;22)(q34;q11.2),+add(7)(q22)\", \"level\": 850}")),
                new Call("POST /api/v1/karyotype/read", 200, admin.post("/api/v1/karyotype/read",
                        "{\"chromosomes\": [{\"bands\": [{\"origin\": \"21\", \"band\": \"p13\"}, {}]}]}")),
                new Call("GET /observe/health", 200, admin.anonymous().get("/observe/health")));
        JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaLoaders(l -> l.schemas(Map.of(DOC_URI, doc.toString()))));
        Map<String, JsonNode> operations = operations();
        for (Call call : calls) {
            int status = call.response().status();
            if (status != call.expected()) {
                wrong.add(call.route() + ": expected " + call.expected() + " for this call, got " + status + " " + call.response().body());
                continue;
            }
            JsonNode op = operations.get(call.route());
            assertThat(op).as(call.route()).isNotNull();
            if (!statuses(op).contains(String.valueOf(status))) {
                wrong.add(call.route() + " answered " + status + ", which the document does not list: " + statuses(op));
                continue;
            }
            // The body against the documented schema for this status and content type.
            String pointer = pointerOf(op.path("responses").get(String.valueOf(status)), call.route(), String.valueOf(status));
            String type = call.response().header("Content-Type");
            if (type == null || call.response().body().isEmpty()) continue;
            String mediaType = type.split(";")[0].strip();
            JsonNode response = doc.at(pointer.substring(1));
            if (!response.path("content").has(mediaType)) {
                wrong.add(call.route() + " " + status + ": answered " + mediaType + ", documented " + response.path("content").propertyStream().map(Map.Entry::getKey).toList());
                continue;
            }
            String schemaPointer = pointer + "/content/" + mediaType.replace("~", "~0").replace("/", "~1") + "/schema";
            Set<ValidationMessage> errors = schemas.getSchema(SchemaLocation.of(DOC_URI + schemaPointer)).validate(call.response().json());
            checked[0]++;
            if (!errors.isEmpty()) wrong.add(call.route() + " " + status + ": the body does not fit the documented schema: " + errors
                    + "\n  " + call.response().body());
        }
        assertThat(wrong).isEmpty();
        assertThat(checked[0]).as("bodies checked against their schema").isGreaterThanOrEqualTo(20);
    }

    // --- reading the document --------------------------------------------------------------------

    /** "METHOD /path" -> the operation object, for every operation of the document. */
    Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (VERBS.contains(op.getKey())) out.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
        }));
        return out;
    }

    /** The routes the server has: those it registers, and the observe feature's. */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>(OBSERVE_ROUTES);
        RouteInventory.of(server.services()).forEach(r -> routes.add(r.toString()));
        return routes;
    }

    /** The parameters of an operation: its path item's, overridden by its own (same name and in). */
    private List<JsonNode> parameters(String path, JsonNode op) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode source : List.of(doc.path("paths").path(path).path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode resolved = deref(p);
                byKey.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static Set<String> statuses(JsonNode op) {
        Set<String> out = new TreeSet<>();
        op.path("responses").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A Reference Object followed to what it names (one level: components do not chain here). */
    private JsonNode deref(JsonNode node) {
        return node.has("$ref") && node.get("$ref").asText().startsWith("#/components/") && !node.has("type")
                ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** The JSON Pointer (with '#') of a response: its component if it is a reference, else where it stands. */
    private String pointerOf(JsonNode response, String route, String status) {
        if (response.has("$ref")) return response.get("$ref").asText();
        String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
        String path = route.substring(route.indexOf(' ') + 1);
        return "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status;
    }

    private static void checkSecurity(String where, JsonNode security, Set<String> schemes, List<String> wrong) {
        for (JsonNode requirement : security) {
            requirement.fieldNames().forEachRemaining(name -> {
                if (!schemes.contains(name)) wrong.add(where + ": security scheme '" + name + "' is not defined");
            });
        }
    }

    private static void checkContent(String where, JsonNode content, List<String> wrong) {
        content.properties().forEach(e -> {
            if (!e.getKey().matches("[a-z*]+/[a-z0-9.+*-]+")) wrong.add(where + ": '" + e.getKey() + "' is not a media type");
            if (!e.getValue().has("schema")) wrong.add(where + " " + e.getKey() + ": no schema");
        });
    }

    /** Every {@code $ref} string in a tree, with where it stands. */
    private static void refs(JsonNode node, String at, java.util.function.BiConsumer<String, String> each) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) each.accept(at, e.getValue().asText());
                else refs(e.getValue(), at + "/" + e.getKey(), each);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) refs(node.get(i), at + "/" + i, each);
        }
    }

    private final Map<String, JsonNode> published = new HashMap<>();

    private JsonNode published(String file) {
        return published.computeIfAbsent(file, f -> {
            try (InputStream in = getClass().getResourceAsStream("/org/karyolab/schema/json-schema/" + f)) {
                return in == null ? null : new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String fill(String pattern) {
        String path = pattern;
        for (var e : ids.entrySet()) path = path.replace("{" + e.getKey() + "}", e.getValue());
        assertThat(path).as("a path parameter without a fixture id").doesNotContain("{");
        return path;
    }

    private static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + text, e);
        }
    }
}
