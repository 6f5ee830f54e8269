package org.karyolab.client.ui.bench;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.karyolab.client.net.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./karyolab bench client}: how the annotator's canvas and image opening perform.
 * <ol>
 * <li>frames: {@code --shapes} annotations on a {@code --image-size}² image; pan and zoom over a
 * scripted sequence of {@code --frames} frames through the real {@code ImageCanvas} and
 * {@code Viewport} on the JavaFX thread; frame-time percentiles and fps against 60 fps;</li>
 * <li>open: against a running server ({@code ./karyolab demo} in another terminal, or {@code --server}),
 * the time from "open requested" to the thumbnail painted (target 500 ms) and to full resolution.</li>
 * </ol>
 * Without a display the launcher runs it on JavaFX's headless platform with the software renderer.
 */
public final class ClientBenchmark {

    static final double FRAME_TARGET_MS = 1000.0 / 60;
    static final double FIRST_PAINT_TARGET_MS = 500;

    record Options(int frames, int shapes, int suggestions, int imageSize, int width, int height, boolean doFrames, boolean doOpen,
                   String server, String user, String password, String image, int opens, boolean generated, boolean warmup) {

        /** These options from the command line; an IllegalArgumentException saying what is wrong with them. */
        static Options parse(List<String> args) {
            Flags flags = new Flags();
            try {
                new CommandLine(flags).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return flags.options();
        }
    }

    /** The command line as picocli reads it (like the server's); {@link #options()} checks it. */
    @Command(name = "karyolab bench client", customSynopsis = "karyolab bench client [options]", separator = " ",
            sortOptions = false, usageHelpWidth = 120, usageHelpAutoWidth = true)
    static final class Flags {
        @Option(names = "--frames", paramLabel = "N", defaultValue = "600", description = "frames in the pan/zoom script (default ${DEFAULT-VALUE})")
        int frames;
        @Option(names = "--shapes", paramLabel = "N", defaultValue = "10000", description = "annotations on the image (default ${DEFAULT-VALUE})")
        int shapes;
        @Option(names = "--suggestions", paramLabel = "N", defaultValue = "0", description = "open model suggestions besides them (default ${DEFAULT-VALUE})")
        int suggestions;
        @Option(names = "--image-size", paramLabel = "N", defaultValue = "4096", description = "the image is N x N pixels (default ${DEFAULT-VALUE})")
        int imageSize;
        @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", description = "canvas size (default ${DEFAULT-VALUE})")
        String size;
        @Option(names = "--frames-only", description = "skip the open benchmark")
        boolean framesOnly;
        @Option(names = "--open-only", description = "skip the frame benchmark")
        boolean openOnly;
        @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "server for the open benchmark (default ${DEFAULT-VALUE}, what ./karyolab demo serves)")
        String server;
        @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin", description = "(default ${DEFAULT-VALUE})")
        String user;
        @Option(names = "--password", paramLabel = "P", description = "(default: $KARYOLAB_ADMIN_PASSWORD)")
        String password = System.getenv("KARYOLAB_ADMIN_PASSWORD");
        @Option(names = "--image", paramLabel = "ID", description = "image to open (default: the first image of the demo project)")
        String image;
        @Option(names = "--opens", paramLabel = "N", defaultValue = "6", description = "times to open it; the first is cold (default ${DEFAULT-VALUE})")
        int opens;
        @Option(names = "--open-generated", description = "open a generated --image-size^2 image with --shapes annotations (uploaded to the "
                + "server's first project the first time, found again by its case id later)")
        boolean generated;
        @Option(names = "--no-warmup", description = "do not warm the editor up when the window shows (as the annotator does)")
        boolean noWarmup;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;

        Options options() {
            String[] wh = size.split("x");
            if (wh.length != 2) throw new IllegalArgumentException("--size is WxH, e.g. 1280x800");
            if (frames < 50) throw new IllegalArgumentException("--frames must be at least 50");
            return new Options(positive("--frames", frames), shapes, suggestions, positive("--image-size", imageSize),
                    positive("--size", Integer.parseInt(wh[0])), positive("--size", Integer.parseInt(wh[1])), !openOnly, !framesOnly,
                    server, user, password, image, positive("--opens", opens), generated, !noWarmup);
        }

        private static int positive(String name, int n) {
            if (n <= 0) throw new IllegalArgumentException(name + " must be positive");
            return n;
        }
    }

