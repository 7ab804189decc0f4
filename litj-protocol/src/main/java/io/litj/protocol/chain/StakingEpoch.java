package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The Staking contract's {@code Epoch} struct, {@code (uint256 epochLength, uint256 number, uint256 endTime,
 * uint256 retries, uint256 timeout)}, and the JS SDK's rule for the epoch number a client sends
 * ({@link #currentNumber}). Every field is a {@code uint256}; the JS SDK 7.4.0 reads each with
 * {@code BigNumber.toNumber()}, which fails above {@value #MAX_SAFE_INTEGER}, so epochs made by litj
 * ({@link #of}, {@link #reportedAt}) stay below it.
 *
 * @param epochLength seconds
 * @param number the epoch number
 * @param endTime unix seconds; {@code endTime - epochLength} is when the SDK takes the epoch to have begun
 * @param retries read by the SDK but unused
 * @param timeout seconds; read by the SDK but unused
 */
public record StakingEpoch(BigInteger epochLength, BigInteger number, BigInteger endTime, BigInteger retries,
                           BigInteger timeout) {
    /**
     * The SDK takes an epoch to have started this long after {@code endTime - epochLength} and sends the previous
     * number before ({@code EPOCH_PROPAGATION_DELAY} in {@code lit-core.js}, applied from epoch 3 on).
     */
    public static final long PROPAGATION_DELAY_SECONDS = 45;
    /** How long before "now" the start of an epoch made by {@link #reportedAt} lies at the latest. */
    public static final long REPORTED_START_MIN_AGE_SECONDS = 60;
    /** The {@code timeout} of an epoch made by {@link #reportedAt} (seconds; the SDK reads but does not use it). */
    public static final long REPORTED_TIMEOUT_SECONDS = 60;
    /** Largest integer a JavaScript number holds exactly, {@code 2^53-1}. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    public StakingEpoch {
        AbiCodec.requireUint(epochLength, 256, "epochLength");
        AbiCodec.requireUint(number, 256, "number");
        AbiCodec.requireUint(endTime, 256, "endTime");
        AbiCodec.requireUint(retries, 256, "retries");
        AbiCodec.requireUint(timeout, 256, "timeout");
    }

    /**
     * An epoch from numbers a JavaScript client can read.
     *
     * @throws LitProtocolException {@code InvalidArgument} unless each lies in {@code 0..2^53-1}
     */
    public static StakingEpoch of(long epochLength, long number, long endTime, long retries, long timeout) {
        return new StakingEpoch(safe(epochLength, "epochLength"), safe(number, "number"), safe(endTime, "endTime"),
                safe(retries, "retries"), safe(timeout, "timeout"));
    }

    /**
     * The epoch a devnet reports for epoch {@code number} that began at {@code start}: {@code retries} 0,
     * {@code timeout} {@value #REPORTED_TIMEOUT_SECONDS}, and {@code endTime = reportedStart + epochLengthSeconds}
     * where {@code reportedStart} is {@code start} but never later than {@value #REPORTED_START_MIN_AGE_SECONDS} s
     * before {@code now} (nor before 1970). So {@link #currentNumber} at {@code now} is {@code number} as is: the
     * SDK would send {@code number - 1} during the first {@value #PROPAGATION_DELAY_SECONDS} s of an epoch.
     *
     * @throws LitProtocolException {@code InvalidArgument} if a field falls outside {@code 0..2^53-1}
     */
    public static StakingEpoch reportedAt(long epochLengthSeconds, long number, Instant start, Instant now) {
        long reportedStart = Math.max(0, Math.min(start.getEpochSecond(),
                now.getEpochSecond() - REPORTED_START_MIN_AGE_SECONDS));
        return of(epochLengthSeconds, number, reportedStart + epochLengthSeconds, 0, REPORTED_TIMEOUT_SECONDS);
    }

    /**
     * The epoch number a client sends in node requests at {@code now}, as the JS SDK computes it
     * ({@code currentEpochNumber} in {@code lit-core.js}): {@link #number()}, minus one while {@code now} lies
     * less than {@value #PROPAGATION_DELAY_SECONDS} s after {@code endTime - epochLength} and the number is at
     * least 3.
     *
     * @throws LitProtocolException {@code NodeParserError} if the number does not fit in 64 bits
     */
    public long currentNumber(Instant now) {
        long current;
        try {
            current = number.longValueExact();
        } catch (ArithmeticException e) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "epoch number "
                    + AbiCodec.shown(number) + " does not fit in 64 bits");
        }
        if (current >= 3) {
            BigInteger startedMillis = endTime.subtract(epochLength).add(BigInteger.valueOf(PROPAGATION_DELAY_SECONDS))
                    .multiply(BigInteger.valueOf(1000));
            if (BigInteger.valueOf(now.toEpochMilli()).compareTo(startedMillis) < 0) {
                return current - 1;
            }
        }
        return current;
    }

    private static BigInteger safe(long value, String name) {
        if (value < 0 || value > MAX_SAFE_INTEGER) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "epoch " + name
                    + " must lie in 0..2^53-1 (a JavaScript number) but is " + value);
        }
        return BigInteger.valueOf(value);
    }
}
