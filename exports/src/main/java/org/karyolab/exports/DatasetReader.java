package org.karyolab.exports;

import java.io.IOException;
import java.util.Optional;

/**
 * The one way a dataset enters the code: its header, then its images one at a time, so a dataset larger than memory
 * streams through. A problem with the content is a {@link DatasetException} naming the file, the line or JSON pointer
 * and what to do; after one, {@link #next} goes on with what follows, so a caller may collect every problem of a
 * dataset before it refuses it.
 */
public interface DatasetReader extends AutoCloseable {

    /** What the dataset declares before its images: its class names, in its order. */
    DatasetHeader header();

    /**
     * The next image, or empty after the last.
     *
     * @throws DatasetException when the next entry is not a valid image of this format (the entry is passed over)
     * @throws IOException      when the folder cannot be read
     */
    Optional<DatasetImage> next() throws IOException;

    @Override
    void close() throws IOException;
}
