package org.karyolab.server.cli;

import org.karyolab.learning.model.ModelInput;
import org.karyolab.learning.model.SuggestionModel;
import org.karyolab.learning.model.SuggestionModels;
import org.karyolab.learning.synth.Synth;
import org.karyolab.learning.synth.SynthDocuments;
import org.karyolab.learning.synth.SynthImage;
import org.karyolab.learning.synth.SynthOptions;
import org.karyolab.learning.synth.SynthWriter;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.server.KaryoLabServer;
import org.karyolab.server.auth.Role;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.SuggestionService;
import org.karyolab.schema.api.SuggestionInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the server on a fresh embedded H2 data directory with a demo project, "
                + "and open the annotator when a display exists.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_PROJECT = "Demo: G-banded metaphases";
    /** The model whose suggestions the demo posts: a stand-in detector, its output the ground truth made noisy. */
    static final String DEMO_MODEL = "karyolab-demo-detector";

    @Mixin
    ServerOptions options;

    @Option(names = "--no-client", description = "Do not open the annotator, even when a display exists.")
    boolean noClient;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (options.data == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            options.data = Path.of(".karyolab", "demo-" + stamp);
        }
        if (Files.isDirectory(options.data) && Files.list(options.data).findAny().isPresent()) {
            System.err.println("karyolab demo: " + options.data + " is not empty; the demo starts on a fresh directory. "
                    + "Give another --data, or use `karyolab serve --data " + options.data + "` to reopen it.");
            return 2;
        }
        KaryoLabServer server = KaryoLabServer.start(options.settings(), ServeCommand::announceFirstAdmin);
        setUp(server);
        System.out.println("KaryoLab demo server: " + server.url());
        System.out.println("  data directory: " + server.settings().dataDirectory());
        System.out.println("  project:        " + DEMO_PROJECT);
        System.out.println("  health:         " + server.url() + "/observe/health");
        maybeOpenClient(server.url());
        System.out.println("Ctrl-C stops the server.");
        return ServeCommand.awaitShutdown(server);
    }

    /** Karyotypes of the demo's synthetic metaphases, one case each. */
    static final List<String> DEMO_KARYOTYPES = List.of("46,XY", "46,XX", "47,XX,+21", "46,XY,t(9;22)(q34;q11.2)",
            "46,XX,del(5)(p15.2)", "47,XY,+18");

    /** What {@link #setUp} made: the project, its images (in case order) and the suggestions new on the server. */
    record Setup(String projectId, List<String> imageIds, int suggestionsPosted) {}

    /**
     * Creates the demo project on a running server (owned by the first admin), uploads the synthetic
     * metaphases and posts the demo detector's suggestions for each. Does not block; null if the
     * project could not be created.
     */
    static Setup setUp(KaryoLabServer server) {
        var project = new Project(DEMO_PROJECT, "Synthetic G-banded metaphases to try KaryoLab on.",
                LabelSet.standard(), BandLevel.B400);
        if (!(server.services().projects().create(project) instanceof Outcome.Done<ProjectInfo>(ProjectInfo created))) {
            System.err.println("karyolab demo: could not create the demo project");
            return null;
        }
        server.services().auth().user(ServeCommand.FIRST_ADMIN)
                .ifPresent(admin -> server.services().access().setRole(created.id(), admin.id(), Role.OWNER));
        return uploadSyntheticMetaphases(server, created.id());
    }

    /** Fills the demo project with synthetic G-banded metaphases and the demo detector's suggestions on them. */
    static Setup uploadSyntheticMetaphases(KaryoLabServer server, String projectId) {
        var options = SynthOptions.defaults();
        List<SynthImage> cells = IntStream.range(0, DEMO_KARYOTYPES.size()).parallel()
                .mapToObj(i -> Synth.metaphase(DEMO_KARYOTYPES.get(i), options, DEMO_SEED, i)).toList();
        List<byte[]> pngs = cells.parallelStream().map(c -> SynthWriter.png(c.image())).toList();
        List<String> imageIds = new ArrayList<>();
        SuggestionModel model = SuggestionModels.require(DEMO_MODEL);
        int posted = 0;
        for (int i = 0; i < pngs.size(); i++) {
            var metadata = new ImageService.ImageMetadata(ImageKind.METAPHASE, Stain.G, options.level(),
                    "demo-case-%02d".formatted(i + 1), "karyolab synth", SynthDocuments.LICENCE);
            if (server.services().images().upload(projectId, "image/png", pngs.get(i), metadata)
                    instanceof Outcome.Done<ImageAsset>(ImageAsset image)) {
                imageIds.add(image.id());
                posted += post(server, image.id(), suggestionsFor(model, cells.get(i), image, i));
            } else {
                System.err.println("karyolab demo: could not upload synthetic metaphase " + (i + 1));
            }
        }
        System.out.println("  images:         " + imageIds.size() + " synthetic G-banded metaphases");
        System.out.println("  suggestions:    " + posted + " from model " + model.id() + " "
                + model.version() + " (noisy ground truth: ~10 % missed, ~10 % wrong class)");
        return new Setup(projectId, List.copyOf(imageIds), posted);
    }

    /** The model's suggestions for demo case {@code index}, shown its chromosome boxes: the same every run. */
    static List<SuggestionInput> suggestionsFor(SuggestionModel model, SynthImage cell, ImageAsset image, int index) {
        var input = new ModelInput(image, cell.image(), SynthDocuments.boxes(cell, image), Synth.cellSeed(DEMO_SEED + 1, index));
        return model.propose(input).stream()
                .map(p -> new SuggestionInput(p.shape(), p.labels(), p.confidence(), model.id(), model.version())).toList();
    }

    /** Posts them as the first admin; returns how many were new (0 when they were posted before). */
    static int post(KaryoLabServer server, String imageId, List<SuggestionInput> suggestions) {
        if (suggestions.isEmpty()) return 0;
        if (server.services().suggestions().post(imageId, suggestions, ServeCommand.FIRST_ADMIN)
                instanceof Outcome.Done<List<SuggestionService.Posted>>(List<SuggestionService.Posted> posted)) {
            return (int) posted.stream().filter(SuggestionService.Posted::created).count();
        }
        throw new IllegalStateException("the server refused the demo suggestions for image " + imageId);
    }

    /** Demo case {@code index}'s metaphase (as uploaded). */
    static SynthImage demoCell(int index) {
        return Synth.metaphase(DEMO_KARYOTYPES.get(index), SynthOptions.defaults(), DEMO_SEED, index);
    }

    private static final long DEMO_SEED = 2025;

    /** The annotator is a separate program (it talks HTTP only); start it beside us when it can show a window. */
    private void maybeOpenClient(String url) throws IOException {
        Path clientJar = Path.of("annotator-client", "target", "karyolab-annotator-client.jar");
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (noClient || !display) {
            System.out.println("  annotator:      no display here; on a desktop run ./karyolab client --server " + url);
            return;
        }
        if (!Files.isRegularFile(clientJar)) {
            System.out.println("  annotator:      not built yet (" + clientJar + ")");
            return;
        }
        List<String> command = new ArrayList<>();
        Path launcher = Path.of("karyolab");
        if (Files.isExecutable(launcher)) {
            // through the launcher: the client's JVM flags and its AOT cache (a faster first image open)
            command.addAll(List.of(launcher.toAbsolutePath().toString(), "client", "--server", url));
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(List.of("-jar", clientJar.toString(), "--server", url));
        }
        new ProcessBuilder(command).inheritIO().start();
        System.out.println("  annotator:      opened");
    }
}
