package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads canonical ABI type text ({@link AbiType#parse}): a recursive descent over {@code type := base ("[]")*},
 * {@code base := "(" type ("," type)* ")" | "tuple(" … ")" | name}. Input length and tuple nesting are bounded.
 */
final class AbiTypeParser {
    /** Longest type text accepted. */
    static final int MAX_LENGTH = 4096;
    /** Deepest nesting of tuples and arrays accepted. */
    static final int MAX_DEPTH = 16;

    private final String text;
    private int pos;

    private AbiTypeParser(String text) {
        this.text = text;
    }

    static AbiType parse(String text) {
        if (text == null || text.isEmpty()) {
            throw fail("ABI type is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw fail("ABI type is " + text.length() + " characters long, at most " + MAX_LENGTH + " accepted");
        }
        AbiTypeParser parser = new AbiTypeParser(text);
        AbiType type = parser.type(0);
        if (parser.pos != text.length()) {
            throw parser.unexpected();
        }
        return type;
    }

    private AbiType type(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("ABI type " + Text.cut(text) + " nests deeper than " + MAX_DEPTH + " levels");
        }
        AbiType type = base(depth);
        while (text.startsWith("[]", pos)) {
            pos += 2;
            type = AbiType.array(type);
            if (++depth > MAX_DEPTH) {
                throw fail("ABI type " + Text.cut(text) + " nests deeper than " + MAX_DEPTH + " levels");
            }
        }
        if (pos < text.length() && text.charAt(pos) == '[') {
            throw fail("ABI type " + Text.cut(text) + " has a fixed-size array, which litj does not support");
        }
        return type;
    }

    private AbiType base(int depth) {
        if (text.startsWith("tuple(", pos)) {
            pos += "tuple".length();
        }
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            List<AbiType> components = new ArrayList<>();
            components.add(type(depth + 1));
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                components.add(type(depth + 1));
            }
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw unexpected();
            }
            pos++;
            return new AbiType.Tuple(components);
        }
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        return named(text.substring(start, pos));
    }

    private AbiType named(String name) {
        switch (name) {
            case "address" -> {
                return AbiType.ADDRESS;
            }
            case "bool" -> {
                return AbiType.BOOL;
            }
            case "bytes" -> {
                return AbiType.BYTES;
            }
            case "string" -> {
                return AbiType.STRING;
            }
            case "" -> throw unexpected();
            default -> {
                if (name.matches("uint[1-9][0-9]{0,2}")) {
                    return AbiType.uint(Integer.parseInt(name.substring(4)));
                }
                if (name.matches("bytes[1-9][0-9]?")) {
                    return new AbiType.FixedBytes(Integer.parseInt(name.substring(5)));
                }
                throw fail("ABI type " + Text.cut(name) + " is not supported (uint8..uint256, address, bool,"
                        + " bytes1..bytes32, bytes, string, T[] and tuples are)");
            }
        }
    }

    private LitProtocolException unexpected() {
        String at = pos < text.length() ? "'" + text.charAt(pos) + "' at " + pos : "its end";
        return fail("ABI type " + Text.cut(text) + " is malformed at " + at);
    }

    private static LitProtocolException fail(String message) {
        return new LitProtocolException(LitErrorCode.InvalidArgument, message);
    }
}
