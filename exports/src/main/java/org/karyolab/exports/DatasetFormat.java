package org.karyolab.exports;

import java.io.IOException;

/**
 * A dataset format of the field (KaryoLab's own JSON lines today; COCO, YOLO, VOC, LabelMe, CVAT, class folders,
 * mask PNGs next), with a reader side and a writer side over a {@link DatasetFolder}. Found by {@link DatasetFormats}
 * through {@link java.util.ServiceLoader}, as QuPath finds its image writers: an implementation has a public
 * no-argument constructor and is listed in {@code META-INF/services/org.karyolab.exports.DatasetFormat} of its jar.
 * A format knows schema records and files only: no HTTP, no SQL.
 */
public interface DatasetFormat {

    /** A stable short name, unique among the registered formats, e.g. {@code karyolab-jsonl}, {@code coco}. */
    String id();

    /** One line for a person choosing a format: what it is and where it comes from. */
    String description();

    /**
     * Starts reading the dataset in {@code folder}: checks what the format needs before any image (its index files,
     * its class list) and then gives the images one at a time.
     *
     * @throws DatasetException when the folder is not a dataset of this format, saying where and what to do
     */
    DatasetReader read(DatasetFolder folder) throws IOException;

    /** Starts writing a dataset of this format into {@code folder}, which should be empty. */
    DatasetWriter write(DatasetFolder folder, DatasetHeader header) throws IOException;

    /**
     * What a read gives back of an image this format wrote: the image itself for a lossless format; a lossy one says
     * here what it drops (a box-only format keeps boxes, a format without band calls drops them). The round-trip
     * test of every registered format holds a read to this.
     */
    default DatasetImage kept(DatasetImage written) {
        return written;
    }
}
