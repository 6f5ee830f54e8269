package org.karyolab.server.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests, each answered with the right status and problem type, and none of them changing
 * anything: every table's row count and the blob store are the same before and after.
 */
class BadInputContract extends ApiContractOnEachDatabase {


    TestApi annotator;
    TestApi reviewer;
    String project;
    String image;
    String annotation;
    String editedAnnotation;


    /**
     * A bad request and what it must get: {@code who} is "admin", "annotator" or "anonymous"; {@code pointer}, when
     * set, is the JSON pointer the answer's first violation must name.
     */
    record Case(String name, String who, String method, String path, String body, String[] headers, int status, String type,
                String pointer) {
        Case(String name, String who, String method, String path, String body, String[] headers, int status, String type) {
            this(name, who, method, path, body, headers, status, type, null);
        }
    }

    static Case bad(String name, String method, String path, String body, int status, String type, String... headers) {
        return new Case(name, "admin", method, path, body, headers, status, type);
    }

    static Case as(String who, Case c) {
        return new Case(c.name(), who, c.method(), c.path(), c.body(), c.headers(), c.status(), c.type(), c.pointer());
    }

    /** The same case, whose answer must name {@code pointer} (the field at fault). */
    static Case at(String pointer, Case c) {
        return new Case(c.name(), c.who(), c.method(), c.path(), c.body(), c.headers(), c.status(), c.type(), pointer);
    }

