package org.karyolab.server;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.http1.Http1Config;
import org.karyolab.server.http.ErrorAnswers;
import org.karyolab.server.http.ReadTimeouts;
import org.karyolab.server.store.Database;
import org.karyolab.server.store.StorageConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * A running KaryoLab server: the storage, the services on top of it, and the
 * Helidon web server that exposes them. Closing it stops the web server first,
 * then the database, so no request is cut off half-way through a write.
 */
public final class KaryoLabServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KaryoLabServer.class.getName());

    private final ServerSettings settings;
    private final Database database;
    private final Services services;
    private final WebServer webServer;
    private final ReadTimeouts timeouts;
    private final Instant startedAt;

    private KaryoLabServer(ServerSettings settings, Database database, Services services, WebServer webServer,
                           ReadTimeouts timeouts, Instant startedAt) {
        this.settings = settings;
        this.database = database;
        this.services = services;
        this.webServer = webServer;
        this.timeouts = timeouts;
        this.startedAt = startedAt;
    }

    /** Opens (and migrates) the database, then starts listening. */
    public static KaryoLabServer start(ServerSettings settings) {
        return start(settings, services -> { });
    }

    /** As {@link #start(ServerSettings)}, running {@code beforeListening} (e.g. creating the first admin) before the port opens. */
    public static KaryoLabServer start(ServerSettings settings, java.util.function.Consumer<Services> beforeListening) {
        return start(settings, java.time.Clock.systemUTC(), beforeListening);
    }

    /** As {@link #start(ServerSettings)}, on {@code clock} (a test's, to let leases expire without waiting). */
    public static KaryoLabServer start(ServerSettings settings, java.time.Clock clock) {
        return start(settings, clock, services -> { });
    }

    private static KaryoLabServer start(ServerSettings settings, java.time.Clock clock,
                                        java.util.function.Consumer<Services> beforeListening) {
        Instant t0 = Instant.now();
        Database database = Database.open(new StorageConfig(
                settings.dataDirectory(), settings.jdbcUrl(), settings.dbUser(), settings.dbPassword()));
        try {
            Services services = Services.create(database, settings, clock);
            beforeListening.accept(services);
            ReadTimeouts timeouts = new ReadTimeouts(settings.readTimeout());
            WebServer server = WebServer.builder()
                    .host(settings.host())
                    // A request whose headers or body stop half-way is closed after the read timeout.
                    // Only this HTTP/1 configuration (with the listeners); discovery would add a second one.
                    .protocolsDiscoverServices(false)
                    .addProtocol(Http1Config.builder().addReceiveListener(timeouts.received())
                            .addSendListener(timeouts.sent()).build())
                    .port(settings.port())
                    // Without TCP_NODELAY a response written in two parts (headers, then body) waits for the
                    // client's delayed ACK: ~40 ms added to many responses (measured by `karyolab bench server`).
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .maxPayloadSize(maxPayload(settings))
                    // What Helidon answers before routing (a body over the limit is a BAD_REQUEST event with status 413).
                    .directHandlers(d -> {
                        DirectHandler answers = ErrorAnswers.direct(tooLargeDetail(settings));
                        for (DirectHandler.EventType type : DirectHandler.EventType.values()) d.addHandler(type, answers);
                    })
                    .addFeature(observe(database))
                    .routing(routing -> routing(routing.addFilter(new org.karyolab.server.http.BudgetFilter(settings.budget())), services))
                    .build()
                    .start();
            KaryoLabServer started = new KaryoLabServer(settings, database, services, server, timeouts, t0);
            LOG.info(() -> "KaryoLab listening on " + started.url() + " (data " + settings.dataDirectory()
                    + ", database " + database.dialect() + ") in " + Duration.between(t0, Instant.now()).toMillis() + " ms");
            return started;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A request body may be as large as the largest image, plus room for the framing of a multipart
     * upload: anything larger is refused (413) from its Content-Length, before it is read.
     */
    static long maxPayload(ServerSettings settings) {
        return settings.imageLimits().maxBytes() + MULTIPART_FRAMING;
    }

    static final long MULTIPART_FRAMING = 1024 * 1024;

    /** The detail of the server's own 413 (the body is never read). */
    private static String tooLargeDetail(ServerSettings settings) {
        return "the request body is larger than " + maxPayload(settings) + " bytes: one image may have at most "
                + settings.imageLimits().maxBytes() + " bytes (karyolab.limits.max-image-bytes), and a multipart upload "
                + "as a whole at most that plus " + MULTIPART_FRAMING + "; send fewer files per request";
    }

    /** All routes, shared by {@link #start} and the {@code @ServerTest}s. */
    public static void routing(HttpRouting.Builder routing, Services services) {
        services.register(routing);
    }

    private static ObserveFeature observe(Database database) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .useSystemServices(false)
                .addCheck(() -> {
                    boolean up = database.isReachable();
                    return HealthCheckResponse.builder().status(up).detail("dialect", database.dialect().name()).build();
                }, HealthCheckType.READINESS, "database")
                .addCheck(() -> HealthCheckResponse.builder().status(true).build(), HealthCheckType.LIVENESS, "server")
                .build();
        return ObserveFeature.builder().addObserver(health).addObserver(MetricsObserver.create()).build();
    }

    public int port() {
        return webServer.port();
    }

    public String url() {
        String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        return "http://" + host + ":" + port();
    }

    public ServerSettings settings() {
        return settings;
    }

    public Services services() {
        return services;
    }

    public Database database() {
        return database;
    }

    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public void close() {
        services.events().close(); // ends the event streams, or the web server would wait for them
        webServer.stop();
        timeouts.close();
        database.close();
    }
}
