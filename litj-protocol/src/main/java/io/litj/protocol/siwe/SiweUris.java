package io.litj.protocol.siwe;

import java.util.regex.Pattern;

/** RFC 3986 URI syntax, enough to tell a URI from text (what {@code valid-url} and siwe-rs accept). */
final class SiweUris {
    private static final Pattern URI = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*:([A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*");

    private SiweUris() {
    }

    static boolean isUri(String text) {
        return URI.matcher(text).matches();
    }
}
