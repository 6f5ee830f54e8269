package org.karyolab.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test client for a server-sent-event stream: collects the events it reads for polling with a deadline. */
final class SseClient implements AutoCloseable {

    record Event(String id, String type, String data) {}

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Signs in and opens {@code path}; returns once the response headers are in (the server has subscribed). */
    static SseClient open(String baseUrl, String username, String password, String path, String lastEventId) {
        String token = new TestApi(baseUrl).post("/api/v1/auth/login",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password)).json().get("token").asText();
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        try {
            return new SseClient(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String id = null, type = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) events.add(new Event(id, type == null ? "message" : type, data.toString()));
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
        } catch (UncheckedIOException | IllegalStateException closed) {
            // stream closed
        }
    }

    /** The next {@code n} events, waiting at most {@code within} for all of them. */
    List<Event> next(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Event> out = new ArrayList<>();
        while (out.size() < n) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) throw new AssertionError("got " + out.size() + " of " + n + " events in " + within + ": " + out);
            out.add(e);
        }
        return out;
    }

    /** Whatever has arrived so far, not waiting. */
    List<Event> drained() {
        List<Event> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
