package org.karyolab.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of one simulated client, on a plain socket: what {@code wrk} does, in a few
 * lines. The JDK's {@code HttpClient} spent about 0.9 ms of CPU per request here (its selector thread, futures and
 * header maps), as much as the server itself on a cheap request, and on a 2-core machine the load then competes
 * with what it measures. Requests are written in one piece; answers are read by {@code Content-Length} or chunked.
 * Not thread-safe: one per client thread.
 */
final class Http1Connection implements Closeable {

    /** An answer: its status, its Content-Type (or ""), and its body. */
    record Response(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int MAX_LINE = 16 * 1024;

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1Connection(URI base) {
        if (!"http".equals(base.getScheme())) throw new IllegalArgumentException("plain http only: " + base);
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.hostHeader = host + ":" + port;
    }

    /**
     * Sends one request and reads its whole answer. A connection the server closed while idle is opened again and the
     * request sent once more, as browsers do; nothing else is retried.
     *
     * @param headers further header lines as name, value pairs
     */
    Response send(String method, String path, byte[] body, String... headers) throws IOException {
        byte[] request = request(method, path, body, headers);
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (!reused) throw e;
            return exchange(request); // the idle connection was gone: once on a new one
        }
    }

    private Response exchange(byte[] request) throws IOException {
        if (socket == null) open();
        out.write(request);
        out.flush();
        int status = status(line());
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        String contentType = "";
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) throw new IOException("a header line without ':': " + h);
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                case "content-type" -> contentType = value;
                default -> { }
            }
        }
        byte[] body = chunked ? chunked() : length >= 0 ? exactly(length) : untilClosed();
        if (closing || (!chunked && length < 0)) close();
        return new Response(status, contentType, body);
    }

    private byte[] request(String method, String path, byte[] body, String... headers) {
        if (headers.length % 2 != 0) throw new IllegalArgumentException("headers come as name, value pairs");
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null || body.length == 0) return h;
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = s.getOutputStream();
    }

    private static int status(String line) throws IOException {
        // "HTTP/1.1 200 OK"
        if (!line.startsWith("HTTP/1.") || line.length() < 12) throw new IOException("not an HTTP/1.x status line: " + line);
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP/1.x status line: " + line, e);
        }
    }

    /** A line up to CRLF (the CRLF dropped); headers are ASCII. */
    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new EOFException("the connection closed in the answer's head");
            if (c != '\r') b.append((char) c);
            if (b.length() > MAX_LINE) throw new IOException("an answer's line longer than " + MAX_LINE);
        }
        return b.toString();
    }

    private byte[] exactly(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) throw new IOException("an answer too large to hold: " + length + " bytes");
        byte[] b = in.readNBytes((int) length);
        if (b.length != length) throw new EOFException("the answer ended after " + b.length + " of " + length + " bytes");
        return b;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        while (true) {
            String size = line();
            int semi = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a chunk size that is not hexadecimal: " + size, e);
            }
            if (n == 0) {
                while (!line().isEmpty()) { } // trailers
                return body.toByteArray();
            }
            body.write(exactly(n));
            if (!line().isEmpty()) throw new IOException("a chunk not ended by CRLF");
        }
    }

    private byte[] untilClosed() throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket we are done with: nothing to do about a failure
        } finally {
            socket = null;
            in = null;
            out = null;
        }
    }
}
