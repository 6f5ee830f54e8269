package org.karyolab.exports.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.exports.DatasetException;
import org.karyolab.exports.DatasetFolder;
import org.karyolab.exports.DatasetHeader;
import org.karyolab.exports.DatasetImage;
import org.karyolab.exports.DatasetProblem;
import org.karyolab.exports.DatasetReader;
import org.karyolab.exports.DatasetWriter;
import org.karyolab.exports.GeneratedDataset;
import org.karyolab.exports.ImageBytes;
import org.karyolab.schema.Split;
import org.karyolab.schema.json.SchemaJson;

/** The native format's files, and what its reader says when a dataset is wrong: the file, the line, the pointer, the fix. */
class KaryoLabJsonLinesTest {

    @TempDir
    Path dir;
    private final KaryoLabJsonLines format = new KaryoLabJsonLines();
    private List<DatasetImage> images;
    private DatasetFolder folder;

    @BeforeEach
    void writeTheDataset() throws IOException {
        images = GeneratedDataset.images(7, 8);
        folder = DatasetFolder.of(dir);
        try (DatasetWriter writer = format.write(folder, GeneratedDataset.HEADER)) {
            for (DatasetImage image : images) writer.write(image);
        }
    }

    @Test
    void aManifestALinesFilePerSplitOneDocumentPerLineAndEachImageOnceBySha256() throws IOException {
        assertThat(Files.readString(dir.resolve("dataset.json"))).isEqualTo("{\"format\":\"karyolab-jsonl\",\"version\":1,"
                + "\"classNames\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\","
                + "\"15\",\"16\",\"17\",\"18\",\"19\",\"20\",\"21\",\"22\",\"X\",\"Y\"]}\n");
        for (Split split : Split.values()) {
            List<String> expected = images.stream().filter(i -> i.split() == split).map(i -> SchemaJson.write(i.document())).toList();
            assertThat(Files.readAllLines(dir.resolve(KaryoLabJsonLines.linesOf(split)))).as(split.jsonName()).isEqualTo(expected);
        }
        for (DatasetImage image : images) {
            assertThat(Files.readAllBytes(dir.resolve("images/" + image.image().sha256()))).isEqualTo(image.bytes().read());
        }
    }

