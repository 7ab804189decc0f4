package io.litj.node.ecdsa;

import io.litj.protocol.crypto.Bytes;

/**
 * This node's share of one presignature: a nonce no one holds whole, ready to sign one digest. It must sign at most
 * one digest, ever ({@link PresignatureStore} binds it before {@link #sign} is called).
 *
 * <p>Security: holds secret shares; implementations print no secret and have no {@code equals}.
 */
public interface Presignature {
    /** The secret state, for the node's own presignature files only. */
    String exportSecretJson();

    /**
     * This node's linearized share of the signature of {@code digest} under {@code publicKey}: the shares of the
     * signing set sum to {@code s}, with the common {@code R}.
     *
     * @param digest 32 bytes (never hashed)
     * @param publicKey the PKP key, 65 bytes uncompressed
     */
    SignatureShare sign(Bytes digest, Bytes publicKey);
}
