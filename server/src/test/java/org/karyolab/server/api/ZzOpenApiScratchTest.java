package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.TestApi;
import org.karyolab.server.TestServers;

import java.nio.file.Path;

class ZzOpenApiScratchTest {
    @TempDir Path data;

    static void p(String what, TestApi.Response r) {
        System.out.println("### " + what + " -> " + r.status() + " " + (r.raw() == null ? "" : r.raw().headers().map()) + "\n" + r.body());
    }

    @Test
    void dump() {
        try (KaryoLabServer server = TestServers.H2.start(data)) {
            TestApi a = TestApi.admin(server);
            p("me", a.get("/api/v1/auth/me"));
            p("tokens post", a.post("/api/v1/auth/tokens", "{\"name\":\"ci\"}"));
            p("tokens", a.get("/api/v1/auth/tokens"));
            p("users", a.get("/api/v1/users"));
            p("user create", a.post("/api/v1/users", "{\"username\":\"bob\",\"password\":\"bob-password\"}"));
            String project = a.createProject("p1");
            p("projects", a.get("/api/v1/projects"));
            p("project put", a.put("/api/v1/projects/" + project, "{\"name\":\"p2\",\"labelSet\":{\"chromosomeClasses\":[\"1\"],\"clusterTypeScheme\":\"lin-2021\"}}", null));
            p("members put", a.put("/api/v1/projects/" + project + "/members/bob", "{\"role\":\"annotator\"}", null));
            p("members", a.get("/api/v1/projects/" + project + "/members"));
            String image = a.uploadPng(project, 64, 64);
            p("image", a.get("/api/v1/images/" + image));
            p("images", a.get("/api/v1/projects/" + project + "/images?limit=1"));
            p("metadata", a.put("/api/v1/images/" + image + "/metadata", "{\"split\":\"train\"}", null));
            p("metadata bad", a.put("/api/v1/images/" + image + "/metadata", "{\"caseId\":\" \"}", null));
            p("ann create", a.post("/api/v1/images/" + image + "/annotations", TestApi.box(1, 1, 9, 9, "1", "x")));
            var list = a.get("/api/v1/images/" + image + "/annotations");
            p("ann list", list);
            String id = list.json().get(0).get("id").asText();
            p("ann put", a.put("/api/v1/annotations/" + id, TestApi.box(1, 1, 8, 8, "1", "x"), "\"1\""));
            p("ann history", a.get("/api/v1/annotations/" + id + "/history"));
            p("ann revert", a.request("POST", "/api/v1/annotations/" + id + "/revert?to=1", null, "If-Match", "\"2\""));
            p("ann stale", a.put("/api/v1/annotations/" + id, TestApi.box(1, 1, 8, 8, "1", "x"), "\"1\""));
            p("ann 428", a.put("/api/v1/annotations/" + id, TestApi.box(1, 1, 8, 8, "1", "x"), null));
            p("batch", a.post("/api/v1/images/" + image + "/annotations/batch", "{\"changes\":[{\"op\":\"create\",\"annotation\":" + TestApi.box(2, 2, 5, 5, "2", "x") + "}]}"));
            p("sugg", a.post("/api/v1/images/" + image + "/suggestions", "{\"shape\": {\"type\": \"box\", \"x\": 1, \"y\": 1, \"width\": 9, \"height\": 9}, \"confidence\": 0.5, \"modelId\": \"m\", \"modelVersion\": \"1\"}"));
            var sl = a.get("/api/v1/images/" + image + "/suggestions");
            p("sugg list", sl);
            String sid = sl.json().get(0).get("id").asText();
            p("sugg accept", a.post("/api/v1/suggestions/" + sid + "/accept", ""));
            p("sugg accept again", a.post("/api/v1/suggestions/" + sid + "/accept", ""));
            p("models", a.get("/api/v1/projects/" + project + "/models"));
            p("queue", a.post("/api/v1/projects/" + project + "/queue/next", ""));
            p("priority", a.put("/api/v1/images/" + image + "/priority", "{\"priority\":0.5}", null));
            p("submit", a.post("/api/v1/images/" + image + "/submit", ""));
            p("review state", a.get("/api/v1/images/" + image + "/review"));
            TestApi bob = a.signIn("bob", "bob-password");
            p("review own", a.post("/api/v1/images/" + image + "/review", "{\"decision\":\"accept\"}"));
            p("reviews", a.get("/api/v1/images/" + image + "/reviews"));
            p("audit", a.get("/api/v1/projects/" + project + "/audit?limit=2"));
            p("health", a.get("/observe/health"));
            p("metrics", a.request("GET", "/observe/metrics", null, "Accept", "text/plain"));
            p("anon", a.anonymous().get("/api/v1/projects"));
            p("upload 415", a.upload("/api/v1/projects/" + project + "/images?caseId=c", "text/plain", new byte[]{1,2}));
            p("delete member", a.delete("/api/v1/projects/" + project + "/members/bob", null));
        }
    }
}
