package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annotator's options: both spellings of a value, the defaults, and one line for what is wrong. */
class ClientOptionsTest {

    @Test
    void valuesAfterASpaceOrAnEqualsSign() {
        var s = ClientOptions.parse(List.of("--server", "http://h:1", "--user=ana", "--data", "/tmp/kl"));
        assertThat(s).isEqualTo(new KaryoLabApp.Settings("http://h:1", "ana", Path.of("/tmp/kl")));
    }

    @Test
    void defaults() {
        var s = ClientOptions.parse(List.of());
        assertThat(s.server()).isEqualTo("http://127.0.0.1:8080");
        assertThat(s.user()).isNull();
        assertThat(s.data()).isEqualTo(Path.of(System.getProperty("user.home"), ".karyolab", "annotator"));
    }

    @Test
    void anUnknownOptionOrAStrayWordIsNamedWithTheOptionsThereAre() {
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--nonsense")))
                .hasMessage("unknown option --nonsense (use --server URL, --user NAME, --data DIR)");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("stray"))).hasMessageStartingWith("unknown option stray");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--server"))).hasMessageContaining("--server");
    }
}
