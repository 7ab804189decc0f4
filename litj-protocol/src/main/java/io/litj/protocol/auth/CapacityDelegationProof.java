package io.litj.protocol.auth;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A capacity delegation carried in a session sig's capabilities (SIWE URI {@value CapacityDelegation#URI}) that
 * passed every check {@link SessionSigValidator} applies to a capability, except that it delegates credits rather
 * than a session: who delegated (the proven signer), until when, and its {@link CapacityGrant}s. Immutable; only the
 * validator makes one (through {@link AuthContext#capacityDelegations()}).
 *
 * <p>{@link #usesKey()} identifies the delegation for counting {@code uses}: the EIP-191 hash of the signed SIWE
 * text. A signature has many encodings ({@code 0x} or not, hex case, {@code v} of 0/1/27/28) that the reference node
 * counts apart (it keys on the {@code sig} string, {@code lit-node-behaviour.md} §10.10); the signed text has one, and
 * only the delegator can sign another.
 *
 * @param index      the capability's index in the session payload
 * @param delegator  the address the signature proved (the SIWE address)
 * @param usesKey    32 bytes: {@code keccak256("\x19Ethereum Signed Message:\n" + len + siwe)}
 * @param expiration the SIWE's {@code Expiration Time}
 * @param grants     at least one
 */
public record CapacityDelegationProof(int index, EthAddress delegator, Bytes usesKey, Instant expiration,
                                      List<CapacityGrant> grants) {
    public CapacityDelegationProof {
        Objects.requireNonNull(delegator, "delegator");
        Objects.requireNonNull(usesKey, "usesKey");
        Objects.requireNonNull(expiration, "expiration");
        grants = List.copyOf(grants);
        if (usesKey.size() != 32 || grants.isEmpty()) {
            throw new IllegalArgumentException("a delegation has a 32-byte uses key and at least one grant");
        }
    }
}
