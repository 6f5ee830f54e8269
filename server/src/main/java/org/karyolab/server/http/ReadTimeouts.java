package org.karyolab.server.http;

import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Read timeouts for a request's headers and body, which Helidon 4.5 does not have (its socket read timeout is
 * never applied to the server's sockets, and its idle-connection timeout spares a connection in the middle of
 * a request). Listens to every HTTP/1 connection: from the request line until the headers are in, and while
 * a body is due, a connection on which nothing arrives for {@code timeout} is closed. A route that has read
 * its whole body says so ({@link #bodyRead}); from then on its own work is not timed here.
 */
public final class ReadTimeouts implements Http1ConnectionListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReadTimeouts.class.getName());

    /** What a connection is waiting for. */
    private enum Phase { HEADERS, BODY, WORKING }

    private static final class Reading {
        final ConnectionContext ctx;
        volatile Phase phase = Phase.HEADERS;
        volatile long lastByte = System.nanoTime();

        Reading(ConnectionContext ctx) {
            this.ctx = ctx;
        }
    }

    private static final Map<String, ReadTimeouts> BY_SOCKET = new ConcurrentHashMap<>(); // for bodyRead(req)

    private final long timeoutNanos;
    private final Map<String, Reading> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    public ReadTimeouts(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("read timeout must be positive: " + timeout);
        this.timeoutNanos = timeout.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("karyolab-read-timeouts").factory());
        long period = Math.max(10, timeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** The listener for what is received (request line, headers, bytes). */
    public Http1ConnectionListener received() {
        return this;
    }

    /** The listener for what is sent: once the answer has started, only a body still due is timed. */
    public Http1ConnectionListener sent() {
        return new Http1ConnectionListener() {
            @Override
            public void status(ConnectionContext ctx, Status status) {
                Reading r = connections.get(ctx.childSocketId());
                if (r != null && r.phase == Phase.WORKING) {
                    connections.remove(ctx.childSocketId());
                    BY_SOCKET.remove(ctx.childSocketId());
                }
            }
        };
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        Reading r = new Reading(ctx);
        connections.put(ctx.childSocketId(), r);
        BY_SOCKET.put(ctx.childSocketId(), this);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        Reading r = connections.get(ctx.childSocketId());
        if (r == null) return;
        long length = headers.contentLength().orElse(0);
        boolean chunked = headers.contains(HeaderValues.TRANSFER_ENCODING_CHUNKED);
        // A body that came with the headers (most JSON bodies) is in already: nothing left to wait for.
        boolean due = chunked || length > 0 && ctx.dataReader().available() < length;
        r.lastByte = System.nanoTime();
        r.phase = due ? Phase.BODY : Phase.WORKING;
    }

    /*
     * Helidon 4.5's DataReader keeps its listener but never calls it, so bytes of a body are not seen here:
     * the routes that read a body say when they got more of it (progress) and when they have all of it.
     */

    /** Some more of the body of {@code req} has arrived: its read timeout starts again. */
    static void progress(ServerRequest req) {
        Reading r = reading(req);
        if (r != null) r.lastByte = System.nanoTime();
    }

    /** The route has read the whole body of {@code req}: its work from here on is not a stalled read. */
    static void bodyRead(ServerRequest req) {
        Reading r = reading(req);
        if (r != null) r.phase = Phase.WORKING;
    }

    private static Reading reading(ServerRequest req) {
        ReadTimeouts timeouts = BY_SOCKET.get(req.socketId());
        return timeouts == null ? null : timeouts.connections.get(req.socketId());
    }

    private void sweep() {
        try {
            closeStalled();
        } catch (RuntimeException e) { // never let one failure end the schedule
            LOG.log(Level.WARNING, "read-timeout sweep failed", e);
        }
    }

    private void closeStalled() {
        long now = System.nanoTime();
        connections.forEach((id, r) -> {
            if (!r.ctx.serverSocket().isConnected()) {
                connections.remove(id);
                BY_SOCKET.remove(id);
            } else if (r.phase != Phase.WORKING && now - r.lastByte > timeoutNanos) {
                connections.remove(id);
                BY_SOCKET.remove(id);
                LOG.log(Level.FINE, () -> "closing " + id + ": no byte of its " + (r.phase == Phase.HEADERS ? "headers" : "body")
                        + " for " + Duration.ofNanos(timeoutNanos));
                try {
                    r.ctx.serverSocket().close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "closing a stalled connection", e);
                }
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
