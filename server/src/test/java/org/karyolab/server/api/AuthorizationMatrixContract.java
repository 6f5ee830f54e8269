package org.karyolab.server.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.TestApi;
import org.karyolab.server.TestServers;
import org.karyolab.server.auth.Action;
import org.karyolab.server.auth.Role;
import org.karyolab.server.store.OnEachDatabase;
import org.karyolab.server.store.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, called as every kind of caller: anonymous, a signed-in non-member, each project
 * role, and an admin. Each route has one line in {@link #RULES} saying what it needs; a route
 * without a line fails the test, so no route can be added unchecked.
 */
@OnEachDatabase
class AuthorizationMatrixContract {

    /** What a route needs. */
    sealed interface Needs {
        record Nothing() implements Needs {}
        record SignedIn() implements Needs {}
        record Admin() implements Needs {}
        record InProject(Action action) implements Needs {}
    }

    static final Needs PUBLIC = new Needs.Nothing();
    static final Needs SIGNED_IN = new Needs.SignedIn();
    static final Needs ADMIN = new Needs.Admin();

    static Needs project(Action a) {
        return new Needs.InProject(a);
    }

    /** The rule for every route: method + path pattern -> what it needs. */
    static final Map<String, Needs> RULES = new LinkedHashMap<>();

    static {
        RULES.put("POST /api/v1/auth/login", PUBLIC);
        RULES.put("POST /api/v1/auth/logout", SIGNED_IN);
        RULES.put("GET /api/v1/auth/me", SIGNED_IN);
        RULES.put("GET /api/v1/auth/tokens", SIGNED_IN);
        RULES.put("POST /api/v1/auth/tokens", SIGNED_IN);
        RULES.put("DELETE /api/v1/auth/tokens/{tokenId}", SIGNED_IN);
        RULES.put("PUT /api/v1/auth/password", SIGNED_IN);
        RULES.put("GET /api/v1/users", ADMIN);
        RULES.put("POST /api/v1/users", ADMIN);
        RULES.put("DELETE /api/v1/users/{username}", ADMIN);
        RULES.put("POST /api/v1/users/{username}/disable", ADMIN);
        RULES.put("POST /api/v1/users/{username}/enable", ADMIN);
        RULES.put("PUT /api/v1/users/{username}/password", ADMIN);
        RULES.put("GET /api/v1/audit", ADMIN);
        RULES.put("GET /api/v1/projects", SIGNED_IN);
        RULES.put("POST /api/v1/projects", SIGNED_IN);
        RULES.put("GET /api/v1/projects/{projectId}", project(Action.VIEW));
        RULES.put("PUT /api/v1/projects/{projectId}", project(Action.MANAGE));
        RULES.put("DELETE /api/v1/projects/{projectId}", project(Action.MANAGE));
        RULES.put("GET /api/v1/projects/{projectId}/members", project(Action.VIEW));
        RULES.put("PUT /api/v1/projects/{projectId}/members/{username}", project(Action.MANAGE));
        RULES.put("DELETE /api/v1/projects/{projectId}/members/{username}", project(Action.MANAGE));
        RULES.put("POST /api/v1/projects/{projectId}/leave", project(Action.VIEW));
        RULES.put("GET /api/v1/projects/{projectId}/audit", project(Action.MANAGE));
        RULES.put("GET /api/v1/projects/{projectId}/images", project(Action.VIEW));
        RULES.put("POST /api/v1/projects/{projectId}/images", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/images/{imageId}", project(Action.VIEW));
        RULES.put("DELETE /api/v1/images/{imageId}", project(Action.MANAGE));
        RULES.put("GET /api/v1/images/{imageId}/content", project(Action.VIEW));
        RULES.put("GET /api/v1/images/{imageId}/access", project(Action.VIEW));
        RULES.put("GET /api/v1/images/{imageId}/annotations", project(Action.VIEW));
        RULES.put("POST /api/v1/images/{imageId}/annotations", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/annotations/{id}", project(Action.VIEW));
        RULES.put("PUT /api/v1/annotations/{id}", project(Action.ANNOTATE));
        RULES.put("DELETE /api/v1/annotations/{id}", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/annotations/{id}/history", project(Action.VIEW));
        RULES.put("POST /api/v1/annotations/{id}/revert", project(Action.ANNOTATE));
        // suggestions, review, work queue
        RULES.put("GET /api/v1/images/{imageId}/suggestions", project(Action.VIEW));
        RULES.put("POST /api/v1/images/{imageId}/suggestions", project(Action.MANAGE));
        RULES.put("GET /api/v1/suggestions/{suggestionId}", project(Action.VIEW));
        RULES.put("POST /api/v1/suggestions/{suggestionId}/accept", project(Action.ANNOTATE));
        RULES.put("POST /api/v1/suggestions/{suggestionId}/reject", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/projects/{projectId}/models", project(Action.VIEW));
        RULES.put("POST /api/v1/images/{imageId}/submit", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/images/{imageId}/review", project(Action.VIEW));
        RULES.put("POST /api/v1/images/{imageId}/review", project(Action.REVIEW));
        RULES.put("GET /api/v1/images/{imageId}/reviews", project(Action.VIEW));
        RULES.put("POST /api/v1/annotations/{id}/review", project(Action.REVIEW));
        RULES.put("POST /api/v1/projects/{projectId}/queue/next", project(Action.ANNOTATE));
        RULES.put("PUT /api/v1/images/{imageId}/priority", project(Action.MANAGE));
        RULES.put("GET /api/v1/leases/{leaseId}", project(Action.ANNOTATE));
        RULES.put("POST /api/v1/leases/{leaseId}/renew", project(Action.ANNOTATE));
        RULES.put("POST /api/v1/leases/{leaseId}/release", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/images/{imageId}/thumbnail", project(Action.VIEW));
        RULES.put("PUT /api/v1/images/{imageId}/metadata", project(Action.MANAGE));
        RULES.put("POST /api/v1/images/{imageId}/annotations/batch", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/projects/{projectId}/events", project(Action.VIEW));
        RULES.put("GET /api/v1/images/{imageId}/labels", project(Action.VIEW));
        RULES.put("PUT /api/v1/images/{imageId}/labels", project(Action.ANNOTATE));
        RULES.put("GET /api/v1/images/{imageId}/labels/history", project(Action.VIEW));
        // karyotype text and band-level reasoning: no project, any signed-in caller
        RULES.put("POST /api/v1/karyotype/parse", SIGNED_IN);
        RULES.put("POST /api/v1/karyotype/check", SIGNED_IN);
        RULES.put("POST /api/v1/karyotype/lgf", SIGNED_IN);
        RULES.put("POST /api/v1/karyotype/read", SIGNED_IN);
        RULES.put("GET /openapi", PUBLIC);
    }

    /**
     * The writes a work-queue lease applies to ({@code LeaseCheck}), each with a request that gets past the route's
     * own checks (query, If-Match, body): someone else's live lease makes them 423 {@code leased}, and
     * {@code ?overrideLease=true} lets a project owner or an admin through (anyone else asking: 403).
     */
    record LeasedWrite(String query, String ifMatch, String body) {}

    static final Map<String, LeasedWrite> LEASED = new LinkedHashMap<>();

    static {
        String box = TestApi.box(20, 20, 9, 9, "1", "x");
        LEASED.put("POST /api/v1/images/{imageId}/annotations", new LeasedWrite("", null, box));
        LEASED.put("POST /api/v1/images/{imageId}/annotations/batch", new LeasedWrite("", null, "{\"changes\": []}"));
        LEASED.put("PUT /api/v1/annotations/{id}", new LeasedWrite("", "\"1\"", box));
        LEASED.put("DELETE /api/v1/annotations/{id}", new LeasedWrite("", "\"1\"", null));
        LEASED.put("POST /api/v1/annotations/{id}/revert", new LeasedWrite("to=1", "\"1\"", ""));
        LEASED.put("PUT /api/v1/images/{imageId}/labels", new LeasedWrite("", "\"0\"", "{}"));
        LEASED.put("POST /api/v1/images/{imageId}/submit", new LeasedWrite("", null, ""));
        LEASED.put("POST /api/v1/suggestions/{suggestionId}/accept", new LeasedWrite("", null, ""));
    }

    /** Routes that take away what the others need (the image, the project, the "viewer" account): run last. */
    private static final Set<String> DESTRUCTIVE = Set.of("DELETE /api/v1/images/{imageId}", "DELETE /api/v1/projects/{projectId}",
            "DELETE /api/v1/users/{username}", "POST /api/v1/users/{username}/disable",
            "PUT /api/v1/users/{username}/password");

    /** The callers, least privileged first, so a refusal never depends on what an allowed call changed. */
    private static final List<String> CALLERS = List.of("anonymous", "outsider", "viewer", "reviewer", "annotator", "owner", "admin");

    @TempDir
    Path data;

    KaryoLabServer server;
    TestApi admin;
    final Map<String, TestApi> callers = new LinkedHashMap<>();
    final Map<String, String> ids = new LinkedHashMap<>();

    @Parameter
    TestDatabase onDatabase;

    TestServers database() {
        return TestServers.on(onDatabase);
    }

    @BeforeEach
    void start() {
        server = database().start(data);
        admin = TestApi.admin(server);
        String project = admin.createProject("matrix");
        String image = admin.uploadPng(project, 128, 128);
        callers.put("anonymous", admin.anonymous());
        callers.put("outsider", admin.newUser("outsider"));
        for (String role : List.of("viewer", "reviewer", "annotator", "owner")) {
            callers.put(role, admin.newUser(role));
            admin.addMember(project, role, role);
        }
        callers.put("admin", admin);
        ids.put("projectId", project);
        ids.put("imageId", image);
        ids.put("id", admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 9, 9, "1", "x")).json().get("id").asText());
        ids.put("username", "viewer");
        ids.put("tokenId", "no-such-token");
        ids.put("suggestionId", admin.post("/api/v1/images/" + image + "/suggestions", """
                {"shape": {"type": "box", "x": 1, "y": 1, "width": 9, "height": 9}, "confidence": 0.5,
                 "modelId": "m", "modelVersion": "1"}""").json().get("id").asText());
        ids.put("leaseId", admin.post("/api/v1/projects/" + project + "/queue/next", "").json().get("id").asText());
        fixtures(admin, ids);
    }

    /** Hook for ids of resources other suites add (suggestions, leases...). */
    void fixtures(TestApi admin, Map<String, String> ids) {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRouteHasARule() {
        Set<String> routes = new TreeSet<>();
        RouteInventory.of(server.services()).forEach(r -> routes.add(r.toString()));
        assertThat(routes).as("routes without a line in RULES").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for routes that do not exist").isSubsetOf(routes);
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        long refused = 0;
        // Deleting the image, the project or an account goes last, for every caller: the other routes need them.
        for (boolean destructive : List.of(false, true)) for (String caller : CALLERS) {
            for (RouteInventory.Route route : RouteInventory.of(server.services())) {
                if (DESTRUCTIVE.contains(route.toString()) != destructive) continue;
                Needs needs = RULES.get(route.toString());
                // logout would end the caller's session, leave their membership (both have tests of their own)
                if (needs == null || route.path().endsWith("/logout") || route.path().endsWith("/leave")) continue;
                String path = fill(route.path());
                byte[] body = route.method().equals("GET") || route.method().equals("DELETE") ? null
                        : "{}".getBytes(StandardCharsets.UTF_8);
                // An event stream never ends: read its status and headers, then hang up.
                TestApi.Response r = route.path().endsWith("/events")
                        ? callers.get(caller).statusOnly(path)
                        : callers.get(caller).request(route.method(), path, body,
                                "Content-Type", "application/json", "If-Match", "\"1\"");
                calls++;
                if (r.status() == 403 || (route.path().endsWith("/login") && r.status() >= 400)) refused++;
                String expected = expected(needs, caller);
                String actual = isUnauthenticated(r) ? "401" : isForbidden(r) ? "403" : "allowed";
                if (!expected.equals(actual)) {
                    wrong.add(caller + " " + route + " -> " + r.status() + " (expected " + expected + "): " + r.body());
                }
            }
        }
        assertThat(wrong).as("%d calls", calls).isEmpty();
        assertThat(refusedInAuditLog()).as("every 403 and every failed sign-in is in the audit log").isEqualTo(refused);
        assertThat(calls).isGreaterThanOrEqualTo(CALLERS.size() * (RULES.size() - 2));
    }

    /**
     * Issue 10, item 12: annotation ids are global, so a create on one's own image may name an annotation of a project
     * one cannot view. The 409 says the id is taken and nothing of that annotation (no {@code current}, none of its
     * image, shape or labels), on the single route and in a batch; a batch update naming it is the 404 of any
     * annotation not on the image, whatever status it sends. The policy is the same for a caller who can view it:
     * a conflict never shows an annotation of another image.
     */
    @Test
    void anIdOfAnotherProjectsAnnotationTellsNothingOfIt() {
        String theirs = ids.get("id");
        String elsewhere = admin.createProject("elsewhere");
        String image = admin.uploadPng(elsewhere, 64, 64);
        String annotations = "/api/v1/images/" + image + "/annotations";
        String draft = "{\"id\": \"" + theirs + "\", \"shape\": {\"type\": \"box\", \"x\": 2, \"y\": 2, \"width\": 5, \"height\": 5}}";
        for (String caller : List.of("outsider", "viewer")) {
            admin.addMember(elsewhere, caller, "annotator");
            TestApi b = callers.get(caller);
            var single = b.post(annotations, draft);
            var batch = b.post(annotations + "/batch", "{\"changes\": [{\"op\": \"create\", \"annotation\": " + draft + "}]}");
            for (TestApi.Response r : List.of(single, batch)) {
                assertThat(r.status()).as("%s: %s", caller, r.body()).isEqualTo(409);
                assertThat(r.body()).contains("urn:karyolab:problem:already-exists");
                assertThat(r.json().has("current")).as(caller).isFalse();
                assertThat(r.body()).as(caller).doesNotContain(ids.get("imageId")).doesNotContain(ids.get("projectId"))
                        .doesNotContain("chromosomeClass").doesNotContain("9.0").doesNotContain("revision\"");
            }
            // Whether the revision or the status sent is the one it has, the answer is the same: it is not on this image.
            for (String change : List.of("\"revision\": 1, \"annotation\": {\"shape\": {\"type\": \"box\", \"x\": 2, \"y\": 2, "
                    + "\"width\": 5, \"height\": 5}, \"status\": \"accepted\"}", "\"revision\": 7, \"annotation\": {\"shape\": "
                    + "{\"type\": \"box\", \"x\": 2, \"y\": 2, \"width\": 5, \"height\": 5}, \"status\": \"draft\"}")) {
                var update = b.post(annotations + "/batch", "{\"changes\": [{\"op\": \"update\", \"id\": \"" + theirs + "\", " + change + "}]}");
                assertThat(update.status()).as("%s: %s", caller, update.body()).isEqualTo(404);
                assertThat(update.body()).contains("urn:karyolab:problem:not-found").doesNotContain("draft")
                        .doesNotContain(ids.get("imageId"));
            }
        }
        assertThat(admin.get(annotations).json()).as("nothing written on the caller's image").isEmpty();
        var kept = admin.get("/api/v1/annotations/" + theirs).json();
        assertThat(kept.get("revision").asLong()).isEqualTo(1);
        assertThat(kept.get("imageId").asText()).isEqualTo(ids.get("imageId"));
    }

    /**
     * The image is leased to the admin (the fixture took it from the queue). Every ANNOTATE route answers 423 to the
     * others exactly when it is in {@link #LEASED}; asking to override is for owners and admins only; the holder's
     * writes go through. The holder comes last: their submit ends the lease.
     */
    @Test
    void leasedWritesAnswerEveryCallerAsTheLeaseSays() throws Exception {
        record Turn(String caller, boolean override) {}
        List<Turn> turns = new ArrayList<>();
        for (String caller : CALLERS) if (!caller.equals("admin")) turns.add(new Turn(caller, false));
        for (String caller : CALLERS) turns.add(new Turn(caller, true));
        turns.add(new Turn("admin", false));
        List<String> wrong = new ArrayList<>();
        long refused = 0;
        for (Turn turn : turns) {
            for (RouteInventory.Route route : RouteInventory.of(server.services())) {
                LeasedWrite write = LEASED.get(route.toString());
                boolean annotate = RULES.get(route.toString()) instanceof Needs.InProject p && p.action() == Action.ANNOTATE;
                if (!annotate || (turn.override() && write == null) || DESTRUCTIVE.contains(route.toString())) continue;
                if (route.path().endsWith("/leave") || route.path().startsWith("/api/v1/leases")) continue; // not about the image
                TestApi.Response r = call(turn.caller(), route, write, turn.override());
                if (r.status() == 403) refused++;
                String expected = expectedUnderLease(turn.caller(), write != null, turn.override());
                String actual = isUnauthenticated(r) ? "401" : isForbidden(r) ? "403"
                        : r.status() == 423 && r.body().contains("urn:karyolab:problem:leased") ? "423" : "allowed";
                if (!expected.equals(actual)) {
                    wrong.add(turn + " " + route + " -> " + r.status() + " (expected " + expected + "): " + r.body());
                }
                if (actual.equals("423") && !r.json().path("holder").asText().equals("admin")) {
                    wrong.add(route + ": 423 without the holder: " + r.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(refusedInAuditLog()).as("every 403 is in the audit log").isEqualTo(refused);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'lease.override' AND actor = 'owner'"))
                .as("the owner's overrides are logged").isPositive();
    }

    /** What a caller gets from an ANNOTATE route while the admin holds the image ({@code leased}: a route in {@link #LEASED}). */
    private static String expectedUnderLease(String caller, boolean leased, boolean override) {
        if (caller.equals("anonymous")) return "401";
        boolean admin = caller.equals("admin");
        if (!admin && (caller.equals("outsider") || !Role.parse(caller).allows(Action.ANNOTATE))) return "403";
        if (override) return admin || caller.equals("owner") ? "allowed" : "403";
        return leased && !admin ? "423" : "allowed";
    }

    private TestApi.Response call(String caller, RouteInventory.Route route, LeasedWrite write, boolean override) {
        String query = write == null ? "" : write.query();
        if (override) query = query.isEmpty() ? "overrideLease=true" : query + "&overrideLease=true";
        String path = fill(route.path()) + (query.isEmpty() ? "" : "?" + query);
        String body = write != null ? write.body() : route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
        String ifMatch = write != null ? write.ifMatch() : "\"1\"";
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
        if (ifMatch != null) headers.addAll(List.of("If-Match", ifMatch));
        return callers.get(caller).request(route.method(), path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    private long refusedInAuditLog() throws java.sql.SQLException {
        return count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'refused %'");
    }

    private long count(String sql) throws java.sql.SQLException {
        try (var c = server.database().dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Refused for want of a sign-in (not, say, a wrong password at login, which is the route working). */
    private static boolean isUnauthenticated(TestApi.Response r) {
        return r.status() == 401 && r.body().contains("urn:karyolab:problem:unauthenticated");
    }

    private static boolean isForbidden(TestApi.Response r) {
        return r.status() == 403 && r.body().contains("urn:karyolab:problem:forbidden");
    }

    private static String expected(Needs needs, String caller) {
        if (needs instanceof Needs.Nothing) return "allowed";
        if (caller.equals("anonymous")) return "401";
        return switch (needs) {
            case Needs.Nothing n -> "allowed";
            case Needs.SignedIn s -> "allowed";
            case Needs.Admin a -> caller.equals("admin") ? "allowed" : "403";
            case Needs.InProject p -> switch (caller) {
                case "admin" -> "allowed";
                case "outsider" -> "403";
                default -> Role.parse(caller).allows(p.action()) ? "allowed" : "403";
            };
        };
    }

    private String fill(String pattern) {
        String path = pattern;
        for (var e : ids.entrySet()) path = path.replace("{" + e.getKey() + "}", e.getValue());
        assertThat(path).as("a path parameter without a fixture id").doesNotContain("{");
        return path;
    }
}
