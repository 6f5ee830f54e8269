package org.karyolab.server.bench;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's HTTP/1.1 client against a scripted peer: lengths, chunks, a closed idle connection. */
class Http1ConnectionTest {

    /** Answers each connection's requests with the next scripted answers, then closes it. */
    private static final class Peer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread;

        Peer(List<List<String>> answersPerConnection) throws IOException {
            thread = Thread.ofVirtual().start(() -> {
                for (List<String> answers : answersPerConnection) {
                    try (Socket s = socket.accept()) {
                        var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        OutputStream out = s.getOutputStream();
                        for (String answer : answers) {
                            StringBuilder head = new StringBuilder();
                            int length = 0;
                            for (String line; !(line = in.readLine()).isEmpty(); ) {
                                head.append(line).append('\n');
                                if (line.startsWith("Content-Length: ")) length = Integer.parseInt(line.substring(16));
                            }
                            char[] body = new char[length];
                            for (int n = 0; n < length; ) n += in.read(body, n, length - n);
                            requests.add(head + new String(body));
                            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join();
        }
    }

    @Test
    void readsLengthsAndChunksOverOneConnectionAndReopensOneTheServerClosed() throws Exception {
        String sized = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"id\":\"a\"}\n";
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3;x=y\r\nefg\r\n0\r\n\r\n";
        String empty = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n";
        try (Peer peer = new Peer(List.of(List.of(sized, chunked), List.of(empty)));
             var http = new Http1Connection(peer.uri())) {
            var first = http.send("POST", "/things", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.contentType()).isEqualTo("application/json");
            assertThat(first.text()).isEqualTo("{\"id\":\"a\"}\n");
            var second = http.send("GET", "/things/a", null, "Authorization", "Bearer t");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.text()).isEqualTo("abcdefg");
            // the peer closed the first connection after two answers: the next request goes on a new one
            var third = http.send("DELETE", "/things/a", null);
            assertThat(third.status()).isEqualTo(204);
            assertThat(third.body()).isEmpty();
            assertThat(peer.requests).hasSize(3);
            assertThat(peer.requests.get(0)).startsWith("POST /things HTTP/1.1\n").contains("Content-Length: 7\n")
                    .endsWith("{\"a\":1}");
            assertThat(peer.requests.get(1)).startsWith("GET /things/a HTTP/1.1\n").contains("Authorization: Bearer t\n");
        }
    }

    @Test
    void aGarbledAnswerIsAnErrorNotAGuess() throws Exception {
        try (Peer peer = new Peer(List.of(List.of("SMTP ready\r\n\r\n")));
             var http = new Http1Connection(peer.uri())) {
            assertThatThrownBy(() -> http.send("GET", "/", null)).isInstanceOf(IOException.class)
                    .hasMessageContaining("status line");
        }
    }
}
