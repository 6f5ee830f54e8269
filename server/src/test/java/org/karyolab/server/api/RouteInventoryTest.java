package org.karyolab.server.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.TestServers;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RouteInventoryTest {

    @TempDir
    Path data;

    @Test
    void seesTheRoutesOfEveryService() {
        try (KaryoLabServer server = TestServers.H2.start(data)) {
            var routes = RouteInventory.of(server.services()).stream().map(Object::toString).toList();
            assertThat(routes).contains(
                    "POST /api/v1/auth/login",
                    "GET /api/v1/projects",
                    "POST /api/v1/projects/{projectId}/images",
                    "PUT /api/v1/annotations/{id}",
                    "GET /api/v1/annotations/{id}/history");
            assertThat(routes).doesNotHaveDuplicates();
        }
    }
}
