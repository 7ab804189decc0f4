package io.litj.node.fetch;

import io.litj.node.actions.ActionHostException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bounded reads of HTTP/1.1 framing from a response stream: lines (status, headers, chunk sizes), bodies by length,
 * by chunks, or to the end of the connection. Every read stops at its limit: a body is never read past
 * {@code maxBytes + 1} bytes, so a longer one is cut there. Stateless.
 */
final class HttpWire {
    /** Longest status, header or chunk-size line read. */
    static final int MAX_LINE = 8 * 1024;

    private HttpWire() {
    }

    /** One line without its CRLF (or LF); null at the end of the stream before any byte. */
    static String line(InputStream in, String url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (out.size() == 0) {
                    return null;
                }
                break;
            }
            if (b == '\n') {
                break;
            }
            if (out.size() >= MAX_LINE) {
                throw failed(url, "a response line is longer than " + MAX_LINE + " bytes");
            }
            out.write(b);
        }
        byte[] bytes = out.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Exactly {@code length} bytes (known to be at most the limit). */
    static byte[] exactly(InputStream in, long length, String url) throws IOException {
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw failed(url, "the connection closed after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    /** Everything until the connection closes, refused past {@code maxBytes}. */
    static byte[] toEnd(InputStream in, int maxBytes, String url) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLong(url, maxBytes);
        }
        return body;
    }

    /** A chunked body (RFC 9112 §7.1), its trailer section skipped, refused past {@code maxBytes}. */
    static byte[] chunked(InputStream in, int maxBytes, String url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in, url);
            if (sizeLine == null) {
                throw failed(url, "the connection closed inside a chunked body");
            }
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            long size;
            try {
                size = hex.isEmpty() || hex.length() > 15 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw failed(url, "a chunk size is not hexadecimal");
            }
            if (size == 0) {
                break;
            }
            if (out.size() + size > maxBytes) {
                throw tooLong(url, maxBytes);
            }
            out.write(exactly(in, size, url));
            String end = line(in, url);
            if (end == null || !end.isEmpty()) {
                throw failed(url, "a chunk does not end with CRLF");
            }
        }
        for (int i = 0; i < ResponseHead.MAX_HEADERS; i++) {
            String trailer = line(in, url);
            if (trailer == null || trailer.isEmpty()) {
                return out.toByteArray();
            }
        }
        throw failed(url, "more than " + ResponseHead.MAX_HEADERS + " trailer lines");
    }

    static ActionHostException tooLong(String url, int maxBytes) {
        return new ActionHostException("fetch failed: the response body of " + url + " is longer than this node's "
                + "limit of " + maxBytes + " bytes per fetch");
    }

    static ActionHostException failed(String url, String why) {
        return new ActionHostException("fetch failed: " + url + ": " + why);
    }
}