    private ClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flags flags = new Flags();
        CommandLine cli = new CommandLine(flags);
        Options o;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return;
            }
            o = flags.options();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println("karyolab bench client: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("KaryoLab annotator benchmark: JavaFX %s, glass platform %s, prism %s, Java %s, %d CPUs%n",
                System.getProperty("javafx.runtime.version", "?"), System.getProperty("glass.platform", "default"),
                System.getProperty("prism.order", "default"), Runtime.version(), Runtime.getRuntime().availableProcessors());
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        started.await(30, TimeUnit.SECONDS);
        List<String> misses = new ArrayList<>();
        int status = 0;
        try {
            if (o.doFrames()) frames(o, misses);
            if (o.doOpen()) status = open(o, misses);
        } finally {
            Platform.exit();
        }
        System.out.println(misses.isEmpty() && status == 0 ? "All targets met." : "Missed: " + String.join("; ", misses));
        System.exit(status);
    }

    private static void frames(Options o, List<String> misses) throws Exception {
        System.out.printf("%nFrames: %,d annotations + %,d suggestions on a %dx%d image, canvas %dx%d, %d scripted frames%n",
                o.shapes(), o.suggestions(), o.imageSize(), o.imageSize(), o.width(), o.height(), o.frames());
        FrameBenchmark.Result r = new FrameBenchmark(o).run();
        System.out.printf("  shapes drawn per frame: %,d to %,d (the rest culled by the spatial index)%n", r.minDrawn(), r.maxDrawn());
        System.out.println("  lock-step frame time (draw + sync + paint, one frame at a time):");
        System.out.println("    all            " + r.lockStep().line() + "  -> %.0f fps".formatted(r.lockStep().fps()));
        for (Map.Entry<String, Stats> e : r.byPhase().entrySet()) {
            System.out.printf("    %-28s %s%n", e.getKey(), e.getValue().line());
        }
        System.out.println("    of which draw() on the JavaFX thread: " + r.draw().line());
        System.out.println("      of that, compositing in Java:     " + r.composite().line());
        System.out.println("    of which pulse to painted:            " + r.render().line());
        System.out.println("  continuous at the 60 Hz pulse: %.1f fps delivered; gaps between painted frames %s"
                .formatted(r.continuousFps(), r.continuousGaps().line()));
        boolean ok = r.lockStep().p95() <= FRAME_TARGET_MS;
        System.out.printf("  target: p95 frame time <= %.1f ms (60 fps): %s%n", FRAME_TARGET_MS, ok ? "PASS" : "MISS");
        if (!ok) misses.add("frame time p95 %.1f ms > %.1f ms".formatted(r.lockStep().p95(), FRAME_TARGET_MS));
    }

    private static int open(Options o, List<String> misses) throws Exception {
        System.out.printf("%nOpen: server %s, user %s%n", o.server(), o.user());
        if (o.password() == null) {
            System.out.println("  skipped: no password. Start the demo with a known one, e.g.\n"
                    + "    KARYOLAB_ADMIN_PASSWORD=demo-pass ./karyolab demo --no-client      (terminal 1)\n"
                    + "    KARYOLAB_ADMIN_PASSWORD=demo-pass ./karyolab bench client --open-only  (terminal 2)\n"
                    + "  or give --password.");
            misses.add("open benchmark not run (no password)");
            return 0;
        }
        OpenBenchmark.Result r;
        try {
            r = new OpenBenchmark(o).run();
        } catch (ApiException | UncheckedIOException | IllegalStateException e) {
            System.out.println("  could not run: " + e.getMessage()
                    + "\n  (is a server running? ./karyolab demo in another terminal serves " + "http://127.0.0.1:8080)");
            return 3;
        }
        System.out.printf("  image %s (%dx%d), %d annotations, %d open suggestions%n", r.imageId(), r.width(), r.height(),
                r.runs().getFirst().annotations(), r.runs().getFirst().suggestions());
        for (int i = 0; i < r.runs().size(); i++) {
            OpenBenchmark.Run run = r.runs().get(i);
            System.out.printf("  open %d%s: document %6.1f ms, thumbnail painted %6.1f ms, annotations painted %6.1f ms, full resolution painted %6.1f ms%n",
                    i + 1, i == 0 ? " (cold)" : "       ", run.documentNs() / 1e6, run.thumbnailNs() / 1e6, run.annotationsNs() / 1e6, run.fullNs() / 1e6);
        }
        List<OpenBenchmark.Run> warm = r.runs().size() > 1 ? r.runs().subList(1, r.runs().size()) : r.runs();
        Stats thumb = Stats.of(warm.stream().map(OpenBenchmark.Run::thumbnailNs).toList());
        Stats full = Stats.of(warm.stream().map(OpenBenchmark.Run::fullNs).toList());
        System.out.println("  warm, first paint:      " + thumb.line());
        System.out.println("  warm, full resolution:  " + full.line());
        System.out.println("  warm, annotations painted: " + Stats.of(warm.stream().map(OpenBenchmark.Run::annotationsNs).toList()).line());
        double cold = r.runs().getFirst().thumbnailNs() / 1e6;
        boolean ok = cold <= FIRST_PAINT_TARGET_MS && thumb.max() <= FIRST_PAINT_TARGET_MS;
        System.out.printf("  target: first paint <= %.0f ms (cold and every warm open): %s%n", FIRST_PAINT_TARGET_MS, ok ? "PASS" : "MISS");
        if (cold > FIRST_PAINT_TARGET_MS) misses.add("first paint %.0f ms cold > %.0f ms".formatted(cold, FIRST_PAINT_TARGET_MS));
        if (thumb.max() > FIRST_PAINT_TARGET_MS) misses.add("first paint %.0f ms in the worst warm open > %.0f ms".formatted(thumb.max(), FIRST_PAINT_TARGET_MS));
        return 0;
    }
}
