package io.litj.protocol.siwe;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict EIP-4361 parsing: lines split on LF only, fields in the order of the grammar, nothing else allowed.
 * The statement may hold any character but line breaks and controls (as siwe-rs, which Lit nodes use, and as
 * the JS SDK emits). Every field is then checked as in {@link SiweMessage}; parsing a rendered message gives
 * the same message back.
 *
 * <p>Errors: {@code NodeSIWEMessageError} naming the line or field.
 */
public final class SiweParser {
    private static final String PREAMBLE = " wants you to sign in with your Ethereum account:";

    private SiweParser() {
    }

    public static SiweMessage parse(String text) {
        if (text == null) {
            throw fail("message is missing");
        }
        Lines lines = new Lines(text.split("\n", -1));
        SiweMessage.Builder b = SiweMessage.builder();
        String header = lines.next("header");
        if (!header.endsWith(PREAMBLE)) {
            throw fail("line 1 must end with '" + PREAMBLE.trim() + "'");
        }
        String authority = header.substring(0, header.length() - PREAMBLE.length());
        int schemeEnd = authority.indexOf("://");
        if (schemeEnd >= 0) {
            b.scheme(authority.substring(0, schemeEnd));
            authority = authority.substring(schemeEnd + 3);
        }
        b.domain(authority);
        b.address(lines.next("address"));
        lines.expectEmpty("the line after the address");
        String statementOrEmpty = lines.next("statement");
        if (!statementOrEmpty.isEmpty()) {
            b.statement(statementOrEmpty);
            lines.expectEmpty("the line after the statement");
        }
        b.uri(lines.tagged("URI: "));
        b.version(lines.tagged("Version: "));
        b.chainId(chainId(lines.tagged("Chain ID: ")));
        b.nonce(lines.tagged("Nonce: "));
        b.issuedAt(lines.tagged("Issued At: "));
        b.expirationTime(lines.optionalTagged("Expiration Time: "));
        b.notBefore(lines.optionalTagged("Not Before: "));
        b.requestId(lines.optionalTagged("Request ID: "));
        if (lines.hasNext()) {
            String tag = lines.next("resources");
            if (!tag.equals("Resources:")) {
                throw fail("unexpected content on line " + lines.position() + ": '" + Text.cut(tag) + "'");
            }
            List<String> resources = new ArrayList<>();
            while (lines.hasNext()) {
                String line = lines.next("resource");
                if (!line.startsWith("- ")) {
                    throw fail("resource line " + lines.position() + " must start with '- '");
                }
                resources.add(line.substring(2));
            }
            if (resources.isEmpty()) {
                throw fail("'Resources:' is followed by no resource");
            }
            b.resources(resources);
        }
        return b.build();
    }

    private static long chainId(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || (text.length() > 1 && text.charAt(0) == '0')) {
            throw fail("Chain ID must be a decimal number without leading zeros: '" + Text.cut(text) + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail("Chain ID is out of range: '" + text + "'");
        }
    }

    static LitProtocolException fail(String problem) {
        return new LitProtocolException(LitErrorCode.NodeSIWEMessageError, "SIWE " + problem);
    }

    /** A cursor over the lines of a message. */
    private static final class Lines {
        private final String[] lines;
        private int next;

        Lines(String[] lines) {
            this.lines = lines;
        }

        boolean hasNext() {
            return next < lines.length;
        }

        int position() {
            return next;
        }

        String next(String what) {
            if (!hasNext()) {
                throw fail("ends before the " + what);
            }
            return lines[next++];
        }

        void expectEmpty(String what) {
            if (!next(what).isEmpty()) {
                throw fail(what + " (line " + next + ") must be empty");
            }
        }

        String tagged(String tag) {
            String line = next("'" + tag.trim() + "' line");
            if (!line.startsWith(tag)) {
                throw fail("line " + next + " must start with '" + tag + "' but is '" + Text.cut(line) + "'");
            }
            return line.substring(tag.length());
        }

        String optionalTagged(String tag) {
            if (hasNext() && lines[next].startsWith(tag)) {
                return lines[next++].substring(tag.length());
            }
            return null;
        }
    }
}
