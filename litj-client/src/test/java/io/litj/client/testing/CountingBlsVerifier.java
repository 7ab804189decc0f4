package io.litj.client.testing;

import io.litj.protocol.auth.BlsCapabilityVerifier;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link BlsCapabilityVerifier} that counts how often it is asked, and answers as the one it wraps. */
public final class CountingBlsVerifier implements BlsCapabilityVerifier {
    private final BlsCapabilityVerifier delegate;
    private final AtomicInteger count = new AtomicInteger();

    public CountingBlsVerifier(BlsCapabilityVerifier delegate) {
        this.delegate = delegate;
    }

    /** How many verifications were asked for so far. */
    public int count() {
        return count.get();
    }

    @Override
    public void verify(byte[] message, byte[] signature) {
        count.incrementAndGet();
        delegate.verify(message, signature);
    }
}
