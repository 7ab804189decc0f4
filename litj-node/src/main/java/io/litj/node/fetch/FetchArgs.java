package io.litj.node.fetch;

import io.litj.node.actions.ActionHostException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the argument object the prelude's {@code fetch} sends ({@code {url, method, headers: [[name, value]…],
 * body | bodyBytes, redirect}}) into a {@link FetchRequest}, refusing (as {@code TypeError}s the action sees) what
 * WHATWG fetch refuses: a URL that is not absolute http(s) or carries credentials, a method that is not a token or
 * is CONNECT/TRACE/TRACK, a body on GET or HEAD, and header names or values that could split the request. Headers the
 * node writes itself ({@link #NODE_HEADERS}) are refused too. Stateless.
 */
final class FetchArgs {
    static final int MAX_URL_CHARS = 8192;
    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_CHARS = 8192;
    /** Headers the node sets on every request and an action may not. */
    static final Set<String> NODE_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "te", "trailer", "expect", "proxy-connection");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    private static final Set<String> NORMALIZED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH");
    private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");

    private FetchArgs() {
    }

    static FetchRequest parse(String argsJson) {
        JsonValue.JsonObject args;
        try {
            args = JsonReader.parseObject(argsJson, LitErrorCode.InvalidArgument, "fetch arguments");
        } catch (LitProtocolException e) {
            throw refused("the arguments are not an object");
        }
        URI url = url(string(args, "url").orElseThrow(() -> refused("a URL is required")));
        String method = method(string(args, "method").orElse("GET"));
        List<Map.Entry<String, String>> headers = headers(args.get("headers").orElse(null));
        byte[] body = body(args);
        if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
            throw refused("a " + method + " request cannot have a body");
        }
        FetchRequest.Redirect redirect = switch (string(args, "redirect").orElse("follow")) {
            case "follow" -> FetchRequest.Redirect.FOLLOW;
            case "error" -> FetchRequest.Redirect.ERROR;
            case "manual" -> FetchRequest.Redirect.MANUAL;
            default -> throw refused("redirect must be 'follow', 'error' or 'manual'");
        };
        return new FetchRequest(url, method, headers, body, redirect);
    }

    /** An absolute http(s) URL without credentials or fragment. */
    static URI url(String text) {
        if (text.length() > MAX_URL_CHARS) {
            throw refused("the URL is longer than " + MAX_URL_CHARS + " characters");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw refused("'" + cut(text) + "' is not a valid URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("'" + cut(text) + "' is not an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw refused("'" + cut(text) + "' has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw refused("the URL includes credentials");
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        try {
            return new URI(scheme + "://" + url.getRawAuthority() + path
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        } catch (URISyntaxException e) {
            throw refused("'" + cut(text) + "' is not a valid URL");
        }
    }

    private static String method(String text) {
        if (!TOKEN.matcher(text).matches()) {
            throw refused("'" + cut(text) + "' is not a valid HTTP method");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (FORBIDDEN_METHODS.contains(upper)) {
            throw refused("the method " + upper + " is not allowed");
        }
        return NORMALIZED.contains(upper) ? upper : text;
    }

    private static List<Map.Entry<String, String>> headers(JsonValue value) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (value == null || value instanceof JsonValue.JsonNull) {
            return out;
        }
        if (!(value instanceof JsonValue.JsonArray pairs)) {
            throw refused("headers must be a list of [name, value] pairs");
        }
        if (pairs.items().size() > MAX_HEADERS) {
            throw refused("more than " + MAX_HEADERS + " headers");
        }
        for (JsonValue pair : pairs.items()) {
            if (!(pair instanceof JsonValue.JsonArray nv) || nv.items().size() != 2
                    || !(nv.items().get(0) instanceof JsonValue.JsonString name)
                    || !(nv.items().get(1) instanceof JsonValue.JsonString text)) {
                throw refused("headers must be a list of [name, value] pairs");
            }
            if (!TOKEN.matcher(name.value()).matches()) {
                throw refused("'" + cut(name.value()) + "' is not a valid header name");
            }
            if (NODE_HEADERS.contains(name.value().toLowerCase(Locale.ROOT))) {
                throw refused("the header " + name.value() + " is set by the node, not by the action");
            }
            String v = text.value().strip();
            if (v.length() > MAX_HEADER_CHARS || v.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0
                    || c > 0xff)) {
                throw refused("the value of header " + name.value() + " is too long or holds characters a header "
                        + "cannot carry");
            }
            out.add(Map.entry(name.value(), v));
        }
        return out;
    }

    private static byte[] body(JsonValue.JsonObject args) {
        Optional<String> text = string(args, "body");
        if (text.isPresent()) {
            return text.get().getBytes(StandardCharsets.UTF_8);
        }
        JsonValue bytes = args.get("bodyBytes").orElse(null);
        if (bytes == null || bytes instanceof JsonValue.JsonNull) {
            return null;
        }
        if (!(bytes instanceof JsonValue.JsonArray list)) {
            throw refused("bodyBytes must be a list of bytes");
        }
        byte[] out = new byte[list.items().size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.items().get(i) instanceof JsonValue.JsonNumber n) || n.value() != Math.rint(n.value())
                    || n.value() < 0 || n.value() > 255) {
                throw refused("bodyBytes must be a list of bytes");
            }
            out[i] = (byte) n.value();
        }
        return out;
    }

    private static Optional<String> string(JsonValue.JsonObject args, String name) {
        JsonValue v = args.get(name).orElse(null);
        if (v == null || v instanceof JsonValue.JsonNull) {
            return Optional.empty();
        }
        if (!(v instanceof JsonValue.JsonString s)) {
            throw refused(name + " must be a string");
        }
        return Optional.of(s.value());
    }

    private static String cut(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    static ActionHostException refused(String why) {
        return new ActionHostException("fetch: " + why);
    }
}
