package org.karyolab.server.bench.cli;

import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.ServerSettings;
import org.karyolab.server.bench.EditMix;
import org.karyolab.server.bench.ServerBenchmark;
import org.karyolab.server.bench.SaveRoute;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Load-test the HTTP API: start a server on a fresh temporary data directory (loopback, any free port), "
                + "seed it, drive it from concurrent clients (in a process of their own) opening images and saving annotation edits, "
                + "then run the same saves straight through JDBC as the floor; repeat, and print throughput, latencies, "
                + "the server's CPU time per save, and the spread over the runs."})
final class BenchServerCommand implements Callable<Integer> {

    enum Db { h2, postgres }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum Route { auto, batch, single }

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (virtual threads, HTTP/1.1 keep-alive). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per phase. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds before each measured phase (not counted; the load process is a fresh JVM each run, its JIT needs them). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--db", defaultValue = "h2", description = "h2 (default: embedded, in the temporary directory) or postgres (needs --db-url).")
    Db db;

    @Option(names = "--db-url", paramLabel = "URL", description = "JDBC URL of a PostgreSQL database the benchmark may fill (for --db postgres).")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (or KARYOLAB_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--images", description = "Images to seed; each client owns a disjoint share. Default: max(32, clients).")
    Integer images;

    @Option(names = "--annotations", defaultValue = "50", description = "Annotations per image. Default: ${DEFAULT-VALUE}.")
    int annotations;

    @Option(names = "--image-size", defaultValue = "2048", description = "Side of the square grey PNGs, in pixels. Default: ${DEFAULT-VALUE}.")
    int imageSize;

    @Option(names = "--saves-per-open", defaultValue = "4", description = "Saves per opened image. Default: ${DEFAULT-VALUE}.")
    int savesPerOpen;

    @Option(names = "--batch", defaultValue = "5", description = "Annotations changed per save. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--save-route", defaultValue = "auto",
            description = "batch (POST .../annotations/batch), single (PUT /annotations/{id} each), or auto: batch if the server has it. Default: ${DEFAULT-VALUE}.")
    Route route;

    @Option(names = "--think-ms", defaultValue = "0",
            description = "Pause of each client before each operation, in ms (both phases). 0 (default): a closed loop at "
                    + "full speed, which measures capacity; latencies are then mostly queueing.")
    int thinkMs;

    @Option(names = "--open", defaultValue = "thumbnail",
            description = "What an open fetches besides metadata and annotations: thumbnail (GET .../thumbnail, 256 px) "
                    + "or content (the full PNG). Default: ${DEFAULT-VALUE}.")
    Open open;

    enum Open { thumbnail, content }

    @Option(names = "--repeats", defaultValue = "3",
            description = "Runs of both phases on the same seeded server; the report gives each and the median and spread. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--seed", defaultValue = "20240601", description = "Random seed of the data and the edits.")
    long seed;

    @Option(names = "--no-progress", description = "No progress bars (e.g. when the output goes to a file).")
    boolean noProgress;

    @Option(names = "--keep-data", description = "Keep the temporary data directory afterwards (its path is printed).")
    boolean keepData;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String problem = problem();
        if (problem != null) {
            spec.commandLine().getErr().println("karyolab bench server: " + problem);
            spec.commandLine().getErr().flush();
            return 2;
        }
        Path data = Files.createTempDirectory("karyolab-bench-");
        String password = dbPassword != null ? dbPassword : System.getenv("KARYOLAB_DB_PASSWORD");
        var settings = new ServerSettings("127.0.0.1", 0, data, db == Db.postgres ? dbUrl : null, dbUser, password);
        var config = new ServerBenchmark.Config(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
                images != null ? images : Math.max(32, clients), annotations, imageSize, new EditMix(savesPerOpen, batch),
                switch (route) {
                    case auto -> null;
                    case batch -> SaveRoute.BATCH;
                    case single -> SaveRoute.SINGLE;
                }, open == Open.thumbnail, Duration.ofMillis(thinkMs), seed, !noProgress, repeats);
        try (KaryoLabServer server = KaryoLabServer.start(settings)) {
            var report = ServerBenchmark.run(server, config, System.out);
            System.out.print(report);
        } finally {
            if (keepData) System.out.println("data kept in " + data);
            else deleteTree(data);
        }
        return 0;
    }

    /** What is wrong with the flags, in one line; null if nothing. */
    private String problem() {
        if (db == Db.postgres && (dbUrl == null || dbUrl.isBlank())) {
            return "--db postgres needs a database to fill: add --db-url jdbc:postgresql://HOST:5432/DB --db-user USER "
                    + "--db-password PASSWORD (a scratch database; see docs/BENCHMARKS.md)";
        }
        if (db == Db.h2 && dbUrl != null) return "--db-url is for --db postgres; H2 always runs in the temporary directory";
        if (clients < 1) return "--clients must be at least 1";
        if (repeats < 1) return "--repeats must be at least 1";
        if (thinkMs < 0) return "--think-ms must be at least 0";
        if (seconds < 1 || warmup < 0) return "--seconds must be at least 1 and --warmup at least 0";
        if (images != null && images < clients) return "--images must be at least --clients (" + clients + "): each client owns its images";
        if (annotations < 1 || imageSize < 64) return "--annotations must be at least 1 and --image-size at least 64";
        if (savesPerOpen < 1 || batch < 1 || batch > annotations) return "--saves-per-open must be at least 1, --batch 1..--annotations";
        return null;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
