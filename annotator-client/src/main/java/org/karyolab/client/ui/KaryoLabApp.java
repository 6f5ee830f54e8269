package org.karyolab.client.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.api.Lease;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.live.LiveEvents;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.client.ui.view.EditorWarmup;
import org.karyolab.client.ui.view.ImageLoad;
import org.karyolab.client.ui.view.ImageNavigator;
import org.karyolab.client.ui.view.ImagesView;
import org.karyolab.client.ui.view.ProjectsView;
import org.karyolab.client.ui.view.SignInView;

/**
 * The annotator: {@code --server URL} (default {@code http://127.0.0.1:8080}), optional
 * {@code --user NAME} and {@code --data DIR} (the journal of unsent edits; default
 * {@code ~/.karyolab/annotator}). Sign in, pick a project, pick an image (or take the next one
 * from the work queue), annotate. Closing the window with unsent edits asks first.
 */
public final class KaryoLabApp extends Application {

    /** What the command line says. */
    public record Settings(String server, String user, Path data) {
        public static Settings parse(List<String> args) {
            return ClientOptions.parse(args);
        }
    }

    private Stage stage;
    private Settings settings;
    private KaryoLabClient client;
    private ProjectInfo project;
    private EditorView editor;
    private ImagesView images;

    @Override
    public void start(Stage primary) {
        Platform.setImplicitExit(true);
        start(primary, Settings.parse(getParameters().getRaw()));
    }

    /** Builds the shell on {@code primary} (tests call this with their own settings). */
    public void start(Stage primary, Settings s) {
        this.stage = primary;
        this.settings = s;
        stage.setTitle("KaryoLab annotator");
        stage.setScene(new Scene(new StackPane(), 1280, 820));
        stage.setOnCloseRequest(e -> {
            if (editor != null) {
                e.consume();
                EditorView leaving = editor;
                if (leaving.leave(() -> {
                    editor = null;
                    stage.close();
                    Platform.exit();
                })) {
                    stage.setTitle("KaryoLab annotator \u2014 saving\u2026");
                }
            }
        });
        showSignIn();
        stage.show();
        // While the user signs in and picks an image: load and run the editor's code once, off this thread.
        EditorWarmup.start();
    }

    public Stage stage() {
        return stage;
    }

    public EditorView editor() {
        return editor;
    }

    private void show(Parent root) {
        stage.getScene().setRoot(root);
    }

    public void showSignIn() {
        client = null;
        show(new SignInView(settings.server(), settings.user(), c -> {
            client = c;
            showProjects();
        }));
    }

    public void showProjects() {
        show(new ProjectsView(client, p -> {
            project = p;
            showImages();
        }, this::showSignIn));
    }

    public void showImages() {
        stage.setTitle("KaryoLab annotator \u2014 " + project.project().name());
        images = new ImagesView(client, project, this::openImage, this::showProjects);
        show(images);
    }

    /**
     * Opens the editor on an image: it shows the image as soon as the pixels are here, while autosave sends any
     * journal left from an earlier session and then loads the annotations (editing starts once they are in).
     */
    public void openImage(String imageId, Lease lease) {
        stage.getScene().setCursor(Cursor.WAIT);
        String projectId = project.id();
        // The pixels do not depend on the annotations: fetch and decode them meanwhile.
        var pixels = ImageLoad.start(client, imageId);
        // Progressive open: the editor shows the image as soon as it is here; the annotations load behind it
        // (journal first, as Autosave.open does), and editing starts once they have (EditorView.loadAnnotations).
        Fx.async(() -> Autosave.prepare(client, client.image(imageId), settings.data(), Autosave.Settings.DEFAULT), autosave -> {
            stage.getScene().setCursor(Cursor.DEFAULT);
            editor = new EditorView(autosave, lease);
            editor.setOnBack(() -> {
                editor = null;
                showImages();
            });
            // Page Down / Page Up: the next / previous image of the list it was opened from.
            List<String> order = images == null ? List.of() : images.list().getItems().stream().map(i -> i.id()).toList();
            ImageNavigator.install(editor, order, next -> {
                editor = null;
                openImage(next, null);
            });
            show(editor);
            editor.loadImageFrom(pixels);
            EditorView opened = editor;
            // Others' saves are taken in once there is a document to take them into (a failed load stays empty).
            opened.loadAnnotations(() -> LiveEvents.attach(opened, projectId));
            editor.canvas().requestFocus();
        }, err -> {
            pixels.close();
            stage.getScene().setCursor(Cursor.DEFAULT);
            var alert = Fx.themed(new Alert(Alert.AlertType.ERROR, Errors.message(err)));
            alert.setHeaderText("The image could not be opened");
            alert.initOwner(stage);
            alert.show();
            if (lease != null) Fx.async(() -> client.releaseLease(lease.id()), l -> { }, e2 -> { });
        });
    }
}
