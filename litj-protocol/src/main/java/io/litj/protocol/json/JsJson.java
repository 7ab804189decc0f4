package io.litj.protocol.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as JavaScript's {@code JSON.stringify} does (no whitespace, JS property order: array-index
 * keys ascending first, then insertion order; JS string
 * escaping and number formatting), and the RFC 8785 canonical form (keys sorted by UTF-16 code units at every
 * level) that ReCap URNs use.
 */
public final class JsJson {
    private JsJson() {
    }

    /** {@code JSON.stringify(value)}. */
    public static String stringify(JsonValue value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out, false);
        return out.toString();
    }

    /** RFC 8785 canonical JSON (as npm {@code canonicalize} writes it). */
    public static String canonicalize(JsonValue value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out, true);
        return out.toString();
    }

    /** {@code JSON.stringify(text)}: the string quoted and escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        writeString(text, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out, boolean sorted) {
        switch (value) {
            case JsonValue.JsonObject o -> writeObject(o, out, sorted);
            case JsonValue.JsonArray a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.items().get(i), out, sorted);
                }
                out.append(']');
            }
            case JsonValue.JsonString s -> writeString(s.value(), out);
            case JsonValue.JsonNumber n -> out.append(formatNumber(n.value()));
            case JsonValue.JsonBoolean b -> out.append(b.value());
            case JsonValue.JsonNull n -> out.append("null");
        }
    }

    private static void writeObject(JsonValue.JsonObject object, StringBuilder out, boolean sorted) {
        List<Map.Entry<String, JsonValue>> entries = new ArrayList<>(object.members().entrySet());
        if (sorted) {
            entries.sort(Map.Entry.comparingByKey());
        } else {
            // JavaScript objects list array-index keys first, ascending, then the others in insertion order
            List<Map.Entry<String, JsonValue>> indices = new ArrayList<>();
            entries.removeIf(e -> isArrayIndex(e.getKey()) && indices.add(e));
            indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
            entries.addAll(0, indices);
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : entries) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out, sorted);
        }
        out.append('}');
    }

    /** True for an ECMAScript array index: a canonical decimal integer in [0, 2^32 - 2]. */
    static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= 4294967294L;
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** ECMAScript {@code Number::toString} for a finite double. */
    static String formatNumber(double d) {
        if (d == 0) {
            return "0";
        }
        if (d < 0) {
            return "-" + formatNumber(-d);
        }
        // shortest round-tripping decimal digits (JDK 19+ Double.toString is shortest)
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Double.toString always writes two significant digits, even where one would round-trip
            // (4.9E-324 for what JS writes as 5e-324)
            BigDecimal one = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == d) {
                shortest = one.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exp = (e >= 0 ? "+" : "-") + Math.abs(e);
        if (k == 1) {
            return digits + "e" + exp;
        }
        return digits.charAt(0) + "." + digits.substring(1) + "e" + exp;
    }
}
