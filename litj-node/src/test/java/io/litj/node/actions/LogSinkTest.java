package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogSinkTest {
    private static void write(LogSink sink, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sink.write(b, 0, b.length);
    }

    @Test
    void text_underLimit_keptVerbatim() {
        LogSink sink = new LogSink(16);
        write(sink, "a\n");
        write(sink, "wörld\n");
        assertEquals("a\nwörld\n", sink.text());
        assertEquals(9, sink.size());
    }

    @Test
    void text_exactlyAtLimit_notTruncated() {
        LogSink sink = new LogSink(4);
        write(sink, "abc\n");
        assertEquals("abc\n", sink.text());
    }

    @Test
    void text_overLimit_cutAndMarkedOnce() {
        LogSink sink = new LogSink(4);
        write(sink, "abc\n");
        write(sink, "d\n");
        write(sink, "e\n");
        assertEquals("abc\n" + LogSink.marker(4), sink.text());
    }

    @Test
    void text_cutInsideLine_markerOnItsOwnLine() {
        LogSink sink = new LogSink(5);
        write(sink, "hello world\n");
        assertEquals("hello\n[logs truncated: more than 5 bytes]\n", sink.text());
    }

    @Test
    void text_cutInsideMultiByteCharacter_keepsWholeCharactersOnly() {
        LogSink sink = new LogSink(4);
        write(sink, "ab✓c");
        assertEquals("ab\n" + LogSink.marker(4), sink.text());
        assertEquals(2, sink.size());
    }

    @Test
    void text_zeroLimit_onlyMarker() {
        LogSink sink = new LogSink(0);
        write(sink, "x");
        assertEquals(LogSink.marker(0), sink.text());
        assertEquals("", new LogSink(0).text());
    }

    @Test
    void new_negativeLimit_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LogSink(-1));
    }
}
