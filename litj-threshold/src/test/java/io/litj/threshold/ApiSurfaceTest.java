package io.litj.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.testing.ApiSurface;
import org.junit.jupiter.api.Test;

/** The public types of litj-threshold are exactly those listed in {@code api/public-types.txt}. */
class ApiSurfaceTest {
    @Test
    void publicTypes_matchTheReviewedList() {
        assertEquals(String.join("\n", ApiSurface.expected()),
                String.join("\n", ApiSurface.publicTypes(ThresholdException.class)));
    }
}
