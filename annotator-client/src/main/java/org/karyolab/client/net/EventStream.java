package org.karyolab.client.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.karyolab.schema.api.ServerEvent;

/**
 * A project's live events (text/event-stream), read on a virtual thread and handed to a
 * {@link Listener}. When the stream drops it reconnects with {@code Last-Event-ID}, so the server
 * replays what was missed (or sends {@code resync} if it cannot). {@link #close()} stops it.
 */
public final class EventStream implements AutoCloseable {

    /**
     * One event as it came: its {@code id} (to resume after), what happened, and the {@code clientId} of the write
     * that caused it (null when the writer did not name itself).
     */
    public record Received(String id, ServerEvent event, String clientId) {}

    public interface Listener {
        void event(Received event);

        /** Connected (true) or lost, about to retry (false). */
        default void connection(boolean connected) {
        }
    }

    /** Opens the stream resuming after {@code lastEventId} (null: from now); throws when there is no answer. */
    interface Opener extends Function<String, InputStream> {}

    private final Opener opener;
    private final Listener listener;
    private final Duration retry;
    private final AtomicReference<InputStream> open = new AtomicReference<>();
    private volatile boolean closed;
    private volatile String lastEventId;
    private final Thread reader;

    EventStream(Opener opener, String lastEventId, Listener listener, Duration retry) {
        this.opener = opener;
        this.listener = listener;
        this.retry = retry;
        this.lastEventId = lastEventId;
        this.reader = Thread.ofVirtual().name("karyolab-events").start(this::run);
    }

    /** The id of the last event delivered: pass it to resume in a later session. */
    public String lastEventId() {
        return lastEventId;
    }

    private void run() {
        while (!closed) {
            try (InputStream in = opener.apply(lastEventId)) {
                open.set(in);
                if (closed) return;
                listener.connection(true);
                read(in);
            } catch (IOException | RuntimeException e) {
                // dropped or refused: fall through to the retry
            } finally {
                open.set(null);
            }
            if (closed) return;
            listener.connection(false);
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(InputStream in) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String id = null, type = null;
        StringBuilder data = null;
        for (String line; (line = lines.readLine()) != null && !closed; ) {
            if (line.isEmpty()) {
                if (data != null) {
                    if (id != null) lastEventId = id;
                    received(id, type, data.toString()).ifPresent(listener::event);
                }
                id = null;
                type = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue; // keep-alive comment
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> type = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        }
    }

    /** An event of a kind this version knows, decoded; empty for another kind (a newer server's), which is skipped. */
    private static Optional<Received> received(String id, String type, String data) {
        Optional<Class<? extends ServerEvent>> kind = ServerEvent.kind(type);
        if (kind.isEmpty()) return Optional.empty();
        JsonNode tree = Json.tree(data);
        JsonNode clientId = tree.get("clientId");
        return Optional.of(new Received(id, Json.read(tree, kind.get()),
                clientId == null || clientId.isNull() ? null : clientId.asText()));
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = open.get();
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        reader.interrupt();
    }
}
