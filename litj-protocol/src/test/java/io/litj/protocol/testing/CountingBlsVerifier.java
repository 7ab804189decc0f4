package io.litj.protocol.testing;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link BlsCapabilityVerifier} that counts its calls (each stands for one pairing check on a real node) and
 * answers a fixed verdict, so tests can show how much network-signature work a request costs.
 */
public final class CountingBlsVerifier implements BlsCapabilityVerifier {
    private final boolean verdict;
    private final AtomicInteger calls = new AtomicInteger();

    private CountingBlsVerifier(boolean verdict) {
        this.verdict = verdict;
    }

    /** A verifier that refuses every signature. */
    public static CountingBlsVerifier refusingAll() {
        return new CountingBlsVerifier(false);
    }

    /** A verifier that accepts every signature. */
    public static CountingBlsVerifier acceptingAll() {
        return new CountingBlsVerifier(true);
    }

    @Override
    public void verify(byte[] message, byte[] signature) {
        calls.incrementAndGet();
        if (!verdict) {
            throw new LitProtocolException(LitErrorCode.InvalidSignature, "counting verifier refuses every signature");
        }
    }

    /** How many times {@link #verify} ran. */
    public int calls() {
        return calls.get();
    }
}
