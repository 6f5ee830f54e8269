package org.karyolab.exports;

import java.io.IOException;

/** Writes a dataset one image at a time; {@link #close} finishes it (what is not closed may be incomplete). */
public interface DatasetWriter extends AutoCloseable {

    /**
     * Adds one image with its annotations to the dataset.
     *
     * @throws IllegalArgumentException when the image is not valid (its violations listed) or its bytes do not have
     *                                  its sha256: nothing of it is written
     */
    void write(DatasetImage image) throws IOException;

    @Override
    void close() throws IOException;
}
