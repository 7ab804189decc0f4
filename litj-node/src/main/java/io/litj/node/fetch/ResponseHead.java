package io.litj.node.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status line and header section of an HTTP/1.1 response, read bounded: at most {@value #MAX_HEADERS} fields and
 * {@value #MAX_HEADER_BYTES} bytes. Header names are kept lowercase, values trimmed, in arrival order. Immutable.
 */
record ResponseHead(int status, String reason, List<Map.Entry<String, String>> headers) {
    static final int MAX_HEADERS = 256;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    ResponseHead {
        headers = List.copyOf(headers);
    }

    static ResponseHead read(InputStream in, String url) throws IOException {
        String statusLine = HttpWire.line(in, url);
        if (statusLine == null) {
            throw HttpWire.failed(url, "the server closed the connection without answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-9][0-9]{2}")) {
            throw HttpWire.failed(url, "the answer is not HTTP/1.x");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int bytes = 0;
        while (true) {
            String line = HttpWire.line(in, url);
            if (line == null) {
                throw HttpWire.failed(url, "the connection closed inside the response headers");
            }
            if (line.isEmpty()) {
                break;
            }
            bytes += line.length() + 2;
            if (headers.size() >= MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
                throw HttpWire.failed(url, "the response headers exceed " + MAX_HEADERS + " fields or "
                        + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw HttpWire.failed(url, "a response header line is malformed");
            }
            headers.add(Map.entry(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim()));
        }
        return new ResponseHead(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers);
    }

    /** The values of a header (lowercase name), in order. */
    List<String> all(String name) {
        return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }
}
