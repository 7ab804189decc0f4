package io.litj.protocol.testing;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsCapabilityVerifier;

/** Stand-ins for the network-key check, for tests that need no real BLS key. */
public final class FakeBlsVerifiers {
    /** Passes every signature. */
    public static final BlsCapabilityVerifier ACCEPTING = (message, signature) -> {
    };

    /** Refuses every signature with {@code InvalidSignature}, as the real verifier does a wrong one. */
    public static final BlsCapabilityVerifier REFUSING = (message, signature) -> {
        throw new LitProtocolException(LitErrorCode.InvalidSignature, "fake: refuses every signature");
    };

    private FakeBlsVerifiers() {
    }
}
