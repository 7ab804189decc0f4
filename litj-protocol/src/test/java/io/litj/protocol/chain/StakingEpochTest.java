package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StakingEpochTest {
    private static final Instant EPOCH_START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void currentNumber_withinFirst45SecondsOfEpoch_isOneLess_exactlyAtTheBoundaryNot() {
        StakingEpoch e = StakingEpoch.of(3600, 7, 10_000, 0, 0);
        long start = 10_000 - 3600;
        assertEquals(6, e.currentNumber(Instant.ofEpochSecond(start + 44)));
        assertEquals(6, e.currentNumber(Instant.ofEpochSecond(start + 45).minusMillis(1)));
        assertEquals(7, e.currentNumber(Instant.ofEpochSecond(start + 45)));
        assertEquals(7, e.currentNumber(Instant.ofEpochSecond(start + 46)));
    }

    @Test
    void currentNumber_belowThreeNeverLowered_fromThreeOn() {
        assertEquals(2, StakingEpoch.of(3600, 2, 10_000, 0, 0).currentNumber(Instant.ofEpochSecond(0)));
        assertEquals(3 - 1, StakingEpoch.of(3600, 3, 10_000, 0, 0).currentNumber(Instant.ofEpochSecond(0)));
    }

    @Test
    void currentNumber_numberBeyond64Bits_refusedWithParserError() {
        StakingEpoch e = new StakingEpoch(BigInteger.ONE, BigInteger.ONE.shiftLeft(64), BigInteger.ONE,
                BigInteger.ZERO, BigInteger.ZERO);
        LitProtocolException x = assertThrows(LitProtocolException.class, () -> e.currentNumber(Instant.EPOCH));
        assertEquals(LitErrorCode.NodeParserError, x.code());
        assertEquals("epoch number 18446744073709551616 does not fit in 64 bits", x.getMessage());
    }

    @Test
    void reportedAt_epochStartedLongAgo_reportsItsStart() {
        StakingEpoch e = StakingEpoch.reportedAt(3600, 5, EPOCH_START, Instant.parse("2026-06-01T00:00:00Z"));
        assertEquals(StakingEpoch.of(3600, 5, EPOCH_START.getEpochSecond() + 3600, 0, 60), e);
    }

    @Test
    void reportedAt_epochStartedJustNow_reportsAStartSixtySecondsAgo_soTheSdkKeepsTheNumber() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        StakingEpoch e = StakingEpoch.reportedAt(3600, 7, now.minusSeconds(5), now);
        assertEquals(BigInteger.valueOf(now.getEpochSecond() - 60), e.endTime().subtract(e.epochLength()));
        assertEquals(7, e.currentNumber(now));
        // what the SDK would have sent had the true start been reported
        assertEquals(6, StakingEpoch.reportedAt(3600, 7, now.minusSeconds(5), now.plusSeconds(60))
                .currentNumber(now));
    }

    @Test
    void reportedAt_nowBefore1970PlusAMinute_clampsTheStartAtZero() {
        StakingEpoch e = StakingEpoch.reportedAt(3600, 1, Instant.ofEpochSecond(30), Instant.ofEpochSecond(30));
        assertEquals(StakingEpoch.of(3600, 1, 3600, 0, 60), e);
    }

    @Test
    void of_valueAbove2Pow53OrNegative_refusedWithInvalidArgument() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> StakingEpoch.of(1L << 53, 1, 1, 0, 0));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("epoch epochLength must lie in 0..2^53-1 (a JavaScript number) but is 9007199254740992",
                e.getMessage());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> StakingEpoch.of(1, -1, 1, 0, 0)).code());
        assertEquals(StakingEpoch.MAX_SAFE_INTEGER, StakingEpoch.of(StakingEpoch.MAX_SAFE_INTEGER, 0, 0, 0, 0)
                .epochLength().longValueExact());
    }

    @Test
    void constructor_negativeOrWiderThanUint256_refusedWithInvalidArgument() {
        BigInteger z = BigInteger.ZERO;
        assertEquals("retries must be a uint256 but is -1", assertThrows(LitProtocolException.class,
                () -> new StakingEpoch(z, z, z, BigInteger.valueOf(-1), z)).getMessage());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> new StakingEpoch(z, z, BigInteger.ONE.shiftLeft(256), z, z)).code());
    }
}
