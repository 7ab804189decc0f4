/**
 * The cryptography litj-protocol needs, behind small types: hex and base64url, Keccak-256 and SHA-256,
 * Ethereum addresses (EIP-55), EIP-191 signatures with recovery, {@link io.litj.protocol.crypto.EthSigner}, strict
 * Ed25519 verification, and AES-256-GCM and scrypt for secrets at rest. Nothing else in litj touches raw curve
 * arithmetic.
 *
 * <p>Standards: EIP-55, EIP-191, EIP-2 (low s), RFC 6979, RFC 8032, RFC 7914, NIST SP 800-38D. No I/O.
 */
package io.litj.protocol.crypto;
