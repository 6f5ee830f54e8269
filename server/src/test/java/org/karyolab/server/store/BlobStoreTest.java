package org.karyolab.server.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobStoreTest {
    // SHA-256("abc"), FIPS 180-2 test vector
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;
    BlobStore blobs;

    @BeforeEach
    void open() throws IOException {
        blobs = BlobStore.open(dir.resolve("blobs"));
    }

    @Test
    void storesContentAddressedUnderTwoHexDigitDirectory() throws IOException {
        BlobStore.Blob blob = blobs.put("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(blob).isEqualTo(new BlobStore.Blob(ABC, 3));
        assertThat(dir.resolve("blobs/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isRegularFile();
        assertThat(blobs.exists(ABC)).isTrue();
        assertThat(blobs.size(ABC)).hasValue(3);
        try (InputStream in = blobs.open(ABC)) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
        }
    }

    @Test
    void largeStreamRoundTrips() throws IOException {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        BlobStore.Blob blob = blobs.put(new ByteArrayInputStream(bytes));

        assertThat(blob.size()).isEqualTo(bytes.length);
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(BlobStore.sha256().digest(bytes)));
        try (InputStream in = blobs.open(blob.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void sameBytesTwiceAreKeptOnce() throws IOException {
        BlobStore.Blob first = blobs.put("same".getBytes(StandardCharsets.UTF_8));
        BlobStore.Blob second = blobs.put(new ByteArrayInputStream("same".getBytes(StandardCharsets.UTF_8)));

        assertThat(second).isEqualTo(first);
        assertThat(blobFiles()).hasSize(1);
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void emptyBlobIsABlobToo() throws IOException {
        BlobStore.Blob blob = blobs.put(new byte[0]);
        assertThat(blob.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(blobs.size(blob.sha256())).hasValue(0);
    }

    @Test
    void streamFailingHalfwayLeavesNothingBehind() {
        InputStream failing = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 100_000) throw new IOException("connection reset by peer");
                return served & 0xff;
            }
        };

        assertThatThrownBy(() -> blobs.put(failing)).isInstanceOf(IOException.class).hasMessage("connection reset by peer");
        assertThat(blobFiles()).isEmpty();
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void wrongHashOrSizeIsRefusedAndLeavesNothingBehind() throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String otherSha = "0".repeat(64);

        var wrongHash = blobs.put(new ByteArrayInputStream(abc), new BlobStore.Expected(otherSha, 3));
        var wrongSize = blobs.put(new ByteArrayInputStream(abc), new BlobStore.Expected(ABC, 4));

        assertThat(wrongHash).isEqualTo(new BlobStore.PutResult.Mismatch(
                new BlobStore.Expected(otherSha, 3), new BlobStore.Blob(ABC, 3)));
        assertThat(wrongSize).isInstanceOf(BlobStore.PutResult.Mismatch.class);
        assertThat(blobs.exists(ABC)).isFalse();
        assertThat(blobs.exists(otherSha)).isFalse();
        assertThat(blobFiles()).isEmpty();
        assertThat(incomingFiles()).isEmpty();

        var right = blobs.put(new ByteArrayInputStream(abc), new BlobStore.Expected(ABC, 3));
        assertThat(right).isEqualTo(new BlobStore.PutResult.Stored(new BlobStore.Blob(ABC, 3)));
    }

    @Test
    void reopeningRemovesTemporaryFilesOfACrashedPut() throws IOException {
        Path leftover = dir.resolve("blobs/.incoming/put-123.tmp");
        Files.writeString(leftover, "half a PNG");

        BlobStore reopened = BlobStore.open(dir.resolve("blobs"));

        assertThat(leftover).doesNotExist();
        assertThat(reopened.put("x".getBytes(StandardCharsets.UTF_8)).size()).isEqualTo(1);
    }

    @Test
    void absentBlobs() throws IOException {
        String absent = "f".repeat(64);
        assertThat(blobs.exists(absent)).isFalse();
        assertThat(blobs.size(absent)).isEmpty();
        assertThatThrownBy(() -> blobs.open(absent)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void namesThatAreNotASha256AreRejected() {
        for (String bad : List.of("../../etc/passwd", "ABC", ABC.toUpperCase(), ABC + "0", "")) {
            assertThatThrownBy(() -> blobs.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> blobs.exists(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentPutsOfTheSameBytesStoreOneBlob() throws Exception {
        byte[] bytes = new byte[256 * 1024];
        new Random(3).nextBytes(bytes);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<BlobStore.Blob>> puts = IntStream.range(0, 16)
                    .<Callable<BlobStore.Blob>>mapToObj(i -> () -> blobs.put(bytes)).toList();
            List<BlobStore.Blob> results = pool.invokeAll(puts).stream().map(BlobStoreTest::get).toList();
            assertThat(results).containsOnly(results.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(blobFiles()).hasSize(1);
        assertThat(incomingFiles()).isEmpty();
        try (InputStream in = blobs.open(HexFormat.of().formatHex(BlobStore.sha256().digest(bytes)))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> blobFiles() {
        try (Stream<Path> all = Files.walk(dir.resolve("blobs"))) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals(".incoming")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> incomingFiles() {
        try (Stream<Path> all = Files.list(dir.resolve("blobs/.incoming"))) {
            return all.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
