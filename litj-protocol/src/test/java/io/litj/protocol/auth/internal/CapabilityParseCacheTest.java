package io.litj.protocol.auth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capability parse results are kept by exact text, bounded, copied where mutable, and never kept for failures. */
class CapabilityParseCacheTest {
    private static final AuthSig GRANT = TestSessions.walletGrant();
    /** Another SIWE text: the same grant expiring an hour earlier. */
    private static final String OTHER = AuthSigs.generate(TestSessions.WALLET, TestSessions.grantSiwe()
            .expiration(TestSessions.NOW.plus(Duration.ofHours(23))).build()).signedMessage();

    private static String recapUrn(SiweMessage siwe) {
        List<String> urns = SiweRecaps.recapUrns(siwe);
        assertEquals(1, urns.size());
        return urns.get(0);
    }

    @Test
    void siwe_sameTextAgain_returnsTheSameParse() {
        CapabilityParseCache cache = new CapabilityParseCache(4, 16 * 1024);
        String text = GRANT.signedMessage();
        SiweMessage first = cache.siwe(text);
        assertEquals(SiweParser.parse(text), first);
        assertSame(first, cache.siwe(new String(text.toCharArray())));
        Recap recap = cache.recap(recapUrn(first));
        assertSame(recap, cache.recap(recapUrn(first)));
        assertEquals(2, cache.size());
    }

    @Test
    void eip191Digest_remembered_returnsAFreshCopyEachTime() {
        CapabilityParseCache cache = new CapabilityParseCache(4, 16 * 1024);
        byte[] first = cache.eip191Digest(GRANT.signedMessage());
        assertArrayEquals(Eip191.hash(GRANT.signedMessage()), first);
        first[0] ^= 1;
        byte[] second = cache.eip191Digest(GRANT.signedMessage());
        assertArrayEquals(Eip191.hash(GRANT.signedMessage()), second, "a caller's change does not reach the cache");
        assertNotSame(first, second);
    }

    @Test
    void siwe_malformedText_throwsEveryTimeAndIsNotKept() {
        CapabilityParseCache cache = new CapabilityParseCache(4, 16 * 1024);
        for (int i = 0; i < 2; i++) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> cache.siwe("not a SIWE"));
            assertTrue(e.code() != LitErrorCode.NodeSystemFault, e.code().name());
        }
        assertEquals(0, cache.size());
    }

    @Test
    void siwe_moreThanCapacity_evictsTheLeastRecentlyUsed() {
        CapabilityParseCache cache = new CapabilityParseCache(1, 16 * 1024);
        SiweMessage grant = cache.siwe(GRANT.signedMessage());
        SiweMessage other = cache.siwe(OTHER);
        assertEquals(1, cache.size());
        assertSame(other, cache.siwe(OTHER));
        SiweMessage again = cache.siwe(GRANT.signedMessage());
        assertEquals(grant, again);
        assertNotSame(grant, again, "evicted, so parsed afresh");
    }

    @Test
    void siwe_textLongerThanTheLimitOrCapacityZero_neverKept() {
        CapabilityParseCache small = new CapabilityParseCache(4, 10);
        assertNotSame(small.siwe(GRANT.signedMessage()), small.siwe(GRANT.signedMessage()));
        assertEquals(0, small.size());
        CapabilityParseCache none = CapabilityParseCache.NONE;
        assertNotSame(none.siwe(GRANT.signedMessage()), none.siwe(GRANT.signedMessage()));
        assertEquals(0, none.size());
    }

    @Test
    void new_negativeBounds_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CapabilityParseCache(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new CapabilityParseCache(1, -1));
    }
}
