package org.karyolab.server.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOnH2Test extends DatabaseContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.H2;
    }

    @Test
    void h2LivesUnderTheDataDirectoryWithDurableSettings() {
        try (Database db = Database.open(emptyDatabase(dir))) {
            assertThat(db.isReachable()).isTrue();
            assertThat(dir.resolve("db/karyolab.mv.db")).isRegularFile();
        }
        assertThat(Database.h2Url(dir)).contains(";WRITE_DELAY=0").contains(";MODE=PostgreSQL").contains(";FILE_LOCK=FS").startsWith("jdbc:h2:async:");
    }
}
