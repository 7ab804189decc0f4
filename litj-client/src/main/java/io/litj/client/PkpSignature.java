package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import java.util.Objects;

/**
 * A PKP's ECDSA signature as {@link LitClient#pkpSign} and {@link ExecuteJsResult#signatures()} return it, with
 * the fields of the JS SDK 7.4.0's result ({@code js-sdk-v7-wire-format.md} §8.2–8.3): {@code r}, {@code s}
 * (low-S), {@code recid}, the 65-byte {@code signature} {@code r ‖ s ‖ v} with {@code v = 27 + recid}, the PKP
 * {@code publicKey} and the 32-byte {@code dataSigned}. Only made after the signature verified under the key.
 *
 * <p>Immutable and public (nothing here is secret).
 *
 * @param r 32 bytes
 * @param s 32 bytes, low-S
 * @param recid 0 or 1
 * @param signature 65 bytes {@code r ‖ s ‖ (27 + recid)}
 * @param publicKey the PKP key, 65 bytes uncompressed
 * @param dataSigned the 32-byte digest that was signed
 */
public record PkpSignature(Bytes r, Bytes s, int recid, Bytes signature, Bytes publicKey, Bytes dataSigned) {
    /** @throws LitClientException {@code InvalidArgument} for a component of the wrong size or a mismatched v */
    public PkpSignature {
        size(r, 32, "r");
        size(s, 32, "s");
        size(signature, 65, "signature");
        size(publicKey, 65, "publicKey");
        size(dataSigned, 32, "dataSigned");
        if ((recid != 0 && recid != 1) || signature.get(64) != (byte) (27 + recid)) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "recid must be 0 or 1 and the signature's"
                    + " last byte 27 + recid");
        }
    }

    /** The 65-byte signature as the JS SDK prints it: {@code 0x} + 130 lowercase hex digits. */
    public String signatureHex() {
        return signature.hex0x();
    }

    /** The PKP's Ethereum address (of {@link #publicKey}). */
    public EthAddress ethAddress() {
        return EthAddress.fromPublicKey(publicKey.toByteArray());
    }

    private static void size(Bytes b, int n, String name) {
        Objects.requireNonNull(b, name);
        if (b.size() != n) {
            throw new LitClientException(LitErrorCode.InvalidArgument, name + " must be " + n + " bytes but is "
                    + b.size());
        }
    }
}