    @BeforeEach
    void setUp() {
        project = admin.createProject("bad-input");
        image = admin.uploadPng(project, 200, 100);
        annotator = admin.newUser("ann");
        admin.addMember(project, "ann", "annotator");
        reviewer = admin.newUser("rita");
        admin.addMember(project, "rita", "reviewer");
        annotation = admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(10, 10, 20, 20, "1", "x"))
                .json().get("id").asText();
        editedAnnotation = admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(30, 10, 20, 20, "2", "x"))
                .json().get("id").asText();
        admin.put("/api/v1/annotations/" + editedAnnotation, TestApi.box(31, 10, 20, 20, "2", "x"), "\"1\"");
        admin.put("/api/v1/images/" + image + "/labels", "{\"karyotype\": \"46,XX\"}", "\"0\""); // labels at revision 1
    }


    static String box(String shape) {
        return "{\"shape\": " + shape + "}";
    }

    static String labels(String labels) {
        return "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"labels\": " + labels + "}";
    }

    private static final String GOOD_BOX = "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}}";
    private static final String LABEL_SET = "{\"chromosomeClasses\": [\"1\"], \"clusterTypeScheme\": \"lin-2021\", \"anomalyVocabulary\": []}";

    List<Case> cases() {
        String annotations = "/api/v1/images/" + image + "/annotations";
        String a = "/api/v1/annotations/" + annotation;
        String edited = "/api/v1/annotations/" + editedAnnotation;
        String images = "/api/v1/projects/" + project + "/images";
        String p = "/api/v1/projects/" + project;
        List<Case> c = new ArrayList<>();
        // Accounts and tokens
        c.add(as("anonymous", bad("login: not JSON", "POST", "/api/v1/auth/login", "user=admin", 400, "malformed")));
        c.add(as("anonymous", bad("login: wrong type", "POST", "/api/v1/auth/login", "{\"username\": 5, \"password\": \"x\"}", 400, "malformed")));
        c.add(as("anonymous", bad("login: unknown field", "POST", "/api/v1/auth/login", "{\"user\": \"admin\"}", 400, "malformed")));
        c.add(as("anonymous", bad("login: nothing", "POST", "/api/v1/auth/login", "", 400, "malformed")));
        c.add(as("anonymous", bad("login: wrong password", "POST", "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"wrong-one-here\"}", 401, "bad-credentials")));
        c.add(bad("user: bad name and short password", "POST", "/api/v1/users", "{\"username\": \"A B\", \"password\": \"x\"}", 422, "validation"));
        c.add(bad("user: name taken", "POST", "/api/v1/users", "{\"username\": \"ann\", \"password\": \"long-enough-password\"}", 422, "validation"));
        c.add(as("annotator", bad("user: not an admin", "POST", "/api/v1/users", "{\"username\": \"eve\", \"password\": \"long-enough-password\"}", 403, "forbidden")));
        c.add(bad("token: body is an array", "POST", "/api/v1/auth/tokens", "[1]", 400, "malformed"));
        c.add(bad("token: revoke unknown", "DELETE", "/api/v1/auth/tokens/no-such-token", null, 404, "not-found"));
        c.add(as("anonymous", bad("token: anonymous", "POST", "/api/v1/auth/tokens", "{\"name\": \"x\"}", 401, "unauthenticated")));
        // Projects and members
        c.add(bad("project: empty body", "POST", "/api/v1/projects", "", 400, "malformed"));
        c.add(bad("project: truncated JSON", "POST", "/api/v1/projects", "{\"name\": \"x\"", 400, "malformed"));
        c.add(bad("project: blank name", "POST", "/api/v1/projects", "{\"name\": \" \", \"labelSet\": " + LABEL_SET + ", \"defaultBandLevel\": 400}", 422, "validation"));
        c.add(bad("project: name taken", "POST", "/api/v1/projects", "{\"name\": \"bad-input\", \"labelSet\": " + LABEL_SET + ", \"defaultBandLevel\": 400}", 422, "validation"));
        c.add(bad("project: unknown band level", "POST", "/api/v1/projects", "{\"name\": \"q\", \"labelSet\": " + LABEL_SET + ", \"defaultBandLevel\": 123}", 400, "malformed"));
        c.add(bad("project: unknown class in label set", "POST", "/api/v1/projects", "{\"name\": \"q\", \"labelSet\": {\"chromosomeClasses\": [\"25\"], \"clusterTypeScheme\": \"lin-2021\", \"anomalyVocabulary\": []}, \"defaultBandLevel\": 400}", 400, "malformed"));
        c.add(bad("project: empty label set", "PUT", p, "{\"name\": \"bad-input\", \"labelSet\": {\"chromosomeClasses\": [], \"clusterTypeScheme\": \"lin-2021\", \"anomalyVocabulary\": []}, \"defaultBandLevel\": 400}", 422, "validation"));
        c.add(bad("project: unknown", "GET", "/api/v1/projects/no-such-project", null, 404, "not-found"));
        c.add(bad("member: no such user", "PUT", p + "/members/nobody", "{\"role\": \"viewer\"}", 404, "not-found"));
        c.add(bad("member: unknown role", "PUT", p + "/members/ann", "{\"role\": \"god\"}", 422, "validation"));
        c.add(bad("member: remove a non-member", "DELETE", p + "/members/admin2", null, 404, "not-found"));
        c.add(as("annotator", bad("member: annotator may not manage", "PUT", p + "/members/ann", "{\"role\": \"owner\"}", 403, "forbidden")));
        // Images
        c.add(bad("image: no content type", "POST", images, "abc", 415, "unsupported-media-type"));
        c.add(bad("image: text", "POST", images, "hello", 415, "unsupported-media-type", "Content-Type", "text/plain"));
        c.add(new Case("image: PNG bytes sent as JPEG", "admin", "POST", images, null, new String[] {"Content-Type", "image/jpeg", "x-png", "1"}, 415, "unsupported-media-type"));
        c.add(bad("image: garbage as PNG", "POST", images, "not really a png", 415, "unsupported-media-type", "Content-Type", "image/png"));
        c.add(bad("image: empty PNG", "POST", images, "", 415, "unsupported-media-type", "Content-Type", "image/png"));
        c.add(new Case("image: truncated PNG", "admin", "POST", images, null, new String[] {"Content-Type", "image/png", "x-truncated", "1"}, 422, "validation"));
        c.add(new Case("image: unknown kind", "admin", "POST", images + "?kind=spaceship", null, new String[] {"Content-Type", "image/png", "x-png", "1"}, 400, "malformed"));
        c.add(new Case("image: unknown band level", "admin", "POST", images + "?bandLevel=123", null, new String[] {"Content-Type", "image/png", "x-png", "1"}, 400, "malformed"));
        c.add(new Case("image: unknown stain", "admin", "POST", images + "?stain=XYZ", null, new String[] {"Content-Type", "image/png", "x-png", "1"}, 400, "malformed"));
        c.add(new Case("image: unknown project", "admin", "POST", "/api/v1/projects/nope/images", null, new String[] {"Content-Type", "image/png", "x-png", "1"}, 404, "not-found"));
        c.add(bad("image: unknown id", "GET", "/api/v1/images/nope", null, 404, "not-found"));
        c.add(bad("image: unknown content", "GET", "/api/v1/images/nope/content", null, 404, "not-found"));
        // Annotations: structure (400)
        c.add(bad("annotation: not JSON", "POST", annotations, "{shape: box}", 400, "malformed"));
        c.add(bad("annotation: array body", "POST", annotations, "[]", 400, "malformed"));
        c.add(bad("annotation: unknown shape type", "POST", annotations, box("{\"type\": \"circle\", \"x\": 1}"), 400, "malformed"));
        c.add(bad("annotation: number as text", "POST", annotations, box("{\"type\": \"box\", \"x\": \"one\", \"y\": 1, \"width\": 5, \"height\": 5}"), 400, "malformed"));
        c.add(bad("annotation: unknown class 25", "POST", annotations, labels("{\"chromosomeClass\": \"25\"}"), 400, "malformed"));
        c.add(bad("annotation: bad band 9q3x", "POST", annotations, labels("{\"bands\": [{\"band\": \"9q3x\", \"start\": 0.1, \"end\": 0.2}]}"), 400, "malformed"));
        c.add(bad("annotation: unknown property", "POST", annotations, "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"colour\": \"red\"}", 400, "malformed"));
        c.add(bad("annotation: unknown polarity", "POST", annotations, labels("{\"polarity\": \"sideways\"}"), 400, "malformed"));
        c.add(bad("annotation: unknown status", "POST", annotations, "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"status\": \"done\"}", 400, "malformed"));
        // Annotations: content (422)
        c.add(bad("annotation: box outside the image", "POST", annotations, box("{\"type\": \"box\", \"x\": 190, \"y\": 1, \"width\": 50, \"height\": 5}"), 422, "validation"));
        c.add(bad("annotation: negative width", "POST", annotations, box("{\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": -5, \"height\": 5}"), 422, "validation"));
        c.add(bad("annotation: infinite number", "POST", annotations, box("{\"type\": \"box\", \"x\": 1e999, \"y\": 1, \"width\": 5, \"height\": 5}"), 422, "validation"));
        c.add(bad("annotation: polygon of two points", "POST", annotations, box("{\"type\": \"polygon\", \"exterior\": [{\"x\": 1, \"y\": 1}, {\"x\": 5, \"y\": 5}], \"holes\": []}"), 422, "validation"));
        c.add(bad("annotation: zero-area polygon", "POST", annotations, box("{\"type\": \"polygon\", \"exterior\": [{\"x\": 1, \"y\": 1}, {\"x\": 2, \"y\": 2}, {\"x\": 3, \"y\": 3}], \"holes\": []}"), 422, "validation"));
        c.add(bad("annotation: RLE does not cover the image", "POST", annotations, box("{\"type\": \"mask\", \"width\": 200, \"height\": 100, \"counts\": [10, 5]}"), 422, "validation"));
        c.add(bad("annotation: unknown key point", "POST", annotations, box("{\"type\": \"keypoints\", \"points\": {\"telomere\": {\"x\": 1, \"y\": 1}}}"), 422, "validation"));
        c.add(bad("annotation: medial axis of one point", "POST", annotations, box("{\"type\": \"polyline\", \"points\": [{\"x\": 1, \"y\": 1}]}"), 422, "validation"));
        c.add(bad("annotation: band call ends before it starts", "POST", annotations, labels("{\"bands\": [{\"band\": \"9q34.1\", \"start\": 0.8, \"end\": 0.2}]}"), 422, "validation"));
        c.add(bad("annotation: cluster type with a class", "POST", annotations, labels("{\"chromosomeClass\": \"1\", \"clusterType\": \"touching\"}"), 422, "validation"));
        c.add(bad("annotation: human source with a model", "POST", annotations, "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"provenance\": {\"author\": \"x\", \"modelId\": \"m\", \"source\": \"human\"}}", 422, "validation"));
        c.add(bad("annotation: no shape", "POST", annotations, "{\"labels\": {\"chromosomeClass\": \"1\"}}", 422, "validation"));
        c.add(bad("annotation: unknown image", "POST", "/api/v1/images/nope/annotations", GOOD_BOX, 404, "not-found"));
        c.add(bad("annotation: client id taken by other content", "POST", annotations, "{\"id\": \"" + annotation + "\", \"shape\": {\"type\": \"box\", \"x\": 99, \"y\": 1, \"width\": 5, \"height\": 5}}", 409, "already-exists"));
        c.add(as("anonymous", bad("annotation: anonymous", "POST", annotations, GOOD_BOX, 401, "unauthenticated")));
        c.add(bad("annotation: X-Client-Id with a space", "POST", annotations, GOOD_BOX, 400, "malformed", "X-Client-Id", "tab 1"));
        c.add(bad("annotation: X-Client-Id too long", "POST", annotations, GOOD_BOX, 400, "malformed", "X-Client-Id", "x".repeat(101)));
        // Annotations: revisions
        c.add(bad("update: no If-Match", "PUT", a, GOOD_BOX, 428, "precondition-required"));
        c.add(bad("update: If-Match not a number", "PUT", a, GOOD_BOX, 400, "malformed", "If-Match", "\"abc\""));
        c.add(bad("update: If-Match zero", "PUT", a, GOOD_BOX, 400, "malformed", "If-Match", "\"0\""));
        c.add(bad("update: stale revision", "PUT", edited, GOOD_BOX, 412, "stale-revision", "If-Match", "\"1\""));
        c.add(bad("update: unknown annotation", "PUT", "/api/v1/annotations/nope", GOOD_BOX, 404, "not-found", "If-Match", "\"1\""));
        c.add(bad("update: invalid content", "PUT", a, box("{\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 500, \"height\": 5}"), 422, "validation", "If-Match", "\"1\""));
        c.add(bad("update: malformed body", "PUT", a, "{", 400, "malformed", "If-Match", "\"1\""));
        c.add(bad("delete: no If-Match", "DELETE", a, null, 428, "precondition-required"));
        c.add(bad("delete: stale revision", "DELETE", edited, null, 412, "stale-revision", "If-Match", "\"1\""));
        c.add(bad("revert: no target revision", "POST", a + "/revert", null, 400, "malformed", "If-Match", "\"1\""));
        c.add(bad("revert: revision that never was", "POST", a + "/revert?to=99", null, 404, "not-found", "If-Match", "\"1\""));
        c.add(bad("history: unknown annotation", "GET", "/api/v1/annotations/nope/history", null, 404, "not-found"));
        // Batch save
        String batch = annotations + "/batch";
        c.add(bad("batch: not JSON", "POST", batch, "changes", 400, "malformed"));
        c.add(bad("batch: unknown op", "POST", batch, "{\"changes\": [{\"op\": \"smash\"}]}", 400, "malformed"));
        c.add(bad("batch: one invalid draft among good ones", "POST", batch, "{\"changes\": [{\"op\": \"create\", \"annotation\": "
                + GOOD_BOX + "}, {\"op\": \"create\", \"annotation\": " + box("{\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 999, \"height\": 5}") + "}]}", 422, "validation"));
        c.add(bad("batch: a stale revision after a good create", "POST", batch, "{\"changes\": [{\"op\": \"create\", \"annotation\": "
                + GOOD_BOX + "}, {\"op\": \"update\", \"id\": \"" + editedAnnotation + "\", \"revision\": 1, \"annotation\": " + GOOD_BOX + "}]}", 412, "stale-revision"));
        c.add(bad("batch: delete of an unknown annotation", "POST", batch, "{\"changes\": [{\"op\": \"delete\", \"id\": \"nope\", \"revision\": 1}]}", 404, "not-found"));
        // Accepted and rejected are review decisions: never set through the annotation routes (own work above all)
        String accepted = "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}, \"status\": \"accepted\"}";
        c.add(bad("annotation: created already accepted", "POST", annotations, accepted, 422, "validation"));
        c.add(bad("update: status set to accepted", "PUT", a, accepted, 422, "validation", "If-Match", "\"1\""));
        c.add(bad("batch: own work accepted by autosave", "POST", batch, "{\"changes\": [{\"op\": \"update\", \"id\": \"" + annotation
                + "\", \"revision\": 1, \"annotation\": " + accepted.replace("accepted", "rejected") + "}]}", 422, "validation"));
        // Image metadata, thumbnails, listing
        c.add(bad("metadata: unknown split", "PUT", "/api/v1/images/" + image + "/metadata", "{\"split\": \"holdout\"}", 400, "malformed"));
        c.add(bad("thumbnail: size zero", "GET", "/api/v1/images/" + image + "/thumbnail?size=0", null, 400, "malformed"));
        c.add(bad("images: limit not a number", "GET", images + "?limit=lots", null, 400, "malformed"));
        // Suggestions, review, queue
        c.add(bad("suggestion: confidence above 1", "POST", "/api/v1/images/" + image + "/suggestions", "{\"modelId\": \"m\", \"modelVersion\": \"1\", \"confidence\": 1.5, \"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}}", 422, "validation"));
        c.add(bad("suggestion: not JSON", "POST", "/api/v1/images/" + image + "/suggestions", "{", 400, "malformed"));
        c.add(bad("suggestion: accept an unknown one", "POST", "/api/v1/suggestions/nope/accept", null, 404, "not-found"));
        c.add(as("reviewer", bad("review: an annotation that was never submitted", "POST", a + "/review", "{\"decision\": \"accept\"}", 409, "not-submitted")));
        c.add(as("reviewer", bad("review: unknown decision", "POST", a + "/review", "{\"decision\": \"maybe\"}", 400, "malformed")));
        c.add(bad("priority: not a number", "PUT", "/api/v1/images/" + image + "/priority", "{\"priority\": \"high\"}", 400, "malformed"));
        c.add(bad("lease: renew an unknown lease", "POST", "/api/v1/leases/nope/renew", null, 404, "not-found"));
        // Image labels
        String imageLabels = "/api/v1/images/" + image + "/labels";
        c.add(bad("labels: malformed body", "PUT", imageLabels, "{\"karyotype\": ", 400, "malformed", "If-Match", "\"1\""));
        c.add(bad("labels: unknown quality flag", "PUT", imageLabels, "{\"quality\": [\"smudged\"]}", 400, "malformed", "If-Match", "\"1\""));
        c.add(bad("labels: karyotype not ISCN", "PUT", imageLabels, "{\"karyotype\": \"47,XX,+21,t(9;\"}", 422, "validation", "If-Match", "\"1\""));
        c.add(bad("labels: blank karyotype", "PUT", imageLabels, "{\"karyotype\": \" \"}", 422, "validation", "If-Match", "\"1\""));
        c.add(bad("labels: unknown image", "PUT", "/api/v1/images/nope/labels", "{}", 404, "not-found", "If-Match", "\"0\""));
        c.add(bad("labels: no If-Match", "PUT", imageLabels, "{}", 428, "precondition-required"));
        c.add(bad("labels: stale revision", "PUT", imageLabels, "{\"karyotype\": \"46,XY\"}", 412, "stale-revision", "If-Match", "\"0\""));
        c.add(as("reviewer", bad("labels: a reviewer may not label", "PUT", imageLabels, "{}", 403, "forbidden", "If-Match", "\"1\"")));
        c.addAll(httpEdgeCases());
        c.addAll(idCases());
        return c;
    }

    /**
     * Client-chosen annotation ids (issue 10, item 12): only {@code [A-Za-z0-9_-]{1,64}}, on the single create route
     * and in a batch's create op; anything else is refused at the id's pointer, before anything is written.
     */
    List<Case> idCases() {
        String annotations = "/api/v1/images/" + image + "/annotations";
        String shape = "\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 5, \"height\": 5}";
        Map<String, String> unsafe = new LinkedHashMap<>();
        unsafe.put("a path out of the store", "../../../../tmp/x");
        unsafe.put("65 characters", "i".repeat(65));
        unsafe.put("a space", "chromosome 1");
        unsafe.put("a non-ASCII letter", "chromosom\u00e9");
        unsafe.put("an encoded slash", "a%2Fb");
        unsafe.put("a slash", "a/b");
        unsafe.put("a dot", "x.json");
        unsafe.put("a line break", "a\\nb"); // the JSON escape, so the id holds a real newline
        List<Case> c = new ArrayList<>();
        unsafe.forEach((what, id) -> {
            String draft = "{\"id\": \"" + id + "\", " + shape + "}";
            c.add(at("/id", bad("annotation: id with " + what, "POST", annotations, draft, 422, "validation")));
            c.add(at("/changes/1/annotation/id", bad("batch: create with an id with " + what, "POST", annotations + "/batch",
                    "{\"changes\": [{\"op\": \"create\", \"annotation\": " + GOOD_BOX + "}, {\"op\": \"create\", \"annotation\": "
                            + draft + "}]}", 422, "validation")));
        });
        // A create's id goes in its annotation: one beside it would be dropped, and a retry would create it twice.
        c.add(at("/changes/0/id", bad("batch: create with its id beside the annotation", "POST", annotations + "/batch",
                "{\"changes\": [{\"op\": \"create\", \"id\": \"beside\", \"annotation\": " + GOOD_BOX + "}]}", 400, "malformed")));
        c.add(bad("annotation: id a number", "POST", annotations, "{\"id\": 5, " + shape + "}", 400, "malformed"));
        // Unsafe ids in a path or an update name no annotation
        c.add(bad("update: an id of encoded slashes in the path", "PUT", "/api/v1/annotations/..%2F..%2Ftmp%2Fx", GOOD_BOX, 404,
                "not-found", "If-Match", "\"1\""));
        c.add(bad("batch: update of a path for an id", "POST", annotations + "/batch", "{\"changes\": [{\"op\": \"update\", "
                + "\"id\": \"../../../../tmp/x\", \"revision\": 1, \"annotation\": " + GOOD_BOX + "}]}", 404, "not-found"));
        return c;
    }

    /** Requests no route takes or that carry what a route cannot read (issue 10, items 13-17). */
    List<Case> httpEdgeCases() {
        String annotations = "/api/v1/images/" + image + "/annotations";
        String images = "/api/v1/projects/" + project + "/images";
        List<Case> c = new ArrayList<>();
        c.add(as("anonymous", bad("route: unknown, anonymous", "GET", "/no/such/route", null, 404, "not-found")));
        c.add(bad("route: unknown under the API", "POST", "/api/v1/nothing-here", "{}", 404, "not-found"));
        c.add(as("anonymous", bad("route: wrong method, anonymous", "DELETE", "/api/v1/projects", null, 405, "method-not-allowed")));
        c.add(bad("route: wrong method on an annotation", "PATCH", "/api/v1/annotations/" + annotation, "{}", 405, "method-not-allowed"));
        // Text: only UTF-8 JSON, only real characters (item 17)
        c.add(bad("text: invalid UTF-8 in a label", "POST", annotations, labels("{\"anomalies\": [\"caf\u00e9\"]}"), 400, "malformed",
                "Content-Type", "application/json", "x-latin1", "1"));
        c.add(bad("text: invalid UTF-8 in a project name", "POST", "/api/v1/projects", "{\"name\": \"d\u00e9j\u00e0\", \"labelSet\": "
                + LABEL_SET + ", \"defaultBandLevel\": 400}", 400, "malformed", "x-latin1", "1"));
        c.add(bad("text: a lone surrogate", "POST", annotations, labels("{\"anomalies\": [\"x\\ud800y\"]}"), 400, "malformed",
                "Content-Type", "application/json"));
        c.add(bad("text: a lone low surrogate in a field name", "POST", "/api/v1/auth/tokens", "{\"\\udc00\": \"x\"}", 400, "malformed"));
        c.add(bad("text: text/plain to a JSON route", "POST", annotations, GOOD_BOX, 415, "unsupported-media-type", "Content-Type", "text/plain"));
        c.add(bad("text: JSON in another charset", "POST", "/api/v1/karyotype/parse", "{\"karyotype\": \"46,XX\"}", 415,
                "unsupported-media-type", "Content-Type", "application/json; charset=ISO-8859-1"));
        c.add(bad("token: name over 200 characters", "POST", "/api/v1/auth/tokens", "{\"name\": \"" + "n".repeat(201) + "\"}", 422, "validation"));
        c.add(bad("annotation: angle of 1e300", "POST", annotations, box("{\"type\": \"rotated-box\", \"cx\": 50, \"cy\": 50, "
                + "\"width\": 10, \"height\": 10, \"angleDegrees\": 1e300}"), 422, "validation"));
        c.add(bad("annotation: angle NaN", "POST", annotations, box("{\"type\": \"rotated-box\", \"cx\": 50, \"cy\": 50, "
                + "\"width\": 10, \"height\": 10, \"angleDegrees\": \"NaN\"}"), 422, "validation"));
        // Work bounded by what the request may do (item 14)
        c.add(new Case("image: a 64-bit PNG header of 100 megapixels", "admin", "POST", images, null,
                new String[] {"Content-Type", "image/png", "x-png-64bit", "1"}, 422, "validation"));
        c.add(bad("read: more than 200 chromosomes", "POST", "/api/v1/karyotype/read", "{\"chromosomes\": ["
                + String.join(", ", java.util.Collections.nCopies(201, "{\"bands\": [{\"origin\": \"9\", \"band\": \"q34\"}]}")) + "]}",
                422, "validation"));
        c.add(bad("batch: 1001 changes", "POST", annotations + "/batch", "{\"changes\": ["
                + String.join(", ", java.util.Collections.nCopies(1001, "{\"op\": \"create\", \"annotation\": " + GOOD_BOX + "}")) + "]}",
                422, "validation"));
                // Sizes per field and per document, the project's label set, pages (item 16)
        c.add(bad("annotation: a 10 MB label string", "POST", annotations, labels("{\"anomalies\": [\"" + "x".repeat(10 * 1024 * 1024) + "\"]}"),
                413, "too-large"));
        c.add(bad("annotation: a 500,000-point polygon", "POST", annotations, box(polygon(500_000)), 413, "too-large"));
        c.add(bad("annotation: a 1001-character anomaly", "POST", annotations, labels("{\"anomalies\": [\"" + "d".repeat(1001) + "\"]}"),
                413, "too-large"));
        c.add(bad("batch: one change over the point limit", "POST", annotations + "/batch", "{\"changes\": [{\"op\": \"create\", \"annotation\": "
                + GOOD_BOX + "}, {\"op\": \"create\", \"annotation\": " + box(polygon(10_001)) + "}]}", 413, "too-large"));
        c.add(bad("annotation: a class outside the project's label set", "POST", annotations, labels("{\"chromosomeClass\": \"7\"}"),
                422, "validation"));
        c.add(bad("annotation: an anomaly that is not ISCN", "POST", annotations, labels("{\"anomalies\": [\"del(5)(q13q33\"]}"),
                422, "validation"));
        c.add(bad("annotation: an anomaly outside the vocabulary", "POST", annotations, labels("{\"anomalies\": [\"dup(1)(q21q31)\"]}"),
                422, "validation"));
        c.add(bad("annotation: a band not in the ideogram at 400", "POST", annotations,
                labels("{\"bands\": [{\"band\": \"9q34.11\", \"start\": 0.1, \"end\": 0.2}]}"), 422, "validation"));
        c.add(bad("update: a class outside the label set", "PUT", "/api/v1/annotations/" + annotation, labels("{\"chromosomeClass\": \"7\"}"),
                422, "validation", "If-Match", "\"1\""));
        c.add(bad("annotations: page limit zero", "GET", annotations + "?limit=0", null, 400, "malformed"));
        c.add(bad("annotations: a cursor the server never gave", "GET", annotations + "?after=bm9wZQ", null, 400, "malformed"));
        return c;
    }

    /** A polygon of {@code points} points on a circle inside the 200 x 100 image. */
    static String polygon(int points) {
        var sb = new StringBuilder("{\"type\": \"polygon\", \"exterior\": [");
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            sb.append(i > 0 ? "," : "").append("{\"x\":").append(100 + 40 * Math.cos(t)).append(",\"y\":").append(50 + 40 * Math.sin(t)).append('}');
        }
        return sb.append("]}").toString();
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsAProblemAndChangesNothing() {
        List<Case> all = cases();
        assertThat(all).as("the corpus").hasSizeGreaterThanOrEqualTo(60);
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        TestApi caller = switch (c.who()) {
            case "admin" -> admin;
            case "annotator" -> annotator;
            case "reviewer" -> reviewer;
            default -> admin.anonymous();
        };
        byte[] body = body(c);
        Map<String, Long> before = footprint();
        TestApi.Response r = caller.request(c.method(), c.path(), body, c.headers());
        assertThat(r.status()).as("%s: %s", c.name(), r.body()).isEqualTo(c.status());
        assertThat(r.header("Content-Type")).as(c.name()).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asText()).as(c.name()).isEqualTo("urn:karyolab:problem:" + c.type());
        assertThat(r.json().get("status").asInt()).isEqualTo(c.status());
        assertThat(r.json().get("detail").asText()).as("a human message").isNotBlank();
        if (c.pointer() != null) {
            assertThat(r.json().path("violations").path(0).path("pointer").asText()).as("%s: %s", c.name(), r.body())
                    .isEqualTo(c.pointer());
        }
        assertThat(footprint()).as("%s must change nothing", c.name()).isEqualTo(before);
    }

    /** A few cases need real image bytes: made here, marked by pseudo-headers that are not sent on. */
    private static byte[] body(Case c) {
        List<String> h = List.of(c.headers());
        if (h.contains("x-png")) return TestApi.png(20, 10);
        if (h.contains("x-png-64bit")) return pngHeader(10_000, 10_000, 16, 6);
        if (h.contains("x-truncated")) {
            byte[] png = TestApi.png(64, 64);
            return java.util.Arrays.copyOf(png, png.length / 2);
        }
        if (c.body() != null && h.contains("x-latin1")) return c.body().getBytes(StandardCharsets.ISO_8859_1); // not UTF-8
        return c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A PNG that is all header: IHDR of {@code width x height} at {@code depth} bits per channel and colour type
     * {@code colourType} (6 = RGBA), then an IDAT that is not zlib at all. Decoding it would first allocate the
     * whole raster (10000 x 10000 x 8 bytes = 800 MB) and then fail as corrupt; only a check of the header
     * refuses it for what it states.
     */
    static byte[] pngHeader(int width, int height, int depth, int colourType) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) depth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", "not a zlib stream".getBytes(StandardCharsets.US_ASCII));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @org.junit.jupiter.api.Test
    void aPngIsRefusedForTheBitDepthItsHeaderStatesBeforeAnyPixelIsDecoded() {
        TestApi.Response r = admin.upload("/api/v1/projects/" + project + "/images", "image/png", pngHeader(10_000, 10_000, 16, 6));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("violations").get(0).get("pointer").asText()).isEqualTo("/bitDepth");
        assertThat(r.json().get("detail").asText()).contains("nothing was decoded");
    }

    /** Row counts of every table that a write could touch, plus the number of stored blobs. */
    private Map<String, Long> footprint() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("projects", "images", "annotation_revisions", "annotations_current", "users",
                    "tokens", "project_members", "audit_log", "suggestions", "image_workflow", "reviews", "leases",
                    "image_labels", "image_label_revisions")) {
                // Refused attempts are logged (they change nothing else): what the log says happened is counted.
                String where = table.equals("audit_log") ? " WHERE action NOT LIKE 'refused %'" : "";
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + where)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            counts.put("blobs", files.filter(Files::isRegularFile).count());
        } catch (IOException e) {
            counts.put("blobs", -1L);
        }
        return counts;
    }
}
