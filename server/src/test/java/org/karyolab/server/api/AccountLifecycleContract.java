package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 18: accounts an operator can disable, delete and reset; sign-ins throttled and audited. */
class AccountLifecycleContract extends ApiContractOnEachDatabase {

    private static final String LOGIN = "/api/v1/auth/login";

    private static String credentials(String user, String password) {
        return "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}";
    }

    @Test
    void aDisabledAccountsTokensStopWorkingAndItCannotSignInUntilEnabled() {
        TestApi ann = admin.newUser("ann");
        String apiToken = ann.post("/api/v1/auth/tokens", "{\"name\": \"script\"}").json().get("token").asText();
        TestApi script = admin.anonymous().withToken(apiToken);

        var disabled = admin.post("/api/v1/users/ann/disable", "");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("disabledAt").isNull()).isFalse();
        assertThat(ann.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(script.get("/api/v1/auth/me").status()).isEqualTo(401);
        var signIn = admin.anonymous().post(LOGIN, credentials("ann", "ann-password"));
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.json().get("type").asText()).isEqualTo("urn:karyolab:problem:account-disabled");

        assertThat(admin.post("/api/v1/users/ann/enable", "").status()).isEqualTo(200);
        assertThat(script.get("/api/v1/auth/me").status()).as("a token that did not expire works again").isEqualTo(200);
        assertThat(admin.anonymous().post(LOGIN, credentials("ann", "ann-password")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/users/admin/disable", "").status()).as("not one's own account").isEqualTo(403);
        assertThat(admin.post("/api/v1/users/ghost/disable", "").status()).isEqualTo(404);
    }

    @Test
    void aDeletedAccountIsGoneButItsNameStaysTaken() {
        TestApi ann = admin.newUser("ann");
        String project = admin.createProject("p");
        admin.addMember(project, "ann", "annotator");

        assertThat(admin.delete("/api/v1/users/ann", null).status()).isEqualTo(204);
        assertThat(ann.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(admin.anonymous().post(LOGIN, credentials("ann", "ann-password")).status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/users").body()).doesNotContain("\"ann\"");
        assertThat(admin.get("/api/v1/projects/" + project + "/members").body()).doesNotContain("\"ann\"");
        assertThat(admin.post("/api/v1/users", credentials("ann", "another-password")).status())
                .as("a newcomer does not inherit ann's history").isEqualTo(422);
        assertThat(admin.delete("/api/v1/users/ann", null).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/users/admin", null).status()).isEqualTo(403);
    }

    @Test
    void theLastOwnerOfAProjectCannotBeDeletedRemovedDemotedOrLeave() {
        TestApi olga = admin.newUser("olga");
        String project = olga.createProject("olgas");
        assertThat(admin.delete("/api/v1/projects/" + project + "/members/admin", null).status()).isEqualTo(404);

        var deleted = admin.delete("/api/v1/users/olga", null);
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.json().get("type").asText()).isEqualTo("urn:karyolab:problem:last-owner");
        assertThat(olga.delete("/api/v1/projects/" + project + "/members/olga", null).status()).isEqualTo(409);
        assertThat(olga.put("/api/v1/projects/" + project + "/members/olga", "{\"role\": \"viewer\"}", null).status())
                .isEqualTo(409);
        assertThat(olga.post("/api/v1/projects/" + project + "/leave", "").status()).isEqualTo(409);

        admin.newUser("pia");
        olga.addMember(project, "pia", "owner");
        assertThat(olga.post("/api/v1/projects/" + project + "/leave", "").status()).isEqualTo(204);
        assertThat(olga.get("/api/v1/projects/" + project).status()).isEqualTo(403);
        assertThat(admin.delete("/api/v1/users/olga", null).status()).isEqualTo(204);
    }

    @Test
    void changingOnesPasswordEndsEveryOtherSessionAndAnAdminCanResetIt() {
        TestApi ann = admin.newUser("ann");
        TestApi annElsewhere = admin.anonymous().signIn("ann", "ann-password");
        var wrong = ann.put("/api/v1/auth/password", "{\"currentPassword\": \"nope\", \"newPassword\": \"short\"}", null);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("/currentPassword").contains("/newPassword");

        var changed = ann.put("/api/v1/auth/password",
                "{\"currentPassword\": \"ann-password\", \"newPassword\": \"a-new-long-password\"}", null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(ann.get("/api/v1/auth/me").status()).as("the session that changed it").isEqualTo(200);
        assertThat(annElsewhere.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(admin.anonymous().post(LOGIN, credentials("ann", "ann-password")).status()).isEqualTo(401);
        assertThat(admin.anonymous().post(LOGIN, credentials("ann", "a-new-long-password")).status()).isEqualTo(200);

        assertThat(admin.put("/api/v1/users/ann/password", "{\"password\": \"short\"}", null).status()).isEqualTo(422);
        assertThat(admin.put("/api/v1/users/ann/password", "{\"password\": \"reset-by-admin-1\"}", null).status()).isEqualTo(200);
        assertThat(ann.get("/api/v1/auth/me").status()).as("every session ends on a reset").isEqualTo(401);
        assertThat(admin.anonymous().post(LOGIN, credentials("ann", "reset-by-admin-1")).status()).isEqualTo(200);
        assertThat(ann.put("/api/v1/users/ann/password", "{\"password\": \"reset-by-admin-2\"}", null).status()).isEqualTo(401);
    }

    @Test
    void failedSignInsAreThrottledPerNameAndAddressAndAudited() {
        TestApi anonymous = admin.anonymous();
        admin.newUser("ann");
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post(LOGIN, credentials("ann", "guess-" + i)).status()).isEqualTo(401);
        }
        var throttled = anonymous.post(LOGIN, credentials("ann", "ann-password"));
        assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.json().get("type").asText()).isEqualTo("urn:karyolab:problem:too-many-sign-ins");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 900);
        assertThat(anonymous.post(LOGIN, credentials(TestApi.ADMIN, TestApi.ADMIN_PASSWORD)).status())
                .as("another name from the same address").isEqualTo(200);

        JsonNode log = admin.get("/api/v1/audit").json();
        List<String> refusals = new ArrayList<>();
        log.forEach(e -> refusals.add(e.get("action").asText() + " " + e.get("actor").asText() + " " + e.get("detail").asText()));
        assertThat(refusals).filteredOn(r -> r.startsWith("refused sign-in"))
                .containsExactly("refused sign-in ann 429", "refused sign-in ann 401", "refused sign-in ann 401",
                        "refused sign-in ann 401", "refused sign-in ann 401", "refused sign-in ann 401");
        assertThat(log.get(0).get("remote").asText()).contains("127.0.0.1");
        assertThat(admin.newUser("bob").get("/api/v1/audit").status()).isEqualTo(403);
    }

