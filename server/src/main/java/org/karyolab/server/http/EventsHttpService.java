package org.karyolab.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.ServerEvent;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.auth.Action;
import org.karyolab.server.service.EventBus;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The live events of a project as server-sent events: {@code GET /api/v1/projects/{projectId}/events}
 * ({@code text/event-stream}). Each event has {@code event: <type>}, {@code id: <sequence>} and
 * {@code data: <json>}; a client that reconnects with {@code Last-Event-ID} first gets what it
 * missed (if still kept), or a {@code resync} event telling it to reload.
 */
public final class EventsHttpService implements HttpService {

    /** A comment line this often keeps proxies from closing an idle stream and finds dead clients. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final EventBus events;
    private final Guard guard;

    public EventsHttpService(EventBus events, Guard guard) {
        this.events = events;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/projects/{projectId}/events", this::stream);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        String projectId = req.path().pathParameters().get("projectId");
        if (guard.project(req, res, projectId, Action.VIEW).isEmpty()) return;
        Optional<String> last = req.headers().first(HeaderNames.create("Last-Event-ID"))
                .or(() -> req.query().first("lastEventId").asOptional()).map(String::strip).filter(s -> !s.isEmpty());
        Long lastEventId = null;
        if (last.isPresent()) {
            if (!last.get().matches("[0-9]{1,18}")) {
                Http.problem(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Bad Last-Event-ID",
                        "Last-Event-ID must be the id of an event this server sent (a number); got '" + last.get() + "'",
                        List.of(new Violation("/Last-Event-ID", "not an event id")));
                return;
            }
            lastEventId = Long.parseLong(last.get());
        }
        // Subscribe before the headers go out: once a client sees the response, it misses nothing.
        try (EventBus.Subscription subscription = events.subscribe(projectId, lastEventId)) {
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            SseSink sink = res.sink(SseSink.TYPE);
            try {
                sink.emit(SseEvent.builder().comment("subscribed to project " + projectId).build());
                if (subscription.gap()) {
                    ServerEvent resync = new ServerEvent.Resync("events after " + lastEventId
                            + " are no longer kept here (or the server restarted since); reload the project");
                    sink.emit(SseEvent.builder().name(resync.type()).data(SchemaJson.write(resync)).build());
                }
                while (true) {
                    Optional<EventBus.Envelope> next = subscription.next(KEEP_ALIVE);
                    if (next.isEmpty()) {
                        sink.emit(SseEvent.builder().comment("keep-alive").build());
                        continue;
                    }
                    EventBus.Envelope e = next.get();
                    sink.emit(SseEvent.builder().id(Long.toString(e.seq())).name(e.type()).data(e.json()).build());
                }
            } catch (EventBus.Ended ended) {
                // dropped (too slow) or the server is stopping: end the stream, the client reconnects
            } catch (UncheckedIOException gone) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    sink.close();
                } catch (RuntimeException alreadyGone) {
                    // nothing left to close
                }
            }
        }
    }
}
