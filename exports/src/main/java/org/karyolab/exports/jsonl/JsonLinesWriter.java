package org.karyolab.exports.jsonl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.karyolab.exports.DatasetFolder;
import org.karyolab.exports.DatasetHeader;
import org.karyolab.exports.DatasetImage;
import org.karyolab.exports.ImageBytes;
import org.karyolab.exports.DatasetWriter;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.Split;
import org.karyolab.schema.Violation;
import org.karyolab.schema.json.SchemaJson;

/** Writes {@code karyolab-jsonl}: the manifest first, then a line per image in its split's file, bytes once each. */
final class JsonLinesWriter implements DatasetWriter {

    private final DatasetFolder folder;
    private final Map<Split, Writer> lines = new EnumMap<>(Split.class);
    private final Set<String> imageIds = new HashSet<>();
    private final Set<String> bytesWritten = new HashSet<>();

    private JsonLinesWriter(DatasetFolder folder) {
        this.folder = folder;
    }

    static JsonLinesWriter create(DatasetFolder folder, DatasetHeader header) throws IOException {
        refuseInvalid("the dataset header", header.validate());
        var manifest = new KaryoLabJsonLines.Manifest(KaryoLabJsonLines.ID, KaryoLabJsonLines.VERSION, header.classNames());
        try (OutputStream out = folder.write(KaryoLabJsonLines.MANIFEST)) {
            out.write((SchemaJson.write(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new JsonLinesWriter(folder);
    }

    @Override
    public void write(DatasetImage image) throws IOException {
        AnnotationDocument document = image.document();
        refuseInvalid("image " + image.image().id(), document.validate());
        if (imageIds.contains(image.image().id())) {
            throw new IllegalArgumentException("image " + image.image().id() + " is in the dataset already; an image id is written once");
        }
        String sha256 = image.image().sha256();
        if (!bytesWritten.contains(sha256)) {
            byte[] bytes = image.bytes().read();
            String actual = ImageBytes.sha256(bytes);
            if (!actual.equals(sha256)) {
                throw new IllegalArgumentException("the bytes given for image " + image.image().id() + " have sha256 "
                        + actual + ", not the image's " + sha256);
            }
            try (OutputStream out = folder.write(KaryoLabJsonLines.bytesOf(sha256))) {
                out.write(bytes);
            }
            bytesWritten.add(sha256);
        }
        Writer w = lines.get(image.split());
        if (w == null) {
            w = new BufferedWriter(new OutputStreamWriter(folder.write(KaryoLabJsonLines.linesOf(image.split())), StandardCharsets.UTF_8));
            lines.put(image.split(), w);
        }
        // SchemaJson writes no line breaks (those inside strings are escaped), so a document is one line
        w.write(SchemaJson.write(document));
        w.write('\n');
        imageIds.add(image.image().id());
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : lines.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        lines.clear();
        if (first != null) throw first;
    }

    private static void refuseInvalid(String what, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(what + " is not valid, so no reader would take it: "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }
}
