package io.litj.protocol.siwe;

/**
 * RFC 3986 URI syntax, enough to tell a URI from text (what {@code valid-url} and siwe-rs accept): a scheme
 * ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon, then only unreserved, reserved and
 * percent-encoded characters. Scanned in one loop rather than by a regular expression, whose repeated group would
 * recurse once per character and overflow the stack on a long URI.
 */
final class SiweUris {
    private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=";

    private SiweUris() {
    }

    static boolean isUri(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || !isAlpha(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isAlpha(c) && !isDigit(c) && ALLOWED.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
