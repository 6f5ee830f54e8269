package org.karyolab.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.LabelSet;
import org.karyolab.schema.Project;
import org.karyolab.schema.Violation;

/**
 * The invalid corpus: {@code src/test/resources/invalid/NN-name.json} and {@code expected.tsv}, one row per
 * expected violation (file, how to decode, pointer or * for any, message fragment). For each file ONE decode
 * must report every expected violation together, and nothing else.
 */
class InvalidCorpusTest {

    record Expected(String kind, String pointer, String fragment) {
    }

    static Map<String, List<Expected>> table() throws IOException {
        var table = new LinkedHashMap<String, List<Expected>>();
        try (InputStream in = InvalidCorpusTest.class.getResourceAsStream("/invalid/expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                table.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(new Expected(cols[1], cols[2], cols[3]));
            }
        }
        return table;
    }

    static Path dir() throws URISyntaxException {
        return Path.of(InvalidCorpusTest.class.getResource("/invalid").toURI());
    }

    @Test
    void corpusHasAtLeastFortyDocumentsAndEveryFileHasExpectations() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(dir())) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidDocumentReportsAllExpectedViolations() throws Exception {
        return table().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String json = Files.readString(dir().resolve(entry.getKey()));
            List<Expected> expected = entry.getValue();
            Decoded<?> decoded = decode(expected.getFirst().kind(), json);

            assertThat(decoded).isInstanceOf(Decoded.Invalid.class);
            List<Violation> actual = new ArrayList<>(decoded.violations());
            for (Expected e : expected) {
                Violation match = actual.stream()
                        .filter(v -> (e.pointer().equals("*") || v.pointer().equals(e.pointer()))
                                && v.message().contains(e.fragment()))
                        .findFirst().orElse(null);
                assertThat(match).as("expected %s '%s' among %s", e.pointer(), e.fragment(), decoded.violations())
                        .isNotNull();
                actual.remove(match);
            }
            assertThat(actual).as("unexpected extra violations").isEmpty();
        }));
    }

    static Decoded<?> decode(String kind, String json) {
        if (kind.contains("@")) {
            String[] size = kind.substring(kind.indexOf('@') + 1).split("x");
            int w = Integer.parseInt(size[0]);
            int h = Integer.parseInt(size[1]);
            return kind.startsWith("annotation@") ? SchemaJson.readAnnotation(json, w, h) : SchemaJson.readShape(json, w, h);
        }
        return switch (kind) {
            case "annotation-document" -> SchemaJson.read(json, AnnotationDocument.class);
            case "label-set" -> SchemaJson.read(json, LabelSet.class);
            case "project" -> SchemaJson.read(json, Project.class);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }
}
