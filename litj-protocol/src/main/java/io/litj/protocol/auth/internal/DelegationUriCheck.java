package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.CapacityDelegation;
import java.util.Optional;

/**
 * A capacity delegation's SIWE has {@code URI = lit:capability:delegation} ({@code js-sdk-v7-wire-format.md} §6,
 * {@code lit-node-behaviour.md} §10.11). Code: {@code NodeCapacityDelegationInvalid}.
 */
public final class DelegationUriCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        String uri = capability.siwe().uri();
        if (!CapacityDelegation.URI.equals(uri)) {
            return CheckFailure.fail(LitErrorCode.NodeCapacityDelegationInvalid, "SIWE URI expected "
                    + CapacityDelegation.URI + " but got " + Text.cut(uri));
        }
        return Optional.empty();
    }

    /** True if a capability's text declares the delegation URI: a cheap test before any parsing. */
    public static boolean looksLikeDelegation(String signedMessage) {
        return signedMessage.contains("\nURI: " + CapacityDelegation.URI + "\n");
    }
}