    @Test
    void aBadLineNamesItsFileLineAndPointersAndTheReaderGoesOnAfterIt() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("train.jsonl")));
        lines.set(0, lines.getFirst().replaceFirst("\"width\":\\d+", "\"width\":-3").replace("\"kind\":", "\"knd\":"));
        Files.write(dir.resolve("train.jsonl"), lines);
        try (DatasetReader reader = format.read(folder)) {
            var e = catchDataset(reader);
            assertThat(e.problems()).extracting(DatasetProblem::file, DatasetProblem::line).containsOnly(tuple("train.jsonl", 1));
            assertThat(e.problems()).extracting(DatasetProblem::pointer).contains("/image/knd");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.fix()).isEqualTo("correct the line, or take it out of the dataset"));
            assertThat(e.getMessage()).startsWith("train.jsonl:1 /image/knd: unknown property 'knd'");
            assertThat(count(reader)).as("the images after the bad line").isEqualTo(images.size() - 1);
        }
    }

    @Test
    void aDatasetWithoutItsManifestIsNoDatasetOfThisFormat() throws IOException {
        Files.delete(dir.resolve("dataset.json"));
        assertThatThrownBy(() -> format.read(folder)).isInstanceOfSatisfying(DatasetException.class, e -> {
            assertThat(e.problems().getFirst().file()).isEqualTo("dataset.json");
            assertThat(e.getMessage()).contains("there is no dataset.json in " + dir.toAbsolutePath()).contains("another format");
        });
    }

    @Test
    void aNewerLayoutIsRefusedWithTheVersionItNeeds() throws IOException {
        Files.writeString(dir.resolve("dataset.json"), "{\"format\":\"karyolab-jsonl\",\"version\":2,\"classNames\":[]}");
        assertThatThrownBy(() -> format.read(folder)).isInstanceOf(DatasetException.class)
                .hasMessage("dataset.json /version: version 2 of the layout, this KaryoLab reads version 1 "
                        + "(read it with the KaryoLab that wrote it, or a newer one)");
    }

    @Test
    void repeatedClassNamesAreRefusedWhereTheyRepeat() throws IOException {
        Files.writeString(dir.resolve("dataset.json"), "{\"format\":\"karyolab-jsonl\",\"version\":1,\"classNames\":[\"1\",\"X\",\"1\"]}");
        assertThatThrownBy(() -> format.read(folder)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("dataset.json /classNames/2: class name '1' is also at /classNames/0");
        assertThatThrownBy(() -> format.write(DatasetFolder.of(dir.resolve("other")), new DatasetHeader(List.of("1", " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/classNames/1: a class name must not be blank");
    }

    @Test
    void missingOrSwappedImageBytesAreFoundAtTheirLine() throws IOException {
        DatasetImage first = images.stream().filter(i -> i.split() == Split.TRAIN).findFirst().orElseThrow();
        DatasetImage second = images.stream().filter(i -> i.split() == Split.TRAIN).skip(1).findFirst().orElseThrow();
        Path firstBytes = dir.resolve("images/" + first.image().sha256());
        Files.copy(dir.resolve("images/" + second.image().sha256()), firstBytes, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dir.resolve("images/" + second.image().sha256()));
        try (DatasetReader reader = format.read(folder)) {
            DatasetImage swapped = reader.next().orElseThrow();
            assertThatThrownBy(() -> swapped.bytes().read()).isInstanceOf(DatasetException.class)
                    .hasMessageContaining("train.jsonl:1 /image/sha256: images/" + first.image().sha256() + " has sha256 "
                            + second.image().sha256()).hasMessageContaining("put the image's own bytes there");
            assertThat(catchDataset(reader).getMessage()).isEqualTo("train.jsonl:2 /image/sha256: there is no images/"
                    + second.image().sha256() + " for image " + second.image().id()
                    + " (put the image's bytes there, or take the line out of the dataset)");
        }
    }

    @Test
    void anImageIdTwiceIsRefusedAtItsSecondLine() throws IOException {
        String line = Files.readAllLines(dir.resolve("train.jsonl")).getFirst();
        Files.writeString(dir.resolve("test.jsonl"), line + "\n", java.nio.file.StandardOpenOption.APPEND);
        try (DatasetReader reader = format.read(folder)) {
            List<String> problems = new ArrayList<>();
            int read = 0;
            while (true) {
                try {
                    if (reader.next().isEmpty()) break;
                    read++;
                } catch (DatasetException e) {
                    problems.add(e.getMessage());
                }
            }
            assertThat(read).isEqualTo(images.size());
            long testLines = images.stream().filter(i -> i.split() == Split.TEST).count() + 1;
            assertThat(problems).containsExactly("test.jsonl:" + testLines + " /image/id: image " + images.getFirst().image().id()
                    + " is also at train.jsonl line 1 (an image is in a dataset once: take out one of the lines)");
        }
    }

    @Test
    void textThatIsNotUtf8IsNamedAndTheRestOfItsFilePassedOver() throws IOException {
        byte[] broken = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};
        Files.write(dir.resolve("val.jsonl"), broken);
        try (DatasetReader reader = format.read(folder)) {
            int read = 0;
            DatasetException problem = null;
            while (true) {
                try {
                    if (reader.next().isEmpty()) break;
                    read++;
                } catch (DatasetException e) {
                    problem = e;
                }
            }
            assertThat(problem).isNotNull();
            assertThat(problem.getMessage()).startsWith("val.jsonl:1: not UTF-8 text");
            assertThat(read).isEqualTo(images.stream().filter(i -> i.split() != Split.VAL).count());
        }
    }

    @Test
    void theWriterRefusesWhatNoReaderWouldTake() throws IOException {
        DatasetImage image = images.getFirst();
        try (DatasetWriter writer = format.write(DatasetFolder.of(dir.resolve("other")), GeneratedDataset.HEADER)) {
            assertThatThrownBy(() -> writer.write(new DatasetImage(image.image(), ImageBytes.of(new byte[] {1, 2, 3}),
                    image.imageLabels(), image.annotations(), image.split()))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("have sha256").hasMessageContaining("not the image's " + image.image().sha256());
            writer.write(image);
            assertThatThrownBy(() -> writer.write(image)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is in the dataset already");
        }
        assertThat(dir.resolve("other/images")).isDirectoryContaining(p -> p.getFileName().toString().equals(image.image().sha256()));
    }

    @Test
    void aPathOutOfTheFolderIsRefused() {
        assertThatThrownBy(() -> folder.read("../outside.jsonl")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the dataset's folder");
        assertThatThrownBy(() -> folder.write("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private static DatasetException catchDataset(DatasetReader reader) {
        try {
            Optional<DatasetImage> next = reader.next();
            throw new AssertionError("expected a problem, read " + next);
        } catch (DatasetException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("expected a dataset problem, got " + e, e);
        }
    }

    private static int count(DatasetReader reader) throws IOException {
        int n = 0;
        while (reader.next().isPresent()) n++;
        return n;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
