package io.litj.protocol.siwe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3986 shape: scheme, colon, URI characters or %XX; any length without overflowing the stack. */
class SiweUrisTest {
    @ParameterizedTest
    @ValueSource(strings = {"lit:session:ab12", "https://a.b/c?d=e#f", "urn:recap:eyJ", "a+b-c.d:", "x:%2F%aa",
        "ipfs://Qm1", "https://[::1]:8443/~user/!$&'()*+,;=@"})
    void isUri_uris_true(String text) {
        assertTrue(SiweUris.isUri(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":x", "1a:b", "no colon", "a b:c", "a:b c", "a:%2", "a:%zz", "a:\u00e9", "a:\"",
        "a:b\n", "a:<>", "a:{}"})
    void isUri_notUris_false(String text) {
        assertFalse(SiweUris.isUri(text), text);
    }

    @Test
    void isUri_200000Characters_answersWithoutOverflowingTheStack() {
        String longUri = "https://a.example/" + "a%20".repeat(50_000);
        assertTrue(SiweUris.isUri(longUri));
        assertFalse(SiweUris.isUri(longUri + " "));
    }
}
