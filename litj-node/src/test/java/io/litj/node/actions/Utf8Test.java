package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UTF-8 sizes and cuts on character boundaries. */
class Utf8Test {
    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "é", "€", "😀", "aé€😀z"})
    void length_equalsTheEncodersByteCount(String s) {
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Utf8.length(s));
    }

    @Test
    void length_loneSurrogate_countsAsTheThreeBytesOfAReplacementCharacter() {
        assertEquals(3 + 5, Utf8.length("\ud800 high"));
        assertEquals(4 + 3, Utf8.length("low \udc00"));
        assertEquals("lo", Utf8.prefix("lo\udc00", 4));
    }

    @Test
    void prefix_fits_returnsTheSameString() {
        String s = "aé€😀";
        assertSame(s, Utf8.prefix(s, 10));
        assertSame(s, Utf8.prefix(s, 100));
    }

    @Test
    void prefix_cutsBeforeACharacterThatWouldCrossTheBudget() {
        String s = "aé€😀"; // 1 + 2 + 3 + 4 bytes
        assertEquals("", Utf8.prefix(s, 0));
        assertEquals("a", Utf8.prefix(s, 1));
        assertEquals("a", Utf8.prefix(s, 2));
        assertEquals("aé", Utf8.prefix(s, 3));
        assertEquals("aé", Utf8.prefix(s, 5));
        assertEquals("aé€", Utf8.prefix(s, 6));
        assertEquals("aé€", Utf8.prefix(s, 9), "never half a surrogate pair");
    }
}
