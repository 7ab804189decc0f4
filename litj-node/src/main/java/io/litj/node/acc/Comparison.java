package io.litj.node.acc;

import io.litj.protocol.acc.ValueComparator;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code returnValueTest} applied to what a condition read ({@code lit-node-behaviour.md} §6.3), by type:
 * <ul>
 *   <li>both sides integers (decimal, or {@code 0x} hex): every comparator but {@code contains}/{@code !contains}
 *   compares numbers;</li>
 *   <li>both sides addresses: {@code =} and {@code !=} compare the 20 bytes (case-insensitive hex);</li>
 *   <li>otherwise text: {@code =}, {@code !=} exactly; {@code contains}/{@code !contains} as a substring;</li>
 *   <li>an array output: {@code contains}/{@code !contains} look for an element equal to the value (numbers and
 *   addresses by value), {@code =}/{@code !=} compare a one-element array's element.</li>
 * </ul>
 * Any other pairing (an ordering comparator on text, {@code contains} on numbers) is false: a test that cannot be
 * applied never grants. Integers are bounded to 78 digits before parsing.
 */
final class Comparison {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,78}");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("0[xX][0-9a-fA-F]{40}");

    private Comparison() {
    }

    static boolean test(Observed actual, ValueComparator comparator, String expected) {
        if (actual.array()) {
            boolean found = actual.values().stream().anyMatch(v -> same(v, expected));
            return switch (comparator) {
                case CONTAINS -> found;
                case NOT_CONTAINS -> !found;
                case EQUAL -> actual.values().size() == 1 && found;
                case NOT_EQUAL -> !(actual.values().size() == 1 && found);
                default -> false;
            };
        }
        return test(actual.single(), comparator, expected);
    }

    static boolean test(String actual, ValueComparator comparator, String expected) {
        Optional<BigInteger> a = integer(actual);
        Optional<BigInteger> e = integer(expected);
        if (a.isPresent() && e.isPresent() && !isAddress(actual) && !isAddress(expected)) {
            int c = a.get().compareTo(e.get());
            return switch (comparator) {
                case EQUAL -> c == 0;
                case NOT_EQUAL -> c != 0;
                case GREATER -> c > 0;
                case GREATER_OR_EQUAL -> c >= 0;
                case LESS -> c < 0;
                case LESS_OR_EQUAL -> c <= 0;
                case CONTAINS, NOT_CONTAINS -> false;
            };
        }
        return switch (comparator) {
            case EQUAL -> same(actual, expected);
            case NOT_EQUAL -> !same(actual, expected);
            case CONTAINS -> actual.contains(expected);
            case NOT_CONTAINS -> !actual.contains(expected);
            default -> false;
        };
    }

    /** Equal as addresses (20 bytes), as integers, or as text. */
    private static boolean same(String a, String b) {
        if (isAddress(a) && isAddress(b)) {
            return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
        }
        Optional<BigInteger> x = integer(a);
        Optional<BigInteger> y = integer(b);
        if (x.isPresent() && y.isPresent() && !isAddress(a) && !isAddress(b)) {
            return x.get().equals(y.get());
        }
        return a.equals(b);
    }

    static boolean isAddress(String s) {
        return ADDRESS.matcher(s).matches();
    }

    static Optional<BigInteger> integer(String s) {
        if (DECIMAL.matcher(s).matches()) {
            return Optional.of(new BigInteger(s));
        }
        if (HEX.matcher(s).matches()) {
            return Optional.of(new BigInteger(s.substring(2), 16));
        }
        return Optional.empty();
    }
}
