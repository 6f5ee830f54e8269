package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, tokens, roles and the audit log, through the HTTP API. */
class AuthApiContract extends ApiContractOnEachDatabase {






    @Test
    void aRightPasswordGivesATokenAWrongOneA401() {
        var me = admin.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo(TestApi.ADMIN);
        assertThat(me.json().get("admin").asBoolean()).isTrue();

        var wrong = admin.anonymous().post("/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"nope-nope-nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("type").asText()).isEqualTo("urn:karyolab:problem:bad-credentials");
        var unknown = admin.anonymous().post("/api/v1/auth/login", "{\"username\": \"ghost\", \"password\": \"whatever-it-is\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void anonymousCallsAreAskedToSignIn() {
        var r = admin.anonymous().get("/api/v1/projects");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        var bogus = admin.anonymous().get("/api/v1/auth/me");
        assertThat(bogus.status()).isEqualTo(401);
    }

    @Test
    void apiTokensWorkUntilRevokedAndLogoutEndsASession() {
        var issued = admin.post("/api/v1/auth/tokens", "{\"name\": \"training-script\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        String tokenId = issued.json().get("id").asText();
        TestApi script = admin.anonymous().withToken(token);
        assertThat(script.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/auth/tokens").body()).contains("training-script").doesNotContain(token);

        assertThat(admin.delete("/api/v1/auth/tokens/" + tokenId, null).status()).isEqualTo(204);
        assertThat(script.get("/api/v1/auth/me").status()).isEqualTo(401);

        TestApi ann = admin.newUser("ann");
        assertThat(ann.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        assertThat(ann.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsSlowAndOneWayHashes() throws Exception {
        admin.newUser("bea");
        try (var c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM users WHERE username = 'bea'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("pbkdf2-sha256$210000$").doesNotContain("bea-password");
        }
        try (var c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token_hash FROM tokens")) {
            while (rs.next()) assertThat(rs.getString(1)).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void onlyAnAdminCreatesAccounts() {
        TestApi ann = admin.newUser("ann");
        var r = ann.post("/api/v1/users", "{\"username\": \"eve\", \"password\": \"eve-password-1\"}");
        assertThat(r.status()).isEqualTo(403);
        var weak = admin.post("/api/v1/users", "{\"username\": \"Bad Name\", \"password\": \"short\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("/username").contains("/password");
        assertThat(admin.get("/api/v1/users").body()).doesNotContain("eve").doesNotContain("Bad Name");
    }

    @Test
    void rolesDecideWhatAMemberMayDo() {
        String project = admin.createProject("roles");
        String image = admin.uploadPng(project, 64, 64);
        TestApi viewer = admin.newUser("vic");
        TestApi annotator = admin.newUser("ann");
        TestApi outsider = admin.newUser("out");
        admin.addMember(project, "vic", "viewer");
        admin.addMember(project, "ann", "annotator");

        assertThat(outsider.get("/api/v1/projects/" + project).status()).isEqualTo(403);
        assertThat(outsider.get("/api/v1/projects").json()).isEmpty();
        assertThat(viewer.get("/api/v1/projects").json()).hasSize(1);
        assertThat(viewer.get("/api/v1/images/" + image + "/annotations").status()).isEqualTo(200);
        var denied = viewer.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 5, 5, "1", "x"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asText()).contains("viewer");
        var saved = annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 5, 5, "1", "someone-else"));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("provenance").get("author").asText())
                .as("the server, not the body, says who made a change").isEqualTo("ann");
        assertThat(annotator.put("/api/v1/projects/" + project + "/members/vic", "{\"role\": \"owner\"}", null).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/images/" + image + "/annotations").json()).hasSize(1);
    }

    @Test
    void everyWriteIsInTheAuditLogWithWhoAndWhereFrom() {
        String project = admin.createProject("audited");
        String image = admin.uploadPng(project, 64, 64);
        TestApi annotator = admin.newUser("ann");
        admin.addMember(project, "ann", "annotator");
        String id = annotator.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 5, 5, "1", "ann"))
                .json().get("id").asText();
        assertThat(annotator.put("/api/v1/annotations/" + id, TestApi.box(2, 1, 5, 5, "1", "ann"), "\"1\"").status()).isEqualTo(200);
        assertThat(annotator.put("/api/v1/annotations/" + id, TestApi.box(3, 1, 5, 5, "1", "ann"), "\"1\"").status())
                .as("a refused write").isEqualTo(412);

        var log = admin.get("/api/v1/projects/" + project + "/audit").json();
        var actions = new java.util.ArrayList<String>();
        log.forEach(e -> actions.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("target").asText()));
        assertThat(actions).as("newest first").containsExactly(
                "ann PUT /api/v1/annotations/" + id,
                "ann POST /api/v1/images/" + image + "/annotations",
                "admin PUT /api/v1/projects/" + project + "/members/ann",
                "admin POST /api/v1/projects/" + project + "/images",
                "admin POST /api/v1/projects");
        assertThat(log.get(0).get("remote").asText()).contains("127.0.0.1");
        assertThat(annotator.get("/api/v1/projects/" + project + "/audit").status()).isEqualTo(403);
    }

    @Test
    void theFirstAdminIsMadeOnceOnly() {
        assertThat(server.services().auth().ensureFirstAdmin("admin", "another-password")).isEmpty();
        assertThat(admin.get("/api/v1/users").json()).hasSize(1);
        assertThat(admin.anonymous().post("/api/v1/auth/login",
                "{\"username\": \"admin\", \"password\": \"another-password\"}").status()).isEqualTo(401);
    }
}
