package org.karyolab.client.ui;

import static org.karyolab.client.ui.FxTesting.await;
import static org.karyolab.client.ui.FxTesting.onFx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.sync.Autosave;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Shape;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * What the editor's UI tests share: one real server per test class (H2, loopback), the toolkit, a client data
 * directory per test, the robot, and {@link #openEditor} to show the editor on an image.
 */
public abstract class EditorFxFixture {

    protected static final Autosave.Settings FAST = new Autosave.Settings(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(400));
    protected static final AtomicInteger USERS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    protected static Path serverData;
    protected static LiveServer server;
    protected static KaryoLabClient admin;

    @TempDir
    protected Path clientData;
    protected final FxRobot robot = new FxRobot();
    protected EditorView editor;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(serverData);
        admin = server.admin();
        FxTesting.startToolkit();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeEditor() throws Exception {
        if (editor != null) editor.close();
        FxToolkit.cleanupStages();
    }

    protected void openEditor(KaryoLabClient who, String imageId, int width, int height) throws Exception {
        Autosave autosave = Autosave.open(who, imageId, clientData.resolve(who.username()), FAST);
        FxToolkit.setupStage(stage -> {
            editor = new EditorView(autosave, null);
            FxTesting.showAtOrigin(stage, editor, width, height);
        });
        onFx(() -> editor.loadImage());
        await("the full image", () -> editor.fullImageShown());
        onFx(() -> editor.canvas().requestFocus());
    }

    protected ImageDocument doc() {
        return editor.autosave().document();
    }

    protected Point2D at(double x, double y) throws Exception {
        return onFx(() -> editor.canvas().localToScreen(editor.canvas().imageToLocal(x, y)));
    }

    protected List<Annotation> onServer(String imageId) {
        editor.autosave().flushNow();
        return admin.annotations(imageId);
    }

    /** Saves annotations on the server as {@code who} (another user's work, or work before the editor opens). */
    protected static List<Annotation> save(KaryoLabClient who, String imageId, List<Shape> shapes, List<AnnotationLabels> labels) {
        var changes = new ArrayList<BatchOperation>();
        for (int i = 0; i < shapes.size(); i++) {
            changes.add(BatchOperation.create(new Annotation(UUID.randomUUID().toString(), imageId, shapes.get(i), labels.get(i),
                    Provenance.human(who.username()), 0, AnnotationStatus.DRAFT, null, null)));
        }
        return who.saveBatch(imageId, changes);
    }

    /** A new user with {@code role} on the project, signed in. */
    protected static KaryoLabClient member(String projectId, String role) {
        String name = role + USERS.incrementAndGet() + "x" + System.nanoTime() % 10000;
        String token = adminToken();
        expect(send("POST", "/api/v1/users", "{\"username\": \"%s\", \"password\": \"%s-password\"}".formatted(name, name), token), 201);
        expect(send("PUT", "/api/v1/projects/" + projectId + "/members/" + name, "{\"role\": \"" + role + "\"}", token), 200);
        var client = new KaryoLabClient(server.url(), Duration.ofSeconds(10));
        client.login(name, name + "-password");
        return client;
    }

    private static String adminToken() {
        var r = send("POST", "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"" + LiveServer.ADMIN_PASSWORD + "\"}", null);
        expect(r, 200);
        return r.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) throw new AssertionError(r.statusCode() + " " + r.body());
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) {
        var b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
