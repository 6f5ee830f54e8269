package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the suggestion, review and queue suites share: a fresh server, a project with an image
 * (200 x 100 px) and people in every role.
 */
abstract class WorkflowApiBase extends ApiContractOnEachDatabase {


    String project;
    String image;
    /** owner (all actions), annotators, a reviewer, a viewer, and a model service account (owner: MANAGE). */
    TestApi olga, ann, ben, rita, vic, model;


    @BeforeEach
    void setUp() {
        project = admin.createProject("workflow");
        image = admin.uploadPng(project, 200, 100);
        olga = member("olga", "owner");
        ann = member("ann", "annotator");
        ben = member("ben", "annotator");
        rita = member("rita", "reviewer");
        vic = member("vic", "viewer");
        model = member("model-bot", "owner");
    }


    TestApi member(String name, String role) {
        TestApi user = admin.newUser(name);
        admin.addMember(project, name, role);
        return user;
    }

    /** Creates an annotation as {@code who}; returns its id. */
    String annotate(TestApi who, String imageId, double x, String chromosomeClass) {
        var r = who.post("/api/v1/images/" + imageId + "/annotations", TestApi.box(x, 20, 30, 40, chromosomeClass, "ignored"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static void assertProblem(TestApi.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("type").asText()).isEqualTo("urn:karyolab:problem:" + type);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText(null)));
        return out;
    }

    /** Runs the calls at the same moment, each on its own thread, and returns their results in order. */
    static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
