package io.litj.client.internal;

import io.litj.client.LitClientException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The URL rules of the client: {@code http} or {@code https} only, no user info, query or fragment; plain
 * {@code http} only to loopback hosts unless the caller allowed it.
 */
public final class Urls {
    private Urls() {
    }

    /** True for {@code 127.0.0.1}, {@code localhost} and {@code ::1}. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
    }

    /**
     * Parses and checks an endpoint URL.
     *
     * @param what names the URL in errors, e.g. {@code "rpcUrl"}
     * @throws LitClientException {@code InvalidArgument}
     */
    public static URI checkHttpUrl(String text, boolean allowPlainHttp, String what) {
        if (text == null || text.isEmpty()) {
            throw invalid(what + " is missing");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(what + " '" + Text.cut(text) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(what + " '" + Text.cut(text) + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(what + " '" + Text.cut(text) + "' must be scheme://host[:port][/path] without user info,"
                    + " query or fragment");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
            throw invalid(what + " '" + Text.cut(text) + "' uses plain http to a non-loopback host; only 127.0.0.1 and"
                    + " localhost may use http unless LitClient.Builder.allowPlainHttp() is called");
        }
        return uri;
    }

    /** Checks a node URL: like {@link #checkHttpUrl} and without a path ({@code http://127.0.0.1:7470}). */
    public static String checkNodeUrl(String text, boolean allowPlainHttp) {
        URI uri = checkHttpUrl(text, allowPlainHttp, "node URL");
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw invalid("node URL '" + Text.cut(text) + "' must be scheme://host:port without a path or trailing"
                    + " slash");
        }
        return text;
    }

    /** {@code nodeUrl + path}. */
    public static URI endpoint(String nodeUrl, String path) {
        return URI.create(nodeUrl + path);
    }

    /** The JS SDK-style block-hash URL of a chain RPC: its scheme and authority + {@code /get_most_recent_valid_block}. */
    public static URI blockHashUrlFor(URI rpcUrl) {
        return URI.create(rpcUrl.getScheme() + "://" + rpcUrl.getRawAuthority() + "/get_most_recent_valid_block");
    }

    private static LitClientException invalid(String message) {
        return new LitClientException(LitErrorCode.InvalidArgument, message);
    }

    /** Each node URL checked ({@link #checkNodeUrl}), none twice, at least one; in the given order. */
    public static List<String> checkNodeList(List<String> nodeUrls, boolean allowPlainHttp) {
        if (nodeUrls.isEmpty()) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "nodeUrls must not be empty");
        }
        java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
        for (String u : nodeUrls) {
            if (!unique.add(checkNodeUrl(u, allowPlainHttp))) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "node URL " + u + " is listed twice");
            }
        }
        return List.copyOf(unique);
    }
}
