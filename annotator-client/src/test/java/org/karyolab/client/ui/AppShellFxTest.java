package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.client.ui.view.ImagesView;
import org.karyolab.client.ui.view.ProjectsView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The shell against a real server: sign-in (and its error), projects, paged images, the work queue, the editor. */
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
        for (int i = 0; i < 3; i++) admin.uploadImage(project, LiveServer.png(320, 240), "image/png", "case-" + i);
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
}
