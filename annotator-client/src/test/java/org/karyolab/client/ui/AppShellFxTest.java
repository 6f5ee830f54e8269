package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.keys.Shortcut;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.client.ui.view.ImagesView;
import org.karyolab.client.ui.view.ProjectsView;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Box;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The shell against a real server: sign-in (and its error), projects, paged images (with each image's work), the
 * work queue, the editor, and Page Down / Page Up to the next / previous image.
 */
class AppShellFxTest {

    @TempDir
    static Path serverData;
    @TempDir
    static Path clientData;
    static LiveServer server;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(serverData);
        FxTesting.startToolkit();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void signInPickAProjectTakeTheNextImageFromTheQueue() throws Exception {
        KaryoLabClient admin = server.admin();
        String project = server.project(admin, "Metaphases of case 12");
        for (int i = 0; i < 3; i++) admin.uploadImage(project, LiveServer.png(320 + i, 240), "image/png", "case-" + i);
        server.annotator("shell-ana", project);

        var app = new KaryoLabApp();
        FxToolkit.setupStage(stage -> app.start(stage, new KaryoLabApp.Settings(server.url(), "shell-ana", clientData)));

        // A wrong password: the server's words in the dialog, no stack trace.
        robot.clickOn("#password").write("not-the-password");
        robot.clickOn("#sign-in");
        Label error = robot.lookup("#error").queryAs(Label.class);
        await("an error", () -> !error.getText().isEmpty());
        assertThat(error.getText()).doesNotContain("Exception").doesNotContain("at org.");
        FxTesting.screenshot(app.stage().getScene().getRoot(), "sign-in-error");

        robot.doubleClickOn("#password").eraseText(20).write("shell-ana-password");
        robot.type(KeyCode.ENTER);
        await("projects", () -> app.stage().getScene().getRoot() instanceof ProjectsView p && !p.list().getItems().isEmpty());
        robot.clickOn("#open-project");
        await("images", () -> app.stage().getScene().getRoot() instanceof ImagesView v && v.list().getItems().size() == 3);
        FxTesting.screenshot(app.stage().getScene().getRoot(), "image-list");

        robot.clickOn("#next-from-queue");
        await("editor", () -> app.editor() != null && app.editor().fullImageShown());
        EditorView editor = app.editor();
        assertThat(editor.autosave().document().image().caseId()).isEqualTo("case-0");

        // F1 lists the shortcuts.
        robot.type(KeyCode.F1);
        await("help", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        FxTesting.screenshot(robot.lookup(".dialog-pane").query(), "shortcuts");
        robot.type(KeyCode.ESCAPE);

        robot.clickOn("#back");
        await("back to the images", () -> app.stage().getScene().getRoot() instanceof ImagesView);
        onFx(() -> app.stage().hide());
    }

    @Test
    void anUnreachableServerIsSaidPlainly() throws Exception {
        var app = new KaryoLabApp();
        FxToolkit.setupStage(stage -> app.start(stage, new KaryoLabApp.Settings("http://127.0.0.1:" + LiveServer.freePort(), "x", clientData)));
        robot.clickOn("#password").write("whatever");
        robot.clickOn("#sign-in");
        Label error = robot.lookup("#error").queryAs(Label.class);
        await("an error", () -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("The server does not answer. Check the address and that it is running.");
        onFx(() -> app.stage().hide());
    }

    private static List<Node> cellsOf(ImagesView v) {
        return v.list().lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> c && c.getItem() != null).toList();
    }

    /**
     * The images list shows each image's thumbnail, annotation and open-suggestion counts and review state; in the
     * editor Page Down / Page Up open the next / previous image of that list (and F1 lists the keys).
     */
    @Test
    void theListShowsEachImagesWorkAndPageDownUpWalkIt() throws Exception {
        KaryoLabClient admin = server.admin();
        String project = server.project(admin, "List of case 7");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(admin.uploadImage(project, LiveServer.png(320 + i, 240), "image/png", "case-" + i).id());
        KaryoLabClient ana = server.annotator("list-ana", project);
        // Image 0: two annotations, submitted; image 1: two open suggestions (one of three rejected); image 2: untouched.
        ana.saveBatch(ids.get(0), List.of(
                BatchOperation.create(new Annotation(UUID.randomUUID().toString(), ids.get(0), new Box(10, 10, 20, 40),
                        AnnotationLabels.ofClass(ChromosomeClass.C1, null), Provenance.human("list-ana"), 0, AnnotationStatus.DRAFT, null, null)),
                BatchOperation.create(new Annotation(UUID.randomUUID().toString(), ids.get(0), new Box(50, 10, 20, 40),
                        AnnotationLabels.ofClass(ChromosomeClass.C2, null), Provenance.human("list-ana"), 0, AnnotationStatus.DRAFT, null, null))));
        ana.submit(ids.get(0));
        server.suggest(ids.get(1), LiveServer.boxSuggestions(List.of(new double[] {10, 10, 20, 40, 1, 0.9},
                new double[] {50, 10, 20, 40, 2, 0.8}, new double[] {90, 10, 20, 40, 3, 0.7})));
        ana.rejectSuggestion(ana.suggestions(ids.get(1), false).getFirst().id(), "not a chromosome");

        var app = new KaryoLabApp();
        FxToolkit.setupStage(stage -> app.start(stage, new KaryoLabApp.Settings(server.url(), "list-ana", clientData)));
        robot.clickOn("#password").write("list-ana-password");
        robot.type(KeyCode.ENTER);
        await("projects", () -> app.stage().getScene().getRoot() instanceof ProjectsView p
                && !p.list().getItems().isEmpty());
        robot.clickOn("#open-project");
        await("images", () -> app.stage().getScene().getRoot() instanceof ImagesView v && v.list().getItems().size() == 3);
        ImagesView view = (ImagesView) app.stage().getScene().getRoot();
        await("three thumbnails", () -> cellsOf(view).size() == 3 && cellsOf(view).stream()
                .allMatch(c -> c.lookup(".image-view") instanceof ImageView iv && iv.getImage() != null && iv.getImage().getWidth() > 0));
        List<String> work = onFx(() -> cellsOf(view).stream().map(c -> ((Label) c.lookup("#image-work")).getText()).toList());
        List<String> states = onFx(() -> cellsOf(view).stream().map(c -> ((Label) c.lookup("#image-review-state")).getText()).toList());
        assertThat(work).containsExactly("2 annotations \u00b7 0 open suggestions", "0 annotations \u00b7 2 open suggestions",
                "0 annotations \u00b7 0 open suggestions");
        assertThat(states).containsExactly("submitted", "open", "open");
        FxTesting.screenshot(view, "image-list-work");

        // Open the first; Page Down walks the list, Page Up back; past the end it stays and says so.
        onFx(() -> view.list().getSelectionModel().select(0));
        robot.clickOn("#open-image");
        await("editor on image 0", () -> app.editor() != null && app.editor().fullImageShown()
                && app.editor().autosave().document().imageId().equals(ids.get(0)));
        robot.type(KeyCode.PAGE_DOWN);
        await("image 1", () -> app.editor() != null && app.editor().autosave().document().imageId().equals(ids.get(1)));
        await("shown", () -> app.editor().fullImageShown());
        robot.type(KeyCode.PAGE_DOWN);
        await("image 2", () -> app.editor() != null && app.editor().autosave().document().imageId().equals(ids.get(2)));
        await("shown", () -> app.editor().fullImageShown());
        var last = app.editor();
        robot.type(KeyCode.PAGE_DOWN);
        await("said so", () -> last.model().messageProperty().get().contains("last image"));
        assertThat(app.editor()).isSameAs(last);
        robot.type(KeyCode.PAGE_UP);
        await("back to image 1", () -> app.editor() != null && app.editor().autosave().document().imageId().equals(ids.get(1)));

        assertThat(app.editor().keys().sheet()).extracting(Shortcut::keys).contains("Page Down / Page Up");
        onFx(() -> app.stage().hide());
    }
}
