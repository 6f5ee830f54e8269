package org.karyolab.server.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.karyolab.learning.synth.Synth;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.learning.synth.SynthOptions;
import org.karyolab.learning.synth.SynthWriter;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code karyolab synth}: synthetic G-banded metaphases and karyograms with their ground truth. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write synthetic G-banded cells: per cell a metaphase and a karyogram (PNG) with their ground "
                + "truth (annotation documents as JSON), and overview.png with the ground truth drawn on a few metaphases. "
                + "The same options and seed write the same bytes.")
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--cells", defaultValue = "1", description = "Number of cells (default ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--out", required = true, description = "Folder to write to (created when missing).")
    Path out;

    @Option(names = "--karyotype", defaultValue = "46,XY", description = "ISCN karyotype of the cells (default ${DEFAULT-VALUE}).")
    String karyotype;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--inverted", description = "White chromosomes on black, like some public sets.")
    boolean inverted;

    @Option(names = "--level", defaultValue = "400", description = "Band level: 300, 400, 550 or 850 (default ${DEFAULT-VALUE}).")
    int level;

    @Option(names = "--width", defaultValue = "1600", description = "Metaphase width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1200", description = "Metaphase height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--cluster-fraction", defaultValue = "0.2",
            description = "Share of chromosomes laid against another one, touching or overlapping (default ${DEFAULT-VALUE}).")
    double clusterFraction;

    @Option(names = "--overview", defaultValue = "3", description = "Metaphases shown in overview.png; 0 for none (default ${DEFAULT-VALUE}).")
    int overview;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (cells < 1) {
            System.err.println("karyolab synth: --cells must be at least 1");
            return 2;
        }
        if (Iscn.parse(karyotype) instanceof IscnResult.Failed failed) {
            System.err.println("karyolab synth: '" + karyotype + "' is not an ISCN karyotype: " + failed.errors());
            return 2;
        }
        SynthOptions options;
        try {
            options = SynthOptions.defaults().withSize(width, height).withLevel(BandLevel.of(level))
                    .withInverted(inverted).withClusterFraction(clusterFraction);
            Synth.cell(karyotype, options.withSize(64, 64).withDebris(0, 0), seed, 0); // fail fast on what cannot be drawn
        } catch (IllegalArgumentException e) {
            System.err.println("karyolab synth: " + e.getMessage());
            return 2;
        }
        var writer = new SynthWriter(out);
        var shown = new ArrayList<SynthImage>();
        int threads = Math.max(1, Math.min(cells, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("synth").setInitialMax(cells)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setMaxRenderedLength(100).build()) {
            List<Future<SynthImage>> futures = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Synth.Cell cell = Synth.cell(karyotype, options, seed, index);
                    writer.write(cell, seed);
                    if (bar != null) {
                        bar.step();
                    }
                    return index < overview ? cell.metaphase() : null;
                }));
            }
            for (Future<SynthImage> f : futures) {
                SynthImage image = f.get();
                if (image != null) {
                    shown.add(image);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!shown.isEmpty()) {
            writer.writeOverview(shown);
        }
        System.out.println("karyolab synth: " + cells + " cell(s) of " + Iscn.write(Iscn.parse(karyotype).orThrow())
                + " in " + out + (shown.isEmpty() ? "" : " (overview.png shows " + shown.size() + ")"));
        return 0;
    }
}
