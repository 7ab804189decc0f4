package io.litj.protocol.testing;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generated hostile inputs for the parsers' fuzz properties: random text, and valid seed texts with one to four
 * mutations (a character replaced, a cut, an inserted structural token, a deleted or repeated stretch, a huge
 * number, deep nesting, two lines swapped, a number replaced). Each input comes from one long drawn from
 * QuickTheories' source, so a run with a fixed seed is repeatable and a failure prints the input that broke.
 *
 * <p>{@link #EXAMPLES} inputs per property: 10,000 in a normal build; the {@code fuzz} Maven profile
 * ({@code mvn verify -pl litj-protocol -Pfuzz}) sets 100,000, and {@code -Dlitj.fuzz.examples=N} sets any count.
 */
public final class Fuzz {
    /** Inputs per property (system property {@code litj.fuzz.examples}, default 10,000). */
    public static final int EXAMPLES = Integer.getInteger("litj.fuzz.examples", 10_000);
    /** The longest refusal message accepted, whatever the input's size. */
    public static final int MAX_MESSAGE = 600;

    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\uD800", "\\u0000",
        "null", "true", "false", "-", "0x", ".", "e", "E+", "1e999", "\n", "\n\n", "\r\n", " ", "\t", "\u0000",
        "\uD83D\uDE00", "\uD800", "\uDFFF", "\u00e9", "\u2028", "=", "==", "+", "/", "_", "Z", "T", "+99:99",
        "Resources:", "- ", "URI: ", "Version: 1", "Chain ID: ", "Nonce: ", "Issued At: ", "Expiration Time: ",
        "Not Before: ", "Request ID: ", "urn:recap:", "lit:session:", "wants you to sign in with your Ethereum account:",
        "0x0000000000000000000000000000000000000000", "{\"att\":{},\"prf\":[]}", "\"sig\":", "\"capabilities\":[",
        "\"resourceAbilityRequests\":[", "\"ProofOfPossession\":"};
    private static final String CHARS = "{}[]\":,\\ \t\n\r0123456789-+.eEabcdefxyzABCDEFZT=_/%:@\u0000\u001f\u007f"
            + "\u00e9\u2028\uD800\uDFFF\uFFFF";

    private Fuzz() {
    }

    /** One generated input; it prints escaped and cut, so that a failure report stays readable. */
    public record Input(String text) {
        @Override
        public String toString() {
            return show(text);
        }
    }

    /** Random text (a quarter) or a mutated seed (the rest). */
    public static Gen<Input> inputs(List<String> seeds) {
        return in -> new Input(text(in, seeds));
    }

    private static String text(RandomnessSource in, List<String> seeds) {
        SplittableRandom r = new SplittableRandom(in.next(Constraint.between(0, 1L << 48)));
        if (r.nextInt(4) == 0) {
            return random(r, r.nextInt(r.nextBoolean() ? 16 : 400));
        }
        String s = seeds.get(r.nextInt(seeds.size()));
        int mutations = 1 + r.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            s = mutate(r, s);
        }
        return s;
    }

    /** One mutation of {@code s}. */
    public static String mutate(SplittableRandom r, String s) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        int to = Math.min(s.length(), at + 1 + r.nextInt(1 + Math.min(64, s.length())));
        return switch (r.nextInt(9)) {
            case 0 -> at < s.length() ? s.substring(0, at) + randomChar(r) + s.substring(at + 1) : s + randomChar(r);
            case 1 -> s.substring(0, at);
            case 2 -> s.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(at);
            case 3 -> s.substring(0, at) + s.substring(to);
            case 4 -> s.substring(0, to) + s.substring(at, to) + s.substring(to);
            case 5 -> s.substring(0, at) + hugeNumber(r) + s.substring(at);
            case 6 -> nest(r, s, at);
            case 7 -> swapLines(r, s);
            default -> replaceNumber(r, s);
        };
    }

    /**
     * Parses {@code input}; a refusal must carry {@code declared} and a bounded message. Any other exception or
     * error (a {@code StackOverflowError} included) fails with the input shown.
     *
     * @return the parsed value, or empty when refused
     */
    public static <T> Optional<T> parseOrRefuse(String input, LitErrorCode declared, Function<String, T> parser) {
        return parseOrRefuse(input, Set.of(declared), parser);
    }

    /** {@link #parseOrRefuse(String, LitErrorCode, Function)} for a parser that declares several codes. */
    public static <T> Optional<T> parseOrRefuse(String input, Set<LitErrorCode> declared,
            Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(input));
        } catch (LitProtocolException e) {
            if (!declared.contains(e.code())) {
                throw new AssertionError("refused with " + e.code() + " instead of " + declared + " (" + e.getMessage()
                        + ") for " + show(input), e);
            }
            if (e.getMessage() == null || e.getMessage().length() > MAX_MESSAGE) {
                throw new AssertionError("refusal message of " + (e.getMessage() == null ? "null" : e.getMessage()
                        .length() + " chars") + " for " + show(input) + ": " + Text.cut(e.getMessage(), 200), e);
            }
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            throw new AssertionError("threw " + e + " for " + show(input), e);
        }
    }

    /** An input for a failure message: its length and its start, escaped. */
    public static String show(String input) {
        return input.length() + " chars: " + JsJson.quote(Text.cut(input, 300));
    }

    private static String random(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(r.nextInt(8) == 0 ? TOKENS[r.nextInt(TOKENS.length)] : String.valueOf(randomChar(r)));
        }
        return b.toString();
    }

    private static char randomChar(SplittableRandom r) {
        return r.nextInt(5) == 0 ? (char) r.nextInt(0x10000) : CHARS.charAt(r.nextInt(CHARS.length()));
    }

    private static String hugeNumber(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> "9".repeat(300 + r.nextInt(5000));
            case 1 -> "1e" + (r.nextBoolean() ? "-" : "") + "9".repeat(1 + r.nextInt(30));
            case 2 -> "-0." + "0".repeat(r.nextInt(2000)) + "1";
            case 3 -> Long.toString(Long.MIN_VALUE) + "0";
            default -> "123456789012345678901234567890";
        };
    }

    private static String nest(SplittableRandom r, String s, int at) {
        int depth = r.nextInt(50) == 0 ? 50_000 + r.nextInt(50_000) : 1 + r.nextInt(r.nextBoolean() ? 70 : 3000);
        String open = switch (r.nextInt(3)) {
            case 0 -> "[";
            case 1 -> "{\"a\":";
            default -> "[{\"b\":";
        };
        String close = open.equals("[") ? "]" : open.equals("{\"a\":") ? "}" : "}]";
        boolean closed = r.nextBoolean();
        return s.substring(0, at) + open.repeat(depth) + (closed ? "1" + close.repeat(depth) : "") + s.substring(at);
    }

    private static String swapLines(SplittableRandom r, String s) {
        String[] lines = s.split("\n", -1);
        if (lines.length < 2) {
            return s + "\n" + s;
        }
        int a = r.nextInt(lines.length);
        int b = r.nextInt(lines.length);
        String t = lines[a];
        lines[a] = lines[b];
        lines[b] = t;
        return String.join("\n", lines);
    }

    private static String replaceNumber(SplittableRandom r, String s) {
        int start = -1;
        for (int tries = 0; tries < 8 && start < 0; tries++) {
            int at = s.isEmpty() ? 0 : r.nextInt(s.length());
            if (at < s.length() && Character.isDigit(s.charAt(at))) {
                start = at;
            }
        }
        if (start < 0) {
            return s + r.nextInt();
        }
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        String[] numbers = {"0", "00", "9999", "99", "60", "61", "13", "32", "4294967296", "99999999999999999999",
            Integer.toString(r.nextInt(100))};
        return s.substring(0, start) + numbers[r.nextInt(numbers.length)] + s.substring(end);
    }
}
