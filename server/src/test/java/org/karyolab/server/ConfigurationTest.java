package org.karyolab.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.ProjectService;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * application.yaml with environment overrides. The environment is stood in for by a map source
 * expanded the way Helidon expands real environment variables, placed before the yaml as
 * {@link Config#create()} places the real environment.
 */
class ConfigurationTest {

    static Config yamlOnly() {
        return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.classpath("application.yaml")).build();
    }

    @SuppressWarnings("removal") // Helidon's own mapping of variable names; no public replacement in 4.5
    static Config withEnvironment(Map<String, String> environment) {
        return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(EnvironmentVariables.expand(environment)).build(),
                        ConfigSources.classpath("application.yaml"))
                .build();
    }

    @Test
    void theYamlGivesTheDefaults() {
        ServerSettings s = ServerSettings.fromConfig(yamlOnly());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.jdbcUrl()).isNull();
        assertThat(s.imageLimits()).isEqualTo(ImageService.Limits.DEFAULT);
        assertThat(s.budget()).isEqualTo(org.karyolab.server.service.RequestBudget.Limits.DEFAULT);
    }

    @Test
    void environmentVariablesWinOverTheYaml() {
        ServerSettings s = ServerSettings.fromConfig(withEnvironment(Map.of(
                "SERVER_PORT", "9090",
                "KARYOLAB_DATA_DIRECTORY", "/srv/karyolab",
                "KARYOLAB_DB_URL", "jdbc:postgresql://db:5432/karyolab",
                "KARYOLAB_LIMITS_MAX_IMAGE_BYTES", "1000000",
                "KARYOLAB_LIMITS_MAX_IMAGE_PIXELS", "4000000",
                "KARYOLAB_LIMITS_READ_TIMEOUT_SECONDS", "7",
                "KARYOLAB_LIMITS_REQUEST_SECONDS", "0",
                "KARYOLAB_LIMITS_REQUEST_WORK_UNITS", "1000")));
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.budget()).isEqualTo(new org.karyolab.server.service.RequestBudget.Limits(java.time.Duration.ZERO, 1000));
        assertThat(s.readTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
        assertThat(s.dataDirectory()).isEqualTo(Path.of("/srv/karyolab"));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/karyolab");
        assertThat(s.imageLimits()).isEqualTo(new ImageService.Limits(1_000_000, 4_000_000));
        assertThat(s.host()).isEqualTo("127.0.0.1"); // not overridden: still the yaml's
    }

    @Test
    void theQueueAndWhoMayStartProjectsAreBoundWithTheRest() {
        ServerSettings defaults = ServerSettings.fromConfig(yamlOnly());
        assertThat(defaults.leaseTime()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(defaults.projectCreators()).isEqualTo(ProjectService.Creators.ANYONE);
        ServerSettings s = ServerSettings.fromConfig(withEnvironment(Map.of(
                "KARYOLAB_QUEUE_LEASE_MINUTES", "5",
                "KARYOLAB_PROJECTS_CREATORS", "admins")));
        assertThat(s.leaseTime()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(s.projectCreators()).isEqualTo(ProjectService.Creators.ADMINS);
        assertThat(ServerSettings.fromConfig(withEnvironment(Map.of("KARYOLAB_QUEUE_LEASE_DASH_MINUTES", "7"))).leaseTime())
                .isEqualTo(java.time.Duration.ofMinutes(7));
        assertThatThrownBy(() -> ServerSettings.fromConfig(withEnvironment(Map.of("KARYOLAB_QUEUE_LEASE_MINUTES", "0"))))
                .hasMessageContaining("lease-minutes");
    }

    @Test
    void helidonsOwnSpellingOfADashAlsoWorks() {
        // Helidon turns every '_' into '.', so KARYOLAB_DATA_DIRECTORY alone would name karyolab.data.directory;
        // its spelling for a dash is _DASH_.
        ServerSettings s = ServerSettings.fromConfig(withEnvironment(Map.of(
                "KARYOLAB_DATA_DASH_DIRECTORY", "/srv/dashed",
                "KARYOLAB_LIMITS_MAX_DASH_IMAGE_DASH_BYTES", "2000000")));
        assertThat(s.dataDirectory()).isEqualTo(Path.of("/srv/dashed"));
        assertThat(s.imageLimits().maxBytes()).isEqualTo(2_000_000);
        assertThat(s.imageLimits().maxPixels()).isEqualTo(ImageService.Limits.DEFAULT.maxPixels());
    }

    @Test
    void theDefaultConfigPutsTheEnvironmentAndSystemPropertiesBeforeTheYaml() {
        // Config.create() is what `serve` uses; a system property stands in for the environment here.
        String key = "karyolab.limits.max-image-pixels";
        System.setProperty(key, "12345");
        try {
            assertThat(ServerSettings.fromConfig(Config.create()).imageLimits().maxPixels()).isEqualTo(12_345);
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void nonsenseLimitsAreRefusedAtStart() {
        assertThatThrownBy(() -> ServerSettings.fromConfig(withEnvironment(Map.of("KARYOLAB_LIMITS_MAX_IMAGE_BYTES", "0"))))
                .hasMessageContaining("max-image-bytes");
        assertThatThrownBy(() -> ServerSettings.fromConfig(withEnvironment(Map.of("KARYOLAB_LIMITS_MAX_IMAGE_BYTES", "lots"))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ServerSettings.fromConfig(withEnvironment(Map.of("KARYOLAB_LIMITS_REQUEST_SECONDS", "-1"))))
                .hasMessageContaining("time budget");
    }
}
