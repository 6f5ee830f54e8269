package org.karyolab.server;

import io.helidon.config.Config;

import java.nio.file.Path;

/**
 * What a server needs to start: where it listens and where it keeps its data.
 * Read from {@code application.yaml} (with environment overrides), then the
 * command-line flags win.
 */
public record ServerSettings(String host, int port, Path dataDirectory, String jdbcUrl, String dbUser, String dbPassword) {

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), was " + port);
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        jdbcUrl = blankToNull(jdbcUrl);
        dbUser = blankToNull(dbUser);
        dbPassword = blankToNull(dbPassword);
    }

    /** Settings from the bundled {@code application.yaml} and the environment. */
    public static ServerSettings fromConfig(Config config) {
        Config k = config.get("karyolab");
        return new ServerSettings(
                config.get("server.host").asString().orElse("127.0.0.1"),
                config.get("server.port").asInt().orElse(8080),
                Path.of(k.get("data-directory").asString().orElse("data")),
                k.get("db.url").asString().orElse(null),
                k.get("db.user").asString().orElse(null),
                k.get("db.password").asString().orElse(null));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, dataDirectory, jdbcUrl, dbUser, dbPassword);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, dataDirectory, jdbcUrl, dbUser, dbPassword);
    }

    public ServerSettings withDataDirectory(Path directory) {
        return new ServerSettings(host, port, directory, jdbcUrl, dbUser, dbPassword);
    }

    public ServerSettings withDatabase(String url, String user, String password) {
        return new ServerSettings(host, port, dataDirectory, url, user, password);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
