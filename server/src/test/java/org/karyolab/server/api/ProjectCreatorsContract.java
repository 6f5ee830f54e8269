package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.TestApi;
import org.karyolab.server.TestServers;
import org.karyolab.server.service.ProjectService;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 18: who may start projects is a server setting (karyolab.projects.creators). */
class ProjectCreatorsContract extends ApiContractOnEachDatabase {

    @Override
    protected KaryoLabServer start(TestServers database, Path data) {
        // What KARYOLAB_PROJECTS_CREATORS=admins binds (ConfigurationTest reads it from the environment).
        return KaryoLabServer.start(database.settings(data).withProjectCreators(ProjectService.Creators.ADMINS));
    }

    @Test
    void withCreatorsAdminsOnlyAnAdminStartsAProject() {
        TestApi ann = admin.newUser("ann");
        var refused = ann.post("/api/v1/projects", """
                {"name": "mine", "labelSet": {"chromosomeClasses": ["1"], "clusterTypeScheme": "lin-2021",
                 "anomalyVocabulary": []}}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("karyolab.projects.creators");
        assertThat(admin.get("/api/v1/projects").json()).isEmpty();
        String project = admin.createProject("the admins");
        admin.addMember(project, "ann", "owner");
        assertThat(ann.get("/api/v1/projects/" + project).status()).isEqualTo(200);
    }
}
