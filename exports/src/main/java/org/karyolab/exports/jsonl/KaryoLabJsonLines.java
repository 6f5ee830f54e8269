package org.karyolab.exports.jsonl;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.karyolab.exports.DatasetFolder;
import org.karyolab.exports.DatasetFormat;
import org.karyolab.exports.DatasetHeader;
import org.karyolab.exports.DatasetReader;
import org.karyolab.exports.DatasetWriter;
import org.karyolab.schema.Split;

/** KaryoLab's own dataset format (see the package): everything the schema holds, read back as written. */
public final class KaryoLabJsonLines implements DatasetFormat {

    public static final String ID = "karyolab-jsonl";
    /** The layout this code writes and reads; a newer one is refused with the version it needs. */
    static final int VERSION = 1;
    static final String MANIFEST = "dataset.json";
    static final String IMAGES = "images/";
    /** The order a reader goes through the splits. */
    static final List<Split> SPLITS = List.of(Split.TRAIN, Split.VAL, Split.TEST, Split.UNASSIGNED);

    /** What {@value #MANIFEST} holds. */
    record Manifest(String format, Integer version, List<String> classNames) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "KaryoLab JSON lines: one annotation document per line and split, images by sha256; lossless";
    }

    @Override
    public DatasetReader read(DatasetFolder folder) throws IOException {
        return JsonLinesReader.open(folder);
    }

    @Override
    public DatasetWriter write(DatasetFolder folder, DatasetHeader header) throws IOException {
        return JsonLinesWriter.create(folder, header);
    }

    /** The lines file of a split: {@code train.jsonl}, ... */
    static String linesOf(Split split) {
        return split.name().toLowerCase(Locale.ROOT) + ".jsonl";
    }

    /** Where an image's bytes are. */
    static String bytesOf(String sha256) {
        return IMAGES + sha256;
    }
}
