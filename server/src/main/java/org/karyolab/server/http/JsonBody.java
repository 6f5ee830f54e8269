package org.karyolab.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.Violation;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.server.service.RequestBudget;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A JSON request body, checked while it streams in, so a request is refused for what it is as soon as
 * that is known and never read (let alone parsed) further: a declared type that is not JSON (415), more
 * bytes than {@link Limits#maxBytes} (413), more elements in the counted top-level array than
 * {@link Limits#maxItems} (422, for a batch's {@code changes}), bytes that are not UTF-8 or a string with a
 * lone surrogate ({@code "\ud800"}) (400: never stored as U+FFFD or '?'), a string longer than {@link #MAX_STRING}
 * (413, naming its field). A refusal before the end of the
 * body closes the connection, so the rest is not read either.
 */
final class JsonBody {

    /** The most bytes of any JSON body. A 1000-change batch of polygons is a few MB. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /**
     * The most characters of any one string (or field name) in a JSON body: no field of the API needs more (the
     * longest, a review comment, is 10,000), so a 10 MB label is refused with 413 as soon as its string is read.
     */
    static final int MAX_STRING = 64 * 1024;

    /**
     * How much a body may carry: bytes, and items in the top-level array named {@code countedArray} (null: none).
     * {@code work}: when not null, decoding the body is charged to the request's {@link RequestBudget} as that (a KiB a
     * unit), for the routes whose bodies are bulk (a batch, a cell to read).
     */
    record Limits(long maxBytes, String countedArray, int maxItems, String work) {
        static final Limits DEFAULT = new Limits(MAX_BYTES, null, Integer.MAX_VALUE, null);

        static Limits items(String countedArray, int maxItems) {
            return new Limits(MAX_BYTES, countedArray, maxItems, "decoding the " + countedArray);
        }

        /** The default limits, with decoding charged as {@code work}. */
        static Limits budgeted(String work) {
            return new Limits(MAX_BYTES, null, Integer.MAX_VALUE, work);
        }
    }

    private JsonBody() {
    }

    /** The body as text, or empty when the problem has been answered. No body is the empty text. */
    static Optional<String> text(ServerRequest req, ServerResponse res, Limits limits) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isPresent() && !isJson(type.get())) {
            Http.problem(res, Status.UNSUPPORTED_MEDIA_TYPE_415, Problem.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "this route reads application/json (UTF-8), not " + type.get().text(), List.of());
            return Optional.empty();
        }
        if (!req.content().hasEntity()) return Optional.of("");
        if (req.headers().contentLength().orElse(0) > limits.maxBytes()) {
            refuseEarly(res, Status.REQUEST_ENTITY_TOO_LARGE_413, Problem.TOO_LARGE, "Too large", tooLarge(limits), List.of());
        }
        Capped in = new Capped(req.content().inputStream(), limits.maxBytes(), () -> ReadTimeouts.progress(req));
        try {
            String refusal = scan(in, limits);
            if (refusal != null) {
                refuseEarly(res, Status.UNPROCESSABLE_CONTENT_422, Problem.VALIDATION, "Invalid content",
                        "the request carries too much; nothing was read further or stored",
                        List.of(new Violation("/" + limits.countedArray(), refusal)));
                return Optional.empty();
            }
            in.drain(); // after a syntax error: the rest, so the decoder can point at it
            ReadTimeouts.bodyRead(req);
            return Optional.of(utf8(in.bytes()));
        } catch (TooLarge e) {
            refuseEarly(res, Status.REQUEST_ENTITY_TOO_LARGE_413, Problem.TOO_LARGE, "Too large", tooLarge(limits), List.of());
        } catch (LongString e) {
            refuseEarly(res, Status.REQUEST_ENTITY_TOO_LARGE_413, Problem.TOO_LARGE, "Too large", e.getMessage(),
                    List.of(new Violation(e.pointer, e.getMessage())));
        } catch (NotText e) {
            refuseEarly(res, Status.BAD_REQUEST_400, Problem.MALFORMED, "Malformed request body", e.getMessage(),
                    List.of(new Violation(e.pointer, e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    private static String tooLarge(Limits limits) {
        return "a JSON body may have at most " + limits.maxBytes() + " bytes; send fewer changes per request";
    }

    private static boolean isJson(HttpMediaType type) {
        MediaType media = type.mediaType();
        boolean json = media.equals(MediaTypes.APPLICATION_JSON) || media.subtype().endsWith("+json");
        return json && type.charset().map(c -> c.equalsIgnoreCase("utf-8")).orElse(true);
    }

    /**
     * A refusal sent before the body was read to its end: the connection closes instead of reading the rest
     * (Helidon 4.5 does not close on {@code Connection: close} alone; the exception makes it).
     */
    private static void refuseEarly(ServerResponse res, Status status, String type, String title, String detail,
                                    List<Violation> violations) {
        res.header(HeaderValues.CONNECTION_CLOSE);
        Http.problem(res, status, type, title, detail, violations);
        throw new CloseConnectionException("refused before the end of the request body");
    }

    /**
     * Reads the tokens to the end (or to the first syntax error, left for the structure decoder to report):
     * every string checked for lone surrogates, the counted array's items counted. Returns why the body is
     * refused for its size, or null.
     */
    private static String scan(InputStream in, Limits limits) throws IOException {
        try (JsonParser parser = SchemaJson.mapper().getFactory().createParser(in)) {
            int depth = 0;
            int countedAt = -1;
            int items = 0;
            String field = null;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) {
                    checkSurrogates(parser);
                    if (t == JsonToken.FIELD_NAME) {
                        if (depth == 1) field = parser.currentName();
                        continue;
                    }
                }
                if (t.isStructEnd()) {
                    if (depth == countedAt) countedAt = -1;
                    depth--;
                    continue;
                }
                if (depth == countedAt && ++items > limits.maxItems()) {
                    return "at most " + limits.maxItems() + " items are taken in one request (this one has more); "
                            + "send the rest in another";
                }
                if (t == JsonToken.START_ARRAY && depth == 1 && field != null && field.equals(limits.countedArray())) {
                    countedAt = 2;
                }
                if (t.isStructStart()) depth++;
            }
        } catch (StreamReadException syntax) {
            // Not JSON (or not UTF-8): the structure decoder, or the strict UTF-8 check, says where.
        }
        return null;
    }

    private static void checkSurrogates(JsonParser parser) throws IOException {
        if (parser.getTextLength() > MAX_STRING) {
            throw new LongString(parser.getParsingContext().pathAsPointer(false).toString(), "a string of "
                    + parser.getTextLength() + " characters; no field takes more than " + MAX_STRING + " (nothing was stored)");
        }
        String s = parser.getText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new NotText(parser.getParsingContext().pathAsPointer(false).toString(),
                        "a string holds a lone surrogate (\\u" + Integer.toHexString(c) + " at character " + i
                                + "), which is not text: escape a character outside the BMP as a surrogate pair, or send it as UTF-8");
            }
        }
    }

    /** Strict UTF-8: a malformed or unmappable byte is refused with its offset, never replaced. */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotText("", "the body is not UTF-8: byte " + in.position() + " (0x"
                    + Integer.toHexString(bytes[in.position()] & 0xff) + ") cannot be decoded; send the JSON as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The body is not text (or not UTF-8): 400 at {@code pointer}. */
    private static final class NotText extends RuntimeException {
        final String pointer;

        NotText(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }

    /** A string over {@link #MAX_STRING}: 413 at {@code pointer}. */
    private static final class LongString extends RuntimeException {
        final String pointer;

        LongString(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }

    /** More bytes than the limit: thrown by the stream as the byte over it arrives. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /** Keeps what it passes on (to decode once the scan is done) and stops at {@code max} bytes. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private final Runnable progress;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Capped(InputStream in, long max, Runnable progress) {
            super(in);
            this.max = max;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (UncheckedIOException gone) {
                // The connection broke or was closed (a read timeout): no one is left to answer.
                throw new CloseConnectionException("the connection ended while its body was read", gone);
            } catch (RuntimeException framing) {
                // Helidon's chunk decoder fails on a size that is not hex ("ZZZ") with a NumberFormatException.
                throw new NotText("", "the body's framing is broken (" + framing.getMessage() + "): a chunk size must be hex");
            }
            if (n > 0) {
                keep(b, off, n);
                progress.run();
            }
            return n;
        }

        private void keep(byte[] b, int off, int n) throws TooLarge {
            if (kept.size() + (long) n > max) throw new TooLarge();
            kept.write(b, off, n);
        }

        /** Not passed on: closing Helidon's entity stream reads the rest of the body, which a refusal must not. */
        @Override
        public void close() {
        }

        void drain() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // kept
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
