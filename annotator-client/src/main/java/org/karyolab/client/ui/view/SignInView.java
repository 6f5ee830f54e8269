package org.karyolab.client.ui.view;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.client.ui.Errors;
import org.karyolab.client.ui.Fx;

/** Server address, user name and password; the server's own words when it says no. */
public final class SignInView extends StackPane {

    private final TextField server = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private final Button signIn = new Button("Sign in");

    public SignInView(String serverUrl, String username, Consumer<KaryoLabClient> signedIn) {
        getStyleClass().add("kl-root");
        getStylesheets().add(Objects.requireNonNull(SignInView.class.getResource("/org/karyolab/client/ui/karyolab.css")).toExternalForm());
        server.setId("server");
        server.setText(serverUrl);
        user.setId("user");
        user.setPromptText("user name");
        if (username != null) user.setText(username);
        password.setId("password");
        password.setPromptText("password");
        error.setId("error");
        error.getStyleClass().add("kl-error");
        error.setMaxWidth(320);
        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        Label title = new Label("KaryoLab");
        title.getStyleClass().add("kl-title");
        Label subtitle = new Label("Chromosome annotation");
        subtitle.getStyleClass().add("kl-subtle");
        var card = new VBox(title, subtitle, new Label("Server"), server, new Label("User"), user, new Label("Password"), password, signIn, error);
        card.getStyleClass().add("kl-card");
        card.setMaxSize(360, USE_PREF_SIZE);
        card.setPrefWidth(360);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        signIn.setOnAction(e -> {
            error.setText("");
            signIn.setDisable(true);
            String url = server.getText().strip(), name = user.getText().strip(), pass = password.getText();
            if (name.isEmpty()) {
                error.setText("Enter your user name.");
                signIn.setDisable(false);
                return;
            }
            Fx.async(() -> {
                var client = new KaryoLabClient(url, Duration.ofSeconds(30));
                client.login(name, pass);
                return client;
            }, client -> {
                signIn.setDisable(false);
                password.clear();
                signedIn.accept(client);
            }, err -> {
                signIn.setDisable(false);
                error.setText(Errors.message(err));
            });
        });
        if (username != null) Fx.onFx(password::requestFocus);
    }

    public Label errorLabel() {
        return error;
    }
}
