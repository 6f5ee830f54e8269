package org.karyolab.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.Split;

/**
 * The registry's promise, for every format on the class path: found by its id, and a generated dataset written and
 * read back gives its header and, split by split in the order written, every image as the format says it keeps it
 * ({@link DatasetFormat#kept}), bytes and all. A new format fails here until it does (docs/CONTRIBUTING.md).
 */
class DatasetFormatsTest {

    @TempDir
    Path dir;

    /** What one image is, bytes included (they are compared by content). */
    record Read(AnnotationDocument document, List<Byte> bytes) {
        static Read of(DatasetImage image) throws IOException {
            var bytes = new ArrayList<Byte>();
            for (byte b : image.bytes().read()) bytes.add(b);
            return new Read(image.document(), bytes);
        }
    }

    @Test
    void theNativeFormatIsRegisteredAndEveryIdIsFoundAsItself() {
        assertThat(DatasetFormats.all()).extracting(DatasetFormat::id).contains("karyolab-jsonl").doesNotHaveDuplicates();
        for (DatasetFormat f : DatasetFormats.all()) {
            assertThat(DatasetFormats.find(f.id())).get().extracting(DatasetFormat::id).isEqualTo(f.id());
            assertThat(f.description()).isNotBlank();
        }
    }

    @Test
    void anUnknownIdNamesTheRegisteredOnes() {
        assertThat(DatasetFormats.find("no-such-format")).isEmpty();
        assertThatThrownBy(() -> DatasetFormats.require("no-such-format")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-format'").hasMessageContaining("karyolab-jsonl")
                .hasMessageContaining("META-INF/services/org.karyolab.exports.DatasetFormat");
    }

    @TestFactory
    Stream<DynamicTest> everyFormatRoundTripsAGeneratedDataset() throws IOException {
        List<DatasetImage> written = GeneratedDataset.images(42, 12);
        return DatasetFormats.all().stream().map(format -> DynamicTest.dynamicTest(format.id(), () -> {
            DatasetFolder folder = DatasetFolder.of(Files.createDirectories(dir.resolve(format.id())));
            try (DatasetWriter writer = format.write(folder, GeneratedDataset.HEADER)) {
                for (DatasetImage image : written) writer.write(image);
            }
            var expected = new EnumMap<Split, List<Read>>(Split.class);
            for (DatasetImage image : written) {
                DatasetImage kept = format.kept(image);
                expected.computeIfAbsent(kept.split(), s -> new ArrayList<>()).add(Read.of(kept));
            }
            Map<Split, List<Read>> read = new EnumMap<>(Split.class);
            try (DatasetReader reader = format.read(folder)) {
                assertThat(reader.header()).isEqualTo(GeneratedDataset.HEADER);
                for (Optional<DatasetImage> next = reader.next(); next.isPresent(); next = reader.next()) {
                    read.computeIfAbsent(next.get().split(), s -> new ArrayList<>()).add(Read.of(next.get()));
                }
            }
            assertThat(read).isEqualTo(expected);
        }));
    }
}
