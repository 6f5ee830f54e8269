package org.karyolab.server;

import io.helidon.config.Config;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.ProjectService;
import org.karyolab.server.service.RequestBudget;
import org.karyolab.server.service.WorkQueue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a server needs to start: where it listens and where it keeps its data.
 * Read from {@code application.yaml} (with environment overrides), then the
 * command-line flags win.
 */
public record ServerSettings(String host, int port, Path dataDirectory, String jdbcUrl, String dbUser, String dbPassword,
                             ImageService.Limits imageLimits, Duration readTimeout, RequestBudget.Limits budget,
                             Duration leaseTime, ProjectService.Creators projectCreators) {

    /** How long a request's headers or body may go without a byte before the connection is closed. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** With the default image limits. */
    public ServerSettings(String host, int port, Path dataDirectory, String jdbcUrl, String dbUser, String dbPassword) {
        this(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, ImageService.Limits.DEFAULT);
    }

    /** With the default lease time and who may start projects. */
    public ServerSettings(String host, int port, Path dataDirectory, String jdbcUrl, String dbUser, String dbPassword,
                          ImageService.Limits imageLimits, Duration readTimeout, RequestBudget.Limits budget) {
        this(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, budget, null, null);
    }

    /** With the default request budget. */
    public ServerSettings(String host, int port, Path dataDirectory, String jdbcUrl, String dbUser, String dbPassword,
                          ImageService.Limits imageLimits, Duration readTimeout) {
        this(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, RequestBudget.Limits.DEFAULT);
    }

    /** With the default read timeout. */
    public ServerSettings(String host, int port, Path dataDirectory, String jdbcUrl, String dbUser, String dbPassword,
                          ImageService.Limits imageLimits) {
        this(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, DEFAULT_READ_TIMEOUT);
    }

    public ServerSettings {
        imageLimits = imageLimits == null ? ImageService.Limits.DEFAULT : imageLimits;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        budget = budget == null ? RequestBudget.Limits.DEFAULT : budget;
        leaseTime = leaseTime == null ? WorkQueue.DEFAULT_LEASE : leaseTime;
        projectCreators = projectCreators == null ? ProjectService.Creators.ANYONE : projectCreators;
        if (leaseTime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("karyolab.queue.lease-minutes must be at least 1, was " + leaseTime.toMinutes());
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("karyolab.limits.read-timeout-seconds must be positive, was " + readTimeout);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), was " + port);
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        jdbcUrl = blankToNull(jdbcUrl);
        dbUser = blankToNull(dbUser);
        dbPassword = blankToNull(dbPassword);
    }

    /**
     * Settings from the bundled {@code application.yaml} and the environment: the one place the configuration is
     * read (the {@code serve} command reads it once; the services take what they need from these settings).
     */
    public static ServerSettings fromConfig(Config config) {
        Config k = config.get("karyolab");
        return new ServerSettings(
                config.get("server.host").asString().orElse("127.0.0.1"),
                config.get("server.port").asInt().orElse(8080),
                Path.of(dashed(k, "data-directory").asString().orElse("data")),
                k.get("db.url").asString().orElse(null),
                k.get("db.user").asString().orElse(null),
                k.get("db.password").asString().orElse(null),
                new ImageService.Limits(
                        dashed(k, "limits.max-image-bytes").asLong().orElse(ImageService.Limits.DEFAULT.maxBytes()),
                        dashed(k, "limits.max-image-pixels").asLong().orElse(ImageService.Limits.DEFAULT.maxPixels())),
                Duration.ofSeconds(dashed(k, "limits.read-timeout-seconds").asLong().orElse(DEFAULT_READ_TIMEOUT.toSeconds())),
                new RequestBudget.Limits(
                        Duration.ofSeconds(dashed(k, "limits.request-seconds").asLong().orElse(RequestBudget.Limits.DEFAULT.time().toSeconds())),
                        dashed(k, "limits.request-work-units").asLong().orElse(RequestBudget.Limits.DEFAULT.units())),
                // How long a queue lease lasts; who may start projects: anyone (the default) or admins.
                Duration.ofMinutes(dashed(k, "queue.lease-minutes").asInt().orElse((int) WorkQueue.DEFAULT_LEASE.toMinutes())),
                k.get("projects.creators").asString().map(ProjectService.Creators::parse).orElse(ProjectService.Creators.ANYONE));
    }

    /**
     * A key with dashes. Helidon maps the environment variable {@code KARYOLAB_DATA_DIRECTORY} to
     * {@code karyolab.data.directory} (every {@code _} a dot); only {@code KARYOLAB_DATA_DASH_DIRECTORY}
     * reaches {@code karyolab.data-directory}. So the dotted spelling, which only the environment
     * (or a system property) can supply, is asked first: both variable names then work, and win over
     * application.yaml.
     */
    private static Config dashed(Config parent, String key) {
        Config dotted = parent.get(key.replace('-', '.'));
        return dotted.exists() && dotted.isLeaf() ? dotted : parent.get(key);
    }

    public ServerSettings withImageLimits(ImageService.Limits limits) {
        return new ServerSettings(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, limits, readTimeout, budget, leaseTime, projectCreators);
    }

    public ServerSettings withReadTimeout(Duration timeout) {
        return new ServerSettings(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, timeout, budget, leaseTime, projectCreators);
    }

    /** What one request may spend on its work (see {@link RequestBudget}). */
    public ServerSettings withBudget(RequestBudget.Limits limits) {
        return new ServerSettings(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, limits, leaseTime, projectCreators);
    }

    /** How long a work-queue lease lasts. */
    public ServerSettings withLeaseTime(Duration time) {
        return new ServerSettings(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, budget, time,
                projectCreators);
    }

    /** Who may start projects. */
    public ServerSettings withProjectCreators(ProjectService.Creators creators) {
        return new ServerSettings(host, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, budget,
                leaseTime, creators);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, budget, leaseTime, projectCreators);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, dataDirectory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, budget, leaseTime, projectCreators);
    }

    public ServerSettings withDataDirectory(Path directory) {
        return new ServerSettings(host, port, directory, jdbcUrl, dbUser, dbPassword, imageLimits, readTimeout, budget, leaseTime, projectCreators);
    }

    public ServerSettings withDatabase(String url, String user, String password) {
        return new ServerSettings(host, port, dataDirectory, url, user, password, imageLimits, readTimeout, budget, leaseTime, projectCreators);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
