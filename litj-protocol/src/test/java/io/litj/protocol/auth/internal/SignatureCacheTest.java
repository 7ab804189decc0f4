package io.litj.protocol.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Successes and failures are remembered apart, each bounded, keyed by the exact bytes and signature text. */
class SignatureCacheTest {
    private static byte[] digest(int n) {
        byte[] d = new byte[32];
        d[31] = (byte) n;
        return d;
    }

    @Test
    void failure_recorded_isFoundForTheSameBytesAndSignatureOnly() {
        SignatureCache cache = new SignatureCache(4);
        cache.putFailure(digest(1), "0xsig", "does not verify");

        assertEquals(Optional.of("does not verify"), cache.failure(digest(1), "0xsig"));
        assertTrue(cache.failure(digest(2), "0xsig").isEmpty());
        assertTrue(cache.failure(digest(1), "0xsih").isEmpty());
        assertTrue(cache.get(digest(1), "0xsig").isEmpty(), "a failure is not a success");
    }

    @Test
    void failures_floodBeyondCapacity_doNotEvictSuccesses() {
        SignatureCache cache = new SignatureCache(2);
        cache.put(digest(0), "good", Boolean.TRUE);
        for (int i = 1; i <= 100; i++) {
            cache.putFailure(digest(i), "bad", "no");
        }

        assertEquals(Optional.of(Boolean.TRUE), cache.get(digest(0), "good"));
        assertTrue(cache.failure(digest(1), "bad").isEmpty(), "the oldest failure was evicted");
        assertTrue(cache.failure(digest(100), "bad").isPresent());
    }

    @Test
    void capacityZero_remembersNothing() {
        SignatureCache cache = new SignatureCache(0);
        cache.put(digest(1), "s", Boolean.TRUE);
        cache.putFailure(digest(2), "s", "no");

        assertTrue(cache.get(digest(1), "s").isEmpty());
        assertTrue(cache.failure(digest(2), "s").isEmpty());
    }
}
