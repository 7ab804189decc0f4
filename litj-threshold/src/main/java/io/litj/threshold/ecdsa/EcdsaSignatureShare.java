package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import java.util.Objects;

/**
 * One node's linearized ECDSA signature share, as a Datil node answers {@code /web/pkp/sign} in
 * {@code signatureShare} ({@code lit-node-behaviour.md} §1.7 and §7, {@code js-sdk-v7-wire-format.md} §8.3): the
 * shares of a signing set sum to {@code s}, and {@code r = x(bigR) mod n}.
 *
 * <p>Public (a share reveals nothing beyond the signature it helps make). The record checks shapes only: lengths,
 * a scalar below {@code n}, valid points; whether the share is right is for {@link PresignatureShare#verifiesShare}
 * and {@link EcdsaCombiner}.
 *
 * @param shareIndex the signer's share index as in {@link Participants} (node index + 1), {@code 0..255}; Datil
 *     nodes send {@code 0} and the JS SDK only sorts by it, so {@code 0} is accepted here but names no party
 * @param signatureShare the scalar {@code s_i}, 32 bytes big-endian, below {@code n}
 * @param bigR the presignature's {@code R}, 33 bytes compressed (so never the identity)
 * @param digest the signed 32-byte digest (the node signs it as given, it does not hash)
 * @param publicKey the PKP public key, 65 bytes uncompressed
 */
public record EcdsaSignatureShare(int shareIndex, Bytes signatureShare, Bytes bigR, Bytes digest,
        Bytes publicKey) {

    /**
     * @throws ThresholdException {@code InvalidArgument} for a component of the wrong shape
     */
    public EcdsaSignatureShare {
        Objects.requireNonNull(signatureShare, "signatureShare");
        Objects.requireNonNull(bigR, "bigR");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(publicKey, "publicKey");
        LitErrorCode bad = LitErrorCode.InvalidArgument;
        if (shareIndex < 0 || shareIndex > 255) {
            throw new ThresholdException(bad, "share index must be in 0..255 but is " + shareIndex);
        }
        if (signatureShare.size() != K256.SCALAR_BYTES) {
            throw new ThresholdException(bad, "signature share must be 32 bytes but is " + signatureShare.size());
        }
        K256.N.fromBytes(signatureShare.toByteArray(), "signature share");
        if (digest.size() != K256.SCALAR_BYTES) {
            throw new ThresholdException(bad, "digest must be 32 bytes but is " + digest.size());
        }
        K256.compressedPoint(bigR.toByteArray(), bad, "big_r");
        K256.uncompressedKey(publicKey, bad, "public key");
    }

    /**
     * The Datil wire object, byte for byte as a node writes it: snake_case keys in Datil's order, every hex value
     * uppercase and itself JSON-quoted inside the JSON string (serde's {@code to_string} of the value), e.g.
     * {@code {"digest":"\"7D87…\"","result":"success","share_index":1,"signature_share":"\"3ED0…\"",
     * "big_r":"\"0332…\"","public_key":"\"0415…\"","sig_type":"K256"}}.
     */
    public String toWireJson() {
        return EcdsaShareWire.write(this);
    }

    /**
     * Reads the Datil wire object strictly: exactly the seven members above, {@code result} {@code "success"},
     * {@code sig_type} {@code "K256"}, {@code share_index} an integer in {@code 0..255}, each hex value quoted
     * inside its string as Datil sends it (either case), of the right length and shape.
     *
     * @throws ThresholdException {@code NodeParserError} for anything else (a {@code "fail"} share included)
     */
    public static EcdsaSignatureShare parseWire(String json) {
        return EcdsaShareWire.read(json);
    }
}
