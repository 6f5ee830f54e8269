package org.karyolab.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every API suite starts from: a fresh server on its own database with a signed-in first
 * admin. A contract suite extends {@link ApiContractOnEachDatabase} and runs on both databases; a
 * suite that is not about storage says which one in {@link #database()}.
 */
public abstract class ApiContract {

    @TempDir
    protected Path data;

    protected KaryoLabServer server;
    protected TestApi admin;

    protected abstract TestServers database();

    /** The server a suite runs against; a suite that needs other settings (limits, say) overrides this. */
    protected KaryoLabServer start(TestServers database, Path data) {
        return database.start(data);
    }

    @BeforeEach
    final void startServer() {
        server = start(database(), data);
        admin = TestApi.admin(server);
    }

    @AfterEach
    final void stopServer() {
        if (server != null) server.close();
    }
}
