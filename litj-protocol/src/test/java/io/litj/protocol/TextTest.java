package io.litj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Text#cut}: whole up to the limit, cut with an ellipsis one character beyond it. */
class TextTest {
    @Test
    void cut_atMost64Characters_isTheTextItself() {
        assertEquals("", Text.cut(""));
        assertEquals("a".repeat(64), Text.cut("a".repeat(64)));
    }

    @Test
    void cut_65Characters_keepsTheFirst64AndAddsAnEllipsis() {
        assertEquals("b".repeat(64) + "…", Text.cut("b".repeat(64) + "c"));
    }

    @Test
    void cut_withALimit_cutsOnlyBeyondIt() {
        assertEquals("abc", Text.cut("abc", 3));
        assertEquals("abc…", Text.cut("abcd", 3));
    }

    @Test
    void cut_null_isTheWordNull() {
        assertEquals("null", Text.cut(null));
    }
}
