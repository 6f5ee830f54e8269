package org.karyolab.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that can lose answers: armed with a request-line fragment, the next request
 * containing it reaches the server in full, but the server's answer is thrown away and the
 * connection cut, exactly what a dropped network looks like to the client after the server did the work.
 */
public final class LossyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private volatile String dropAnswerTo;
    private final AtomicInteger dropped = new AtomicInteger();
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public LossyProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The next request whose head contains {@code fragment} (e.g. "/annotations/batch") loses its answer. */
    public void loseNextAnswerTo(String fragment) {
        dropAnswerTo = fragment;
    }

    public int dropped() {
        return dropped.get();
    }

    /** Cuts every connection open now (a network blip: long-lived streams end); new ones go through as before. */
    public void cutAll() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(server);
                var doomed = new boolean[1];
                Thread.ofVirtual().start(() -> pipe(client, server, doomed, true));
                Thread.ofVirtual().start(() -> pipe(server, client, doomed, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean[] doomed, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (request) {
                    String fragment = dropAnswerTo;
                    if (fragment != null && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(fragment)) {
                        dropAnswerTo = null;
                        synchronized (doomed) {
                            doomed[0] = true;
                        }
                    }
                } else {
                    boolean lose;
                    synchronized (doomed) {
                        lose = doomed[0];
                    }
                    if (lose) {
                        dropped.incrementAndGet();
                        from.close();
                        to.close();
                        return;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            open.remove(from);
            try {
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
