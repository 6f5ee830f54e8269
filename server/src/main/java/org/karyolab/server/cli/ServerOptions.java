package org.karyolab.server.cli;

import io.helidon.config.Config;
import org.karyolab.server.ServerSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The flags {@code serve} and {@code demo} share; unset flags fall back to application.yaml. */
final class ServerOptions {

    @Option(names = "--port", description = "TCP port (0 = any free port). Default: server.port in application.yaml (8080).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on. Default: 127.0.0.1; use 0.0.0.0 to serve the network.")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (database and image blobs).")
    Path data;

    @Option(names = "--db-url", paramLabel = "URL", description = "JDBC URL of a PostgreSQL database; default: embedded H2 under --data.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (or KARYOLAB_DB_PASSWORD).", arity = "0..1", interactive = true)
    String dbPassword;

    ServerSettings settings() {
        ServerSettings s = ServerSettings.fromConfig(Config.create());
        if (port != null) s = s.withPort(port);
        if (host != null) s = s.withHost(host);
        if (data != null) s = s.withDataDirectory(data);
        if (dbUrl != null || dbUser != null || dbPassword != null) {
            String password = dbPassword != null ? dbPassword : System.getenv("KARYOLAB_DB_PASSWORD");
            s = s.withDatabase(dbUrl != null ? dbUrl : s.jdbcUrl(), dbUser != null ? dbUser : s.dbUser(),
                    password != null ? password : s.dbPassword());
        }
        return s;
    }
}
