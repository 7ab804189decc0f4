package io.litj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Expected strings follow JavaScript's {@code Date.prototype.toISOString()} (ECMA-262: {@code YYYY-MM-DDTHH:mm:ss.sssZ})
 * and RFC 3339 §5.6; instants are written with {@link Instant#parse}, which is independent of the code under test.
 */
class IsoTimeTest {

    @Test
    void format_epoch_isJsToIsoString() {
        // node: new Date(0).toISOString()
        assertEquals("1970-01-01T00:00:00.000Z", IsoTime.format(Instant.EPOCH));
    }

    @Test
    void format_nanoseconds_truncatesToThreeFractionDigitsAndZ() {
        // node: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)).toISOString() (JS keeps milliseconds only)
        assertEquals("2025-01-02T03:04:05.678Z", IsoTime.format(Instant.parse("2025-01-02T03:04:05.678999999Z")));
    }

    @Test
    void format_wholeSecond_stillWritesThreeZeroDigits() {
        assertEquals("2024-02-29T23:59:59.000Z", IsoTime.format(Instant.parse("2024-02-29T23:59:59Z")));
    }

    @Test
    void parse_upperCaseZ_givesUtcInstant() {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"),
                IsoTime.parse("2025-01-01T00:00:00Z", LitErrorCode.NodeParserError, "t"));
    }

    @Test
    void parse_lowerCaseTAndZ_accepted() {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"),
                IsoTime.parse("2025-01-01t00:00:00z", LitErrorCode.NodeParserError, "t"));
    }

    @Test
    void parse_positiveOffset_convertsToUtc() {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"),
                IsoTime.parse("2025-01-01T01:00:00+01:00", LitErrorCode.NodeParserError, "t"));
    }

    @Test
    void parse_negativeHalfHourOffset_convertsToUtc() {
        assertEquals(Instant.parse("2025-01-01T05:30:00Z"),
                IsoTime.parse("2025-01-01T00:00:00-05:30", LitErrorCode.NodeParserError, "t"));
    }

    @Test
    void parse_nineFractionDigits_keepsNanoseconds() {
        assertEquals(Instant.parse("2025-01-01T00:00:00.123456789Z"),
                IsoTime.parse("2025-01-01T00:00:00.123456789Z", LitErrorCode.NodeParserError, "t"));
    }

    @Test
    void parse_oneFractionDigit_isTenthsOfASecond() {
        assertEquals(Instant.parse("2025-01-01T00:00:00.500Z"),
                IsoTime.parse("2025-01-01T00:00:00.5Z", LitErrorCode.NodeParserError, "t"));
    }

    @Test
    void parse_nodeWholeSecondTime_accepted() {
        // lit-node-behaviour.md §9.2 V3: node-written Issued At without fraction
        assertEquals(Instant.parse("2024-06-02T19:46:47Z"),
                IsoTime.parse("2024-06-02T19:46:47Z", LitErrorCode.NodeSIWEMessageError, "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2025-13-01T00:00:00Z",           // month 13
        "2025-02-30T00:00:00Z",           // no such day
        "2025-06-30T23:59:60Z",           // leap second
        "2025-01-01T24:00:00Z",           // hour 24
        "2025-01-01T00:00:00",            // missing zone
        "2025-01-01 00:00:00Z",           // space instead of T
        "2025-01-01T00:00:00.1234567890Z", // ten fraction digits
        "2025-01-01T00:00:00.Z",          // empty fraction
        "2025-01-01T00:00Z",              // no seconds
        "2025-01-01",                     // date only
        "2025-01-01T00:00:00+0100",       // offset without colon
        "",
    })
    void parse_invalidText_throwsCallersCode(String text) {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> IsoTime.parse(text, LitErrorCode.NodeSIWEMessageError, "SIWE issuedAt"));
        assertEquals(LitErrorCode.NodeSIWEMessageError, e.code());
        assertTrue(e.getMessage().startsWith("SIWE issuedAt"), e.getMessage());
    }

    @Test
    void parse_leapSecond_usesOtherCallerCodeToo() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> IsoTime.parse("2016-12-31T23:59:60Z", LitErrorCode.NodeParserError, "issuedAt"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
    }

    @Test
    void parse_null_throwsMissing() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> IsoTime.parse(null, LitErrorCode.NodeParserError, "expiration"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("expiration is missing", e.getMessage());
    }

    @Test
    void isValid_goodAndBadText_answersWithoutThrowing() {
        assertTrue(IsoTime.isValid("2025-01-01T00:00:00.000Z"));
        assertFalse(IsoTime.isValid("2025-02-30T00:00:00.000Z"));
        assertFalse(IsoTime.isValid(null));
    }

    @Test
    void format_yearsOutside0000To9999_useTheJsExpandedYear() {
        // node 20: new Date(Date.UTC(y, ...)).toISOString()
        assertEquals("+010000-01-01T00:00:00.000Z", IsoTime.format(java.time.Instant.parse("+10000-01-01T00:00:00Z")));
        assertEquals("-000001-01-01T00:00:00.000Z", IsoTime.format(java.time.Instant.parse("-0001-01-01T00:00:00Z")));
        assertEquals("+012345-06-06T07:08:09.010Z",
                IsoTime.format(java.time.Instant.parse("+12345-06-06T07:08:09.010Z")));
    }
}
