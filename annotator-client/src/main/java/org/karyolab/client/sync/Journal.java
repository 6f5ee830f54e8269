package org.karyolab.client.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import org.karyolab.client.net.Json;

/**
 * The on-disk outbox of one image on one server: an append-only file, one JSON line per op
 * ({@code {"seq": 3, "op": {...}}}) and one per op done ({@code {"ack": 3}}), each forced to disk
 * before it counts. What is written survives the client crashing or the server being away; a torn
 * last line (a crash mid-write) is ignored. Once every op is acknowledged the file is emptied.
 *
 * <p>Lives at {@code <dataDir>/journal/<host_port-hash>/<imageId>.jsonl}. Not thread-safe: autosave
 * uses it from its one worker thread.
 */
public final class Journal implements AutoCloseable {

    /** One line. Exactly one of {@code op} (with {@code seq}) or {@code ack} is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(Long seq, SyncOp op, Long ack) {}

    /** An op not yet acknowledged. */
    public record Entry(long seq, SyncOp op) {}

    private final Path file;
    private final FileChannel channel;
    private final LinkedHashMap<Long, SyncOp> pending = new LinkedHashMap<>();
    private long lastSeq;

    public Journal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) readExisting();
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /** The journal file for {@code imageId} on the server at {@code serverUrl}. */
    public static Path fileFor(Path dataDir, String serverUrl, String imageId) {
        String readable = serverUrl.replaceFirst("^[a-z]+://", "").replaceAll("[^A-Za-z0-9.-]", "_");
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(serverUrl.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String safeImage = imageId.replaceAll("[^A-Za-z0-9._-]", "_");
        return dataDir.resolve("journal").resolve(readable + "-" + hash).resolve(safeImage + ".jsonl");
    }

    public Path file() {
        return file;
    }

    private void readExisting() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) continue;
            Line line;
            try {
                line = Json.read(text, Line.class);
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) break; // torn by a crash mid-write: that op was never acknowledged to anyone
                throw new IOException("journal " + file + " line " + (i + 1) + " is damaged: " + e.getMessage(), e);
            }
            if (line.ack() != null) {
                pending.remove(line.ack());
                lastSeq = Math.max(lastSeq, line.ack());
            } else if (line.seq() != null && line.op() != null) {
                pending.put(line.seq(), line.op());
                lastSeq = Math.max(lastSeq, line.seq());
            }
        }
    }

    /** Ops not yet acknowledged, oldest first. */
    public List<Entry> pending() {
        var out = new ArrayList<Entry>();
        pending.forEach((seq, op) -> out.add(new Entry(seq, op)));
        return out;
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Writes the op and forces it to disk; returns its sequence number. */
    public long append(SyncOp op) {
        long seq = ++lastSeq;
        write(new Line(seq, op, null));
        pending.put(seq, op);
        return seq;
    }

    /** The op is done (sent, or replaced by a newer line). When none is left, the file is emptied. */
    public void ack(long seq) {
        if (pending.remove(seq) == null) return;
        write(new Line(null, null, seq));
        if (pending.isEmpty()) {
            try {
                channel.truncate(0);
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty journal " + file, e);
            }
        }
    }

    private void write(Line line) {
        byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file, e);
        }
    }

    /** Lines in the file (ops and acks) — for tests and diagnostics. */
    public long lineCount() {
        try {
            return Files.readAllLines(file).stream().filter(s -> !s.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
