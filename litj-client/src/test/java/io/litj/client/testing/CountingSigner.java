package io.litj.client.testing;

import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.EthSigner;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link EthSigner} that counts how often it was asked to sign (each count is a wallet prompt). */
public final class CountingSigner implements EthSigner {
    private final EthSigner delegate;
    private final AtomicInteger count = new AtomicInteger();

    public CountingSigner(EthSigner delegate) {
        this.delegate = delegate;
    }

    public int count() {
        return count.get();
    }

    @Override
    public EthAddress address() {
        return delegate.address();
    }

    @Override
    public EthSignature signPersonalMessage(String message) {
        count.incrementAndGet();
        return delegate.signPersonalMessage(message);
    }
}
