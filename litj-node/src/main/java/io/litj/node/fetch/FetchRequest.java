package io.litj.node.fetch;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One request of an action's {@code fetch}, checked ({@link FetchArgs}): absolute http(s) URL without credentials,
 * method token, headers the node does not set itself, and the body bytes ({@code null}: none). The body array is
 * never changed after construction.
 */
record FetchRequest(URI url, String method, List<Map.Entry<String, String>> headers, byte[] body, Redirect redirect) {
    /** The {@code redirect} option of {@code fetch}. */
    enum Redirect { FOLLOW, ERROR, MANUAL }

    FetchRequest {
        headers = List.copyOf(headers);
    }

    /** This request sent to {@code next} as a redirect hop: possibly as GET without body, without credentials. */
    FetchRequest redirectedTo(URI next, boolean asGet, boolean crossOrigin) {
        List<Map.Entry<String, String>> kept = headers.stream()
                .filter(h -> !(asGet && h.getKey().regionMatches(true, 0, "content-", 0, 8)))
                .filter(h -> !(crossOrigin && (h.getKey().equalsIgnoreCase("authorization")
                        || h.getKey().equalsIgnoreCase("cookie") || h.getKey().equalsIgnoreCase("proxy-authorization"))))
                .toList();
        return new FetchRequest(next, asGet ? "GET" : method, kept, asGet ? null : body, redirect);
    }
}
