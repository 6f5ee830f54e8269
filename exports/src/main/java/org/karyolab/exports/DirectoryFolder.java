package org.karyolab.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A {@link DatasetFolder} that is a directory on disk. */
final class DirectoryFolder implements DatasetFolder {

    private final Path root;

    DirectoryFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public InputStream read(String path) throws IOException {
        return Files.newInputStream(resolve(path));
    }

    @Override
    public OutputStream write(String path) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file);
    }

    @Override
    public List<String> list(String folder) throws IOException {
        Path dir = folder.isEmpty() ? root : resolve(folder);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The file at a relative path, which must stay inside the root. */
    private Path resolve(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("'" + path + "' is not a relative path with / between folders");
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("'" + path + "' leaves the dataset's folder " + root);
        }
        return file;
    }
}
