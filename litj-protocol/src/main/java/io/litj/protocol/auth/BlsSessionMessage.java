package io.litj.protocol.auth;

import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;

/**
 * The 32 bytes the node network BLS-signs for a PKP or Lit Action session ({@code lit-node-behaviour.md} §4):
 * {@code SHA-256(UTF-8("lit_session:" + lowercase hex(keccak256(EIP-191(siwe)))))}. The {@code lit_session:}
 * prefix separates these signatures from every other BLS signature the network makes.
 */
public final class BlsSessionMessage {
    private BlsSessionMessage() {
    }

    /** The message to sign or verify for the SIWE text {@code siwe} (as signed, never re-rendered). */
    public static byte[] of(String siwe) {
        return Hashes.sha256("lit_session:" + Hex.encode(Eip191.hash(siwe)));
    }
}
