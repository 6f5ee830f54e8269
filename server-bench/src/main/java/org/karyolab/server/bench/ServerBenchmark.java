package org.karyolab.server.bench;

import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.store.AnnotationRepository;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code karyolab bench server}: seeds a running server, drives its HTTP API with concurrent
 * clients from a process of their own, then runs the same saves through JDBC on the same database
 * as the floor; as many times as asked, to show the spread.
 */
public final class ServerBenchmark {

    /** @param route null: the batch route if the server has it, else single PUTs */
    public record Config(int clients, Duration warmup, Duration measure, int images, int annotationsPerImage, int imageSide,
                         EditMix mix, SaveRoute route, boolean thumbnails, Duration think, long seed,
                         boolean progress, int repeats) {}

    private ServerBenchmark() {
    }

    private static double median(List<BenchReport.Figures> figures, java.util.function.ToDoubleFunction<BenchReport.Figures> figure) {
        double[] v = figures.stream().mapToDouble(figure).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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

        SaveRoute route = c.route() != null ? c.route()
                : HttpSession.probe(server.url(), seeded.tokens().getFirst(), seeded.images().getFirst().id());
        String saveLabel = route == SaveRoute.BATCH ? "save (batch of " + c.mix().batchSize() + ")" : "save (PUT, 1 annotation)";

        var repository = new AnnotationRepository(server.database());
        List<TimedRun.Result> apis = new ArrayList<>();
        List<TimedRun.Result> jdbcs = new ArrayList<>();
        for (int run = 0; run < c.repeats(); run++) {
            log.printf(Locale.ROOT, "run %d of %d%n", run + 1, c.repeats());
            // The load from its own process: the server's CPU time is then its own (LoadProcess).
            apis.add(LoadProcess.run(new LoadProcess.Plan(server.url(), seeded.tokens(), owned, c.mix(), route, c.thumbnails(),
                    c.think().toMillis(), c.seed() + run, c.warmup().toMillis(), c.measure().toMillis(), c.progress())));
            int r = run;
            jdbcs.add(TimedRun.run("jdbc", c.clients(),
                    i -> new JdbcSession(repository, owned.get(i), c.mix(), route, (c.seed() + r) * 17 + i),
                    c.warmup(), c.measure(), c.think(), c.progress()));
        }
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
                + " on the same database, same saves, same concurrency, in the server's process)";
        var report = new StringBuilder(header);
        List<BenchReport.Figures> figures = new ArrayList<>();
        for (int run = 0; run < c.repeats(); run++) {
            TimedRun.Result api = apis.get(run), jdbc = jdbcs.get(run);
            figures.add(BenchReport.Figures.of(api, jdbc));
            report.append(String.format(Locale.ROOT, "Run %d of %d%n", run + 1, c.repeats()))
                    .append(BenchReport.section("Server API (HTTP/1.1 over loopback, load from its own process)", api, saveLabel)).append('\n')
                    .append(BenchReport.section(floorTitle, jdbc, route == SaveRoute.BATCH ? "saveBatch" : "update")).append('\n')
                    .append(String.format(Locale.ROOT, "server / JDBC annotation saves/s: %.2f%n%n", figures.getLast().serverToJdbc()));
        }
        report.append(String.format(Locale.ROOT, "Over the %d runs: median (min - max, spread = (max - min) / median)%n", c.repeats()))
                .append(BenchReport.spread("server annotation saves/s", "%,.0f", figures.stream().map(BenchReport.Figures::savesPerSecond).toList()))
                .append(BenchReport.spread("server p99 of all requests, ms", "%.1f", figures.stream().map(BenchReport.Figures::p99Millis).toList()))
                .append(BenchReport.spread("server CPU per annotation save, ms", "%.3f", apis.stream().map(TimedRun.Result::serverCpuMillisPerSave).toList()))
                .append(BenchReport.spread("server process CPUs", "%.2f", apis.stream().map(TimedRun.Result::serverCpus).toList()))
                .append(BenchReport.spread("load process CPUs", "%.2f", apis.stream().map(TimedRun.Result::processCpus).toList()))
                .append(BenchReport.spread("JDBC annotation saves/s", "%,.0f", jdbcs.stream().map(TimedRun.Result::savesPerSecond).toList()))
                .append(BenchReport.spread("JDBC CPU per annotation save, ms", "%.3f", jdbcs.stream().map(TimedRun.Result::serverCpuMillisPerSave).toList()))
                .append(BenchReport.spread("server / JDBC saves/s", "%.2f", figures.stream().map(BenchReport.Figures::serverToJdbc).toList()))
                .append('\n');
        var median = new BenchReport.Figures(median(figures, BenchReport.Figures::savesPerSecond),
                median(figures, BenchReport.Figures::p99Millis), median(figures, BenchReport.Figures::serverToJdbc),
                figures.stream().mapToLong(BenchReport.Figures::errors).sum());
        return report.append("Targets (medians over the runs; errors summed)\n").append(BenchReport.verdict(median, BenchReport.Targets.DEFAULT)).toString();
    }
}
