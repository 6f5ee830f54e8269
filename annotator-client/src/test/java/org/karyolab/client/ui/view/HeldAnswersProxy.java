package org.karyolab.client.ui.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy in front of the test server that can hold back or cut the answers to one kind
 * of request (a request-line fragment, e.g. "/annotations HTTP"): held answers wait until
 * {@link #release()}; while failing, such requests reach the server but their connection is cut
 * before the answer (what a dropped network looks like). Everything else passes through.
 */
final class HeldAnswersProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final String fragment;
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    private volatile boolean failing;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();

    HeldAnswersProxy(int upstreamPort, String fragment) throws IOException {
        this.upstreamPort = upstreamPort;
        this.fragment = fragment;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** From now on, answers to matching requests wait until {@link #release()}. */
    void hold() {
        gate.set(new CountDownLatch(1));
    }

    void release() {
        gate.get().countDown();
    }

    /** Matching requests get their connection cut instead of an answer (until {@code fail(false)}). */
    void fail(boolean on) {
        failing = on;
    }

    /** Matching requests seen so far. */
    int matched() {
        return matched.get();
    }

    /** Answers waiting at the gate now. */
    int waiting() {
        return waiting.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                // per connection: the answer now coming is to a matching request (HTTP/1.1 answers come in order)
                var marked = new AtomicReference<String>();
                Thread.ofVirtual().start(() -> pipe(client, server, marked, true));
                Thread.ofVirtual().start(() -> pipe(server, client, marked, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, AtomicReference<String> marked, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (request) {
                    String head = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    if (head.contains(fragment)) {
                        matched.incrementAndGet();
                        marked.set(failing ? "cut" : "hold");
                    }
                } else {
                    String mark = marked.getAndSet(null);
                    if ("cut".equals(mark)) {
                        from.close();
                        to.close();
                        return;
                    }
                    if ("hold".equals(mark)) {
                        waiting.incrementAndGet();
                        try {
                            gate.get().await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } finally {
                            waiting.decrementAndGet();
                        }
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            try {
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        release();
        listener.close();
    }
}
