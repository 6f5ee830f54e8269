package org.karyolab.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small {@code multipart/form-data} reader (RFC 7578) over a body already in memory (the
 * server's max payload size bounds it). Helidon's multipart module is not available in the
 * package registry this project builds from, so this does the little the upload route needs:
 * each part's name, file name, content type and bytes.
 */
final class Multipart {

    /** One part of the form. {@code contentType} is null when the part did not say. */
    record Part(String name, String filename, String contentType, byte[] content) {}

    /** The body is not well-formed multipart; the message says where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_PARTS = 1000;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private Multipart() {
    }

    /** True if a Content-Type header names multipart/form-data. */
    static boolean isFormData(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data");
    }

    /** The {@code boundary} parameter of a multipart Content-Type. */
    static Optional<String> boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
                if (!b.isEmpty() && b.length() <= 70) return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    static List<Part> parse(byte[] body, String boundary) throws Malformed {
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary may open the body or follow a preamble.
        int at = startsWith(body, 0, dash) ? 0 : indexOf(body, delimiter, 0);
        if (at < 0) throw new Malformed("the body has no part: the boundary '" + boundary + "' never occurs");
        at += at == 0 && startsWith(body, 0, dash) ? dash.length : delimiter.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, at, "--".getBytes(StandardCharsets.ISO_8859_1))) return parts; // closing boundary
            while (at < body.length && (body[at] == ' ' || body[at] == '\t')) at++;
            if (!startsWith(body, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                throw new Malformed("part " + parts.size() + ": the boundary line does not end with CRLF");
            }
            at += 2;
            Map<String, String> headers = Map.of();
            int contentStart;
            if (startsWith(body, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                contentStart = at + 2; // a part without headers
            } else {
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
                if (headersEnd < 0 || headersEnd - at > MAX_HEADER_BYTES) {
                    throw new Malformed("part " + parts.size() + ": its headers do not end (blank line missing)");
                }
                headers = headers(new String(body, at, headersEnd - at, StandardCharsets.UTF_8));
                contentStart = headersEnd + 4;
            }
            int contentEnd = indexOf(body, delimiter, contentStart);
            if (contentEnd < 0) throw new Malformed("part " + parts.size() + " is not closed by a boundary: the body is cut short");
            if (parts.size() == MAX_PARTS) throw new Malformed("more than " + MAX_PARTS + " parts; send fewer at once");
            String disposition = headers.getOrDefault("content-disposition", "");
            parts.add(new Part(param(disposition, "name"), param(disposition, "filename"), headers.get("content-type"),
                    Arrays.copyOfRange(body, contentStart, contentEnd)));
            at = contentEnd + delimiter.length;
        }
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return out;
    }

    /** A parameter of a header value, e.g. {@code filename} of {@code form-data; name="f"; filename="a.png"}. */
    private static String param(String header, String name) {
        for (String piece : header.split(";")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                return v;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.length) return false;
        for (int i = 0; i < prefix.length; i++) if (body[at + i] != prefix[i]) return false;
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        byte first = needle[0];
        for (int i = Math.max(0, from), last = body.length - needle.length; i <= last; i++) {
            if (body[i] == first && startsWith(body, i, needle)) return i;
        }
        return -1;
    }
}
