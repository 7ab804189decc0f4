package io.litj.cli;

import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.EthSigner;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link EthSigner} that counts its signatures (to show how often a wallet is asked). */
record CountingSigner(EthSigner inner, AtomicInteger count) implements EthSigner {
    @Override
    public EthAddress address() {
        return inner.address();
    }

    @Override
    public EthSignature signPersonalMessage(String message) {
        count.incrementAndGet();
        return inner.signPersonalMessage(message);
    }

    @Override
    public String toString() {
        return "CountingSigner[" + inner + "]";
    }
}
