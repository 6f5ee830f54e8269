package org.karyolab.exports.jsonl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.karyolab.exports.DatasetException;
import org.karyolab.exports.DatasetFolder;
import org.karyolab.exports.DatasetHeader;
import org.karyolab.exports.DatasetImage;
import org.karyolab.exports.ImageBytes;
import org.karyolab.exports.DatasetProblem;
import org.karyolab.exports.DatasetReader;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.Split;
import org.karyolab.schema.Violation;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;

/**
 * Reads {@code karyolab-jsonl}: the manifest when opened, then the splits' lines in {@link KaryoLabJsonLines#SPLITS}
 * order, one image per line, holding only the line at hand (and the ids seen, to refuse a second image of one id).
 * A bad line is passed over after its exception; text that is not UTF-8 passes over the rest of its file.
 */
final class JsonLinesReader implements DatasetReader {

    private final DatasetFolder folder;
    private final DatasetHeader header;
    private final Iterator<Split> splits = KaryoLabJsonLines.SPLITS.iterator();
    /** Where each image id was first read: "train.jsonl line 3". */
    private final Map<String, String> seen = new HashMap<>();
    private Split split;
    private BufferedReader lines;
    private int lineNumber;

    private JsonLinesReader(DatasetFolder folder, DatasetHeader header) {
        this.folder = folder;
        this.header = header;
    }

    static JsonLinesReader open(DatasetFolder folder) throws IOException {
        String file = KaryoLabJsonLines.MANIFEST;
        if (!folder.exists(file)) {
            throw new DatasetException(new DatasetProblem(file, 0, "", "there is no " + file + " in " + folder.name(),
                    "a " + KaryoLabJsonLines.ID + " dataset starts with it; is this a dataset of another format?"));
        }
        String json;
        try (InputStream in = folder.read(file)) {
            json = decode(in.readAllBytes(), file);
        }
        var manifest = switch (SchemaJson.read(json, KaryoLabJsonLines.Manifest.class)) {
            case Decoded.Ok<KaryoLabJsonLines.Manifest>(var m) -> m;
            case Decoded.Invalid<KaryoLabJsonLines.Manifest>(var violations) ->
                    throw problems(file, 0, violations, "correct " + file + ": {\"format\": \"" + KaryoLabJsonLines.ID
                            + "\", \"version\": " + KaryoLabJsonLines.VERSION + ", \"classNames\": [...]}");
        };
        if (!KaryoLabJsonLines.ID.equals(manifest.format())) {
            throw new DatasetException(new DatasetProblem(file, 0, "/format", "the format is '" + manifest.format() + "', not '"
                    + KaryoLabJsonLines.ID + "'", "read it with the format it names"));
        }
        if (!Integer.valueOf(KaryoLabJsonLines.VERSION).equals(manifest.version())) {
            throw new DatasetException(new DatasetProblem(file, 0, "/version", "version " + manifest.version()
                    + " of the layout, this KaryoLab reads version " + KaryoLabJsonLines.VERSION,
                    "read it with the KaryoLab that wrote it, or a newer one"));
        }
        var header = new DatasetHeader(manifest.classNames() == null ? List.of() : manifest.classNames());
        List<Violation> invalid = header.validate();
        if (!invalid.isEmpty()) throw problems(file, 0, invalid, "give each class one non-blank name");
        return new JsonLinesReader(folder, header);
    }

    @Override
    public DatasetHeader header() {
        return header;
    }

    @Override
    public Optional<DatasetImage> next() throws IOException {
        while (true) {
            if (lines == null && !nextSplit()) return Optional.empty();
            String line;
            try {
                line = lines.readLine();
            } catch (CharacterCodingException e) {
                // where the text breaks, the lines after it cannot be told apart: the rest of this file is passed over
                close();
                throw new DatasetException(new DatasetProblem(KaryoLabJsonLines.linesOf(split), lineNumber + 1, "",
                        "not UTF-8 text; the lines after it are not read", "save the file as UTF-8"));
            }
            if (line == null) {
                lines.close();
                lines = null;
                continue;
            }
            lineNumber++;
            if (!line.isBlank()) return Optional.of(image(line));
        }
    }

    /** Opens the next split that has a lines file; false after the last. */
    private boolean nextSplit() throws IOException {
        while (splits.hasNext()) {
            split = splits.next();
            String file = KaryoLabJsonLines.linesOf(split);
            if (folder.exists(file)) {
                lines = new BufferedReader(new InputStreamReader(folder.read(file), utf8()));
                lineNumber = 0;
                return true;
            }
        }
        return false;
    }

    private DatasetImage image(String line) throws DatasetException {
        String file = KaryoLabJsonLines.linesOf(split);
        AnnotationDocument document = switch (SchemaJson.read(line, AnnotationDocument.class)) {
            case Decoded.Ok<AnnotationDocument>(var d) -> d;
            case Decoded.Invalid<AnnotationDocument>(var violations) ->
                    throw problems(file, lineNumber, violations, "correct the line, or take it out of the dataset");
        };
        ImageAsset image = document.image();
        String here = file + " line " + lineNumber;
        String before = seen.putIfAbsent(image.id(), here);
        if (before != null) {
            throw new DatasetException(new DatasetProblem(file, lineNumber, "/image/id", "image " + image.id()
                    + " is also at " + before, "an image is in a dataset once: take out one of the lines"));
        }
        String bytes = KaryoLabJsonLines.bytesOf(image.sha256());
        if (!folder.exists(bytes)) {
            throw new DatasetException(new DatasetProblem(file, lineNumber, "/image/sha256", "there is no " + bytes
                    + " for image " + image.id(), "put the image's bytes there, or take the line out of the dataset"));
        }
        int at = lineNumber;
        return DatasetImage.of(document, () -> bytes(bytes, image, file, at), split);
    }

    /** The image's bytes, checked against its sha256 (a swapped or damaged file is found here). */
    private byte[] bytes(String path, ImageAsset image, String file, int line) throws IOException {
        byte[] bytes;
        try (InputStream in = folder.read(path)) {
            bytes = in.readAllBytes();
        }
        String actual = ImageBytes.sha256(bytes);
        if (!actual.equals(image.sha256())) {
            throw new DatasetException(new DatasetProblem(file, line, "/image/sha256", path + " has sha256 " + actual
                    + ", not the one image " + image.id() + " names", "put the image's own bytes there"));
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) lines.close();
        lines = null;
    }

    /** Malformed UTF-8 is an error, not a replacement character in someone's karyotype. */
    private static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String decode(byte[] bytes, String file) throws DatasetException {
        try {
            return utf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetException(new DatasetProblem(file, 0, "", "not UTF-8 text", "save it as UTF-8"));
        }
    }

    private static DatasetException problems(String file, int line, List<Violation> violations, String fix) {
        var problems = new ArrayList<DatasetProblem>(violations.size());
        for (Violation v : violations) problems.add(new DatasetProblem(file, line, v.pointer(), v.message(), fix));
        return new DatasetException(problems);
    }
}
