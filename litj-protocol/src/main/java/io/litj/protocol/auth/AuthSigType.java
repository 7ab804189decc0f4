package io.litj.protocol.auth;

/**
 * How a node classifies an {@link AuthSig} ({@code lit-node-behaviour.md} §2.1), from {@code derivedVia} and
 * {@code algo}.
 */
public enum AuthSigType {
    /** {@code litSessionSignViaNacl} + {@code ed25519}: a session signature. */
    SESSION_SIG,
    /** {@code EIP1271} or {@code EIP1271_SHA256}: a contract wallet (not accepted inside session sigs). */
    CONTRACT_SIG,
    /** {@code lit.bls} + {@code LIT_BLS}: signed by the node network (PKP / Lit Action sessions). */
    BLS_NETWORK_SIG,
    /** Anything else: an EOA wallet, EIP-191. */
    WALLET_SIG
}
