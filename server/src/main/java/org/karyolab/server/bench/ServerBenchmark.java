package org.karyolab.server.bench;

import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.store.AnnotationRepository;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code karyolab bench server}: seeds a running server, drives its HTTP API with concurrent
 * clients, then runs the same saves through JDBC on the same database as the floor.
 */
public final class ServerBenchmark {

    /** @param route null: the batch route if the server has it, else single PUTs */
    public record Config(int clients, Duration warmup, Duration measure, int images, int annotationsPerImage, int imageSide,
                         EditMix mix, SaveRoute route, boolean thumbnails, Duration think, long seed,
                         boolean progress) {}

    private ServerBenchmark() {
    }

    /** Runs both phases; prints what it is doing to {@code log} and returns the report. */
    public static String run(KaryoLabServer server, Config c, PrintStream log) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        log.printf(Locale.ROOT, "seeding %d images of %dx%d with %d annotations each ...%n", c.images(), c.imageSide(),
                c.imageSide(), c.annotationsPerImage());
        BenchSeed.Seeded seeded = BenchSeed.seed(server, c.images(), c.imageSide(), c.annotationsPerImage(), c.clients(), c.seed());
        log.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<List<BenchSeed.SeededImage>> owned = EditMix.partition(c.images(), c.clients()).stream()
                .map(indices -> indices.stream().map(seeded.images()::get).toList()).toList();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SaveRoute route = c.route() != null ? c.route()
                : HttpSession.probe(http, server.url(), seeded.tokens().getFirst(), seeded.images().getFirst().id());
        String saveLabel = route == SaveRoute.BATCH ? "save (batch of " + c.mix().batchSize() + ")" : "save (PUT, 1 annotation)";

        TimedRun.Result api = TimedRun.run("server", c.clients(),
                i -> new HttpSession(http, server.url(), seeded.tokens().get(i), owned.get(i), c.mix(), route, c.thumbnails(), c.seed() * 31 + i),
                c.warmup(), c.measure(), c.think(), c.progress());
        var repository = new AnnotationRepository(server.database());
        TimedRun.Result jdbc = TimedRun.run("jdbc", c.clients(),
                i -> new JdbcSession(repository, owned.get(i), c.mix(), route, c.seed() * 17 + i),
                c.warmup(), c.measure(), c.think(), c.progress());

        long pngAverage = (long) seeded.images().stream().mapToLong(BenchSeed.SeededImage::pngBytes).average().orElse(0);
        String header = String.format(Locale.ROOT, """
                KaryoLab server benchmark: %s, %d clients, %d s measured after %d s warm-up, per phase; think time %d ms
                  data:  %d images %dx%d (PNG ~%,d KB each), %d annotations each; each client owns %s
                  mix per open: GET image, GET %s, GET annotations, then %d saves of %d annotations (%s)
                  machine: %d CPUs, Java %s, max heap %,d MB%n%n""",
                server.database().dialect(), c.clients(), c.measure().toSeconds(), c.warmup().toSeconds(), c.think().toMillis(),
                c.images(), c.imageSide(), c.imageSide(), pngAverage / 1024, c.annotationsPerImage(),
                c.images() == c.clients() ? "1 image" : (c.images() / c.clients()) + "-" + ((c.images() + c.clients() - 1) / c.clients()) + " images",
                c.thumbnails() ? "thumbnail" : "content", c.mix().savesPerOpen(), c.mix().batchSize(),
                route == SaveRoute.BATCH ? "POST /api/v1/images/{id}/annotations/batch" : "PUT /api/v1/annotations/{id} each",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        String floorTitle = "JDBC floor (AnnotationRepository." + (route == SaveRoute.BATCH ? "saveBatch" : "update")
                + " on the same database, same saves, same concurrency)";
        return header
                + BenchReport.section("Server API (HTTP/1.1 over loopback)", api, saveLabel) + "\n"
                + BenchReport.section(floorTitle, jdbc, route == SaveRoute.BATCH ? "saveBatch" : "update") + "\n"
                + String.format(Locale.ROOT, "server / JDBC annotation saves/s: %.2f%n%n", api.savesPerSecond() / jdbc.savesPerSecond())
                + BenchReport.verdict(api, jdbc, BenchReport.Targets.DEFAULT);
    }
}
