package io.litj.node.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.acc.ValueComparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Comparison} by type: numbers, addresses, text, arrays; a test that cannot apply is false. */
class ComparisonTest {
    @ParameterizedTest
    @CsvSource({
        "0x10, =, 16, true",
        "16, >, 0xf, true",
        "0xAbCdEf0123456789abcdef0123456789ABCDEF01, =, 0xabcdef0123456789abcdef0123456789abcdef01, true",
        "0xabcdef0123456789abcdef0123456789abcdef01, !=, 0xabcdef0123456789abcdef0123456789abcdef02, true",
        "0xabcdef0123456789abcdef0123456789abcdef01, >, 0, false",
        "gold member, contains, gold, true",
        "gold member, !contains, silver, true",
        "gold, =, Gold, false",
        "gold, >, a, false",
        "12, contains, 1, false",
        "true, =, true, true",
        "-5, <, 0, true",
    })
    void single(String actual, String comparator, String expected, boolean result) {
        assertEquals(result, Comparison.test(Observed.single(actual), ValueComparator.of(comparator).orElseThrow(),
                expected));
    }

    @ParameterizedTest
    @CsvSource({
        "contains, 2, true", "contains, 0x02, true", "contains, 4, false",
        "!contains, 4, true", "=, 2, false", ">, 1, false"})
    void arrays(String comparator, String expected, boolean result) {
        assertEquals(result, Comparison.test(Observed.list(List.of("1", "2", "3")),
                ValueComparator.of(comparator).orElseThrow(), expected));
    }

    @ParameterizedTest
    @CsvSource({"=, 7, true", "!=, 7, false"})
    void oneElementArrayEquality(String comparator, String expected, boolean result) {
        assertEquals(result, Comparison.test(Observed.list(List.of("7")), ValueComparator.of(comparator)
                .orElseThrow(), expected));
    }

    @ParameterizedTest
    @CsvSource({"1234567890123456789012345678901234567890123456789012345678901234567890123456789, >, 0, false"})
    void overlongNumbersAreText(String actual, String comparator, String expected, boolean result) {
        assertEquals(result, Comparison.test(Observed.single(actual), ValueComparator.of(comparator).orElseThrow(),
                expected));
    }
}