    @Test
    void attemptsRefusedForWhoTheCallerIsAreInTheProjectsAuditLog() {
        String project = admin.createProject("guarded");
        TestApi vic = admin.newUser("vic");
        admin.addMember(project, "vic", "viewer");
        assertThat(vic.get("/api/v1/projects/" + project + "/audit").status()).isEqualTo(403);
        assertThat(vic.put("/api/v1/projects/" + project, "{}", null).status()).isEqualTo(403);

        JsonNode log = admin.get("/api/v1/projects/" + project + "/audit").json();
        assertThat(log.get(0).get("action").asText()).isEqualTo("refused PUT");
        assertThat(log.get(0).get("actor").asText()).isEqualTo("vic");
        assertThat(log.get(1).get("action").asText()).isEqualTo("refused GET");
        assertThat(log.get(1).get("target").asText()).isEqualTo("/api/v1/projects/" + project + "/audit");
    }

    @Test
    void anAnnotationsAuditRowIsWrittenWithItsRevision() {
        String project = admin.createProject("in-one-commit");
        String image = admin.uploadPng(project, 64, 64);
        String id = admin.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 5, 5, "1", "x"))
                .json().get("id").asText();
        admin.put("/api/v1/annotations/" + id, TestApi.box(2, 1, 5, 5, "1", "x"), "\"1\"");
        JsonNode log = admin.get("/api/v1/projects/" + project + "/audit").json();
        // The detail names the revision the row committed with; the after-the-answer path could only name the status.
        assertThat(log.get(0).get("detail").asText()).isEqualTo(id + "@2");
        assertThat(log.get(1).get("detail").asText()).isEqualTo(id + "@1");
    }
}
