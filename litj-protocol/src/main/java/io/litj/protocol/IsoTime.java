package io.litj.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as Lit writes and reads them: JavaScript {@code Date.prototype.toISOString()} on output
 * ({@code YYYY-MM-DDTHH:mm:ss.sssZ}, UTC, always 3 fraction digits) and RFC 3339 date-times on input.
 */
public final class IsoTime {
    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern RFC3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private IsoTime() {
    }

    /** {@code new Date(instant).toISOString()} (milliseconds, truncated). */
    public static String format(Instant instant) {
        String text = JS_ISO.format(instant);
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year >= 0 && year <= 9999) {
            return text;
        }
        // JavaScript writes years outside 0000-9999 as a signed six-digit "expanded year"
        String rest = text.substring(text.indexOf('-', year < 0 ? 1 : 0));
        return (year < 0 ? "-" : "+") + String.format("%06d", Math.abs((long) year)) + rest;
    }

    /** True if {@code text} is an RFC 3339 date-time with a real date. */
    public static boolean isValid(String text) {
        try {
            parse(text, LitErrorCode.NodeParserError, "time");
            return true;
        } catch (LitProtocolException e) {
            return false;
        }
    }

    /**
     * Parses an RFC 3339 date-time ({@code T} or {@code t}, {@code Z}, {@code z} or a {@code ±hh:mm} offset, up to
     * nine fraction digits). Leap seconds ({@code :60}) are refused.
     *
     * @param code the error code to raise
     * @param field names the input in errors
     */
    public static Instant parse(String text, LitErrorCode code, String field) {
        if (text == null) {
            throw new LitProtocolException(code, field + " is missing");
        }
        Matcher m = RFC3339.matcher(text);
        if (!m.matches()) {
            throw new LitProtocolException(code, field + " is not an RFC 3339 date-time: '" + Text.cut(text) + "'");
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String frac = (m.group(7).substring(1) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(frac);
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
            String zone = m.group(8);
            ZoneOffset offset = zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            throw new LitProtocolException(code, field + " is not a real date-time: '" + Text.cut(text) + "'", e);
        }
    }
}
