package org.karyolab.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one dataset, named by relative paths with {@code /} between folders ({@code images/a.png}). A
 * directory on disk today ({@link #of}); a zip or an upload can stand behind the same methods, so a format never
 * touches the file system itself. A path that leaves the folder ({@code ..}, an absolute path) is refused.
 */
public interface DatasetFolder {

    /** The folder as a person knows it (its path on disk), for messages. */
    String name();

    /** Is there a file at this path? */
    boolean exists(String path);

    /**
     * The file's bytes as a stream.
     *
     * @throws java.nio.file.NoSuchFileException when there is no file there
     */
    InputStream read(String path) throws IOException;

    /** A new file at this path (folders made as needed), replacing one that is there; written when closed. */
    OutputStream write(String path) throws IOException;

    /** The names of the files directly in this folder ({@code ""}: the top), sorted; empty when there is no such folder. */
    List<String> list(String folder) throws IOException;

    /** The directory {@code root} on disk. */
    static DatasetFolder of(Path root) {
        return new DirectoryFolder(root);
    }
}
