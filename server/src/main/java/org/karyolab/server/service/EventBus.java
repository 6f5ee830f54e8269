package org.karyolab.server.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karyolab.schema.api.ServerEvent;
import org.karyolab.schema.json.SchemaJson;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What happened in a project ({@link ServerEvent}), for whoever is watching it live (the annotator's event stream).
 * In-process only: events are not stored and a restart forgets them; clients reload after a reconnect
 * that cannot be replayed.
 *
 * <p>Services publish <em>after</em> their transaction committed. Every event gets a sequence number,
 * increasing over the whole server (so also within each project), and is kept in a bounded ring per
 * project for replay ({@code Last-Event-ID}). Numbers start at this instance's epoch (its start time in
 * milliseconds, times 1000): an id from before a restart is below it, an id this instance never gave is
 * above its last, and a client reconnecting with either is told to reload ({@link Subscription#gap()}),
 * as nothing of the old instance's events can be replayed. Publishing never waits for a subscriber: each has a
 * bounded queue, and one that falls that far behind is dropped (its stream ends; it reconnects
 * and replays).
 */
public final class EventBus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    /** A published event as sent: its sequence number, type, and JSON. */
    public record Envelope(long seq, String projectId, String type, String json) {}

    /** A subscriber's end: read with {@link #next}; close it when done. */
    public interface Subscription extends AutoCloseable {
        /**
         * The next event, waiting at most {@code wait}; empty when none came in time. Throws
         * {@link Ended} when the subscription is over (dropped for falling behind, or the bus closed).
         */
        java.util.Optional<Envelope> next(Duration wait) throws Ended, InterruptedException;

        /** True when the replay asked for could not be given in full (events older than the ring were lost). */
        boolean gap();

        @Override
        void close();
    }

    /** The subscription is over; {@link #reason} says why. */
    public static final class Ended extends Exception {
        public Ended(String reason) {
            super(reason, null, false, false);
        }

        public String reason() {
            return getMessage();
        }
    }

    public static final int DEFAULT_RING = 1000;
    public static final int DEFAULT_QUEUE = 256;

    private final int ringSize;
    private final int queueSize;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final long epoch;
    private long seq; // guarded by this
    private volatile boolean closed;

    public EventBus() {
        this(DEFAULT_RING, DEFAULT_QUEUE);
    }

    /**
     * @param ringSize  events kept per project for replay
     * @param queueSize events a subscriber may fall behind (beyond a replay) before it is dropped
     */
    public EventBus(int ringSize, int queueSize) {
        this(ringSize, queueSize, System.currentTimeMillis() * 1000);
    }

    /**
     * @param epoch the sequence number before this instance's first event. Instances started later must
     *              have a higher one, more than this one will hand out: the start time in ms times 1000
     *              leaves room for 1000 events per millisecond of uptime.
     */
    public EventBus(int ringSize, int queueSize, long epoch) {
        if (ringSize < 1 || queueSize < 1) throw new IllegalArgumentException("sizes must be positive");
        if (epoch < 0) throw new IllegalArgumentException("epoch must not be negative");
        this.ringSize = ringSize;
        this.queueSize = queueSize;
        this.epoch = epoch;
        this.seq = epoch;
    }

    /**
     * Publishes an event of a project to its subscribers; never blocks on them. Returns the envelope sent.
     * Published while a write is served, the event also carries that write's {@code clientId}
     * ({@link WriteOrigin}), so the client that made it can skip it and every other one takes it in.
     */
    public Envelope publish(String projectId, ServerEvent event) {
        ObjectNode node = SchemaJson.mapper().valueToTree(event);
        String clientId = WriteOrigin.currentClientId();
        if (clientId != null) node.put("clientId", clientId);
        String json = SchemaJson.write(node);
        Channel channel = channel(projectId);
        synchronized (channel) {
            Envelope envelope = new Envelope(nextSeq(), projectId, event.type(), json);
            channel.ring.addLast(envelope);
            if (channel.ring.size() > ringSize) channel.dropped = channel.ring.removeFirst().seq();
            for (Subscriber s : channel.subscribers) {
                if (!s.queue.offer(envelope)) s.drop("fell more than " + queueSize + " events behind");
            }
            return envelope;
        }
    }

    /**
     * Subscribes to a project's events. With {@code lastEventId} (the last sequence number the client
     * saw), everything kept after it is delivered first; registering and replaying happen under the
     * channel's lock, so nothing is missed or repeated between the two.
     */
    public Subscription subscribe(String projectId, Long lastEventId) {
        Channel channel = channel(projectId);
        synchronized (channel) {
            List<Envelope> replay = new ArrayList<>();
            boolean gap = false;
            if (lastEventId != null) {
                for (Envelope e : channel.ring) if (e.seq() > lastEventId) replay.add(e);
                // Missed events are gone if the ring has pushed out one newer than what the client saw,
                // or if the id is not this instance's (from before a restart, or never given).
                gap = channel.dropped > lastEventId || lastEventId < epoch || lastEventId > currentSeq();
            }
            Subscriber s = new Subscriber(channel, replay.size() + queueSize, gap);
            s.queue.addAll(replay);
            if (closed) s.drop("the server is stopping");
            else channel.subscribers.add(s);
            return s;
        }
    }

    /** Subscribers now watching a project (for tests and health). */
    public int subscribers(String projectId) {
        Channel c = channels.get(projectId);
        return c == null ? 0 : c.subscribers.size();
    }

    /** Ends every subscription (their streams close); later publishes still go to the rings. */
    @Override
    public void close() {
        closed = true;
        for (Channel c : channels.values()) {
            synchronized (c) {
                for (Subscriber s : c.subscribers) s.drop("the server is stopping");
            }
        }
    }

    private synchronized long nextSeq() {
        return ++seq;
    }

    private synchronized long currentSeq() {
        return seq;
    }

    private Channel channel(String projectId) {
        return channels.computeIfAbsent(projectId, id -> new Channel());
    }

    private final class Channel {
        final ArrayDeque<Envelope> ring = new ArrayDeque<>();
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        long dropped; // highest sequence number pushed out of the ring; guarded by this

        Channel() {
        }
    }

    private static final Envelope END = new Envelope(-1, "", "", "");

    private final class Subscriber implements Subscription {
        final Channel channel;
        final BlockingQueue<Envelope> queue;
        final boolean gap;
        volatile String ended;

        Subscriber(Channel channel, int capacity, boolean gap) {
            this.channel = channel;
            this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for END after a drop
            this.gap = gap;
        }

        void drop(String why) {
            if (ended != null) return;
            ended = why;
            channel.subscribers.remove(this);
            queue.clear();
            queue.offer(END);
            LOG.fine(() -> "event subscriber dropped: " + why);
        }

        @Override
        public java.util.Optional<Envelope> next(Duration wait) throws Ended, InterruptedException {
            if (ended != null && queue.peek() == END) throw new Ended(ended);
            Envelope e = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (e == END) throw new Ended(ended);
            return java.util.Optional.ofNullable(e);
        }

        @Override
        public boolean gap() {
            return gap;
        }

        @Override
        public void close() {
            synchronized (channel) {
                if (ended == null) ended = "closed";
                channel.subscribers.remove(this);
            }
        }
    }
}
