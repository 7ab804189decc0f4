package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A standard secp256k1 ECDSA signature with its recovery id, as the JS SDK's combiner returns it
 * ({@code js-sdk-v7-wire-format.md} §8.2–8.3): low-S, {@code r = x(R) mod n}, {@code recid} the parity of the
 * {@code R} that verification rebuilds. {@link EcdsaCombiner} returns one only after it verified; the record
 * itself checks ranges only.
 *
 * @param r 32 bytes big-endian, in {@code [1, n)}
 * @param s 32 bytes big-endian, in {@code [1, n/2]} (low-S)
 * @param recid {@code 0} or {@code 1}
 */
public record EcdsaSignature(Bytes r, Bytes s, int recid) {

    /**
     * @throws ThresholdException {@code InvalidArgument} for values out of range or a high {@code s}
     */
    public EcdsaSignature {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        BigInteger rv = scalar(r, "r");
        BigInteger sv = scalar(s, "s");
        if (rv.signum() == 0 || sv.signum() == 0 || sv.compareTo(K256.HALF_N) > 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "r and s must be non-zero and s low (≤ n/2)");
        }
        if (recid != 0 && recid != 1) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "recid must be 0 or 1 but is " + recid);
        }
    }

    /** {@code r ‖ s ‖ v} with {@code v = 27 + recid}: the 65 bytes of the JS SDK's {@code signature}. */
    public byte[] toBytes65() {
        byte[] out = new byte[65];
        System.arraycopy(r.toByteArray(), 0, out, 0, 32);
        System.arraycopy(s.toByteArray(), 0, out, 32, 32);
        out[64] = (byte) (27 + recid);
        return out;
    }

    /**
     * The signature as the JS SDK's combination step gives it ({@code combineEcdsaShares} plus the joined
     * {@code signature}): {@code {"r":"<64 hex>","s":"<64 hex>","recid":0,"signature":"0x<130 hex>"}}, lowercase.
     */
    public String toJsSdkJson() {
        return JsJson.stringify(jsSdkFields().build());
    }

    /**
     * What the JS SDK's {@code pkpSign} returns for this signature:
     * {@code {"r":"<64 hex>","s":"<64 hex>","recid":0,"signature":"0x<130 hex>","publicKey":"<130 HEX>",
     * "dataSigned":"<64 HEX>"}}, with {@code r}, {@code s} and {@code signature} lowercase (ethers) and the key and
     * digest in uppercase (as Datil's shares carry them).
     */
    public String toJsSdkJson(Bytes publicKey, byte[] digest32) {
        K256.requireDigest(digest32);
        return JsJson.stringify(jsSdkFields().put("publicKey", publicKey.hex().toUpperCase(Locale.ROOT))
                .put("dataSigned", Bytes.of(digest32).hex().toUpperCase(Locale.ROOT)).build());
    }

    /**
     * The 65-byte uncompressed public key that this signature of {@code digest32} recovers to (as
     * {@code ecrecover} does): {@code Q = r⁻¹·(s·R − m·G)} with {@code R} the point of x-coordinate {@code r} and
     * y-parity {@code recid}.
     *
     * @throws ThresholdException {@code InvalidSignature} if no key recovers
     */
    public Bytes recoverPublicKey(byte[] digest32) {
        BigInteger m = K256.digestScalar(digest32);
        BigInteger rv = new BigInteger(1, r.toByteArray());
        byte[] compressed = new byte[K256.COMPRESSED_BYTES];
        compressed[0] = (byte) (2 + recid);
        System.arraycopy(r.toByteArray(), 0, compressed, 1, 32);
        try {
            ECPoint bigR = K256.domain().getCurve().decodePoint(compressed);
            BigInteger rInv = K256.N.inverse(rv);
            ECPoint q = ECAlgorithms.sumOfTwoMultiplies(K256.domain().getG(), K256.N.mul(K256.N.sub(BigInteger.ZERO, m),
                    rInv), bigR, K256.N.mul(new BigInteger(1, s.toByteArray()), rInv)).normalize();
            if (q.isInfinity()) {
                throw new ThresholdException(LitErrorCode.InvalidSignature, "the signature recovers no key");
            }
            return Bytes.of(q.getEncoded(false));
        } catch (IllegalArgumentException e) {
            throw new ThresholdException(LitErrorCode.InvalidSignature, "r is not the x-coordinate of a point", e);
        }
    }

    /** The Ethereum address of {@link #recoverPublicKey}. */
    public EthAddress recoverAddress(byte[] digest32) {
        return EthAddress.fromPublicKey(recoverPublicKey(digest32).toByteArray());
    }

    private JsonValue.ObjectBuilder jsSdkFields() {
        return JsonValue.object().put("r", r.hex()).put("s", s.hex()).put("recid", new JsonValue.JsonNumber(recid))
                .put("signature", Bytes.of(toBytes65()).hex0x());
    }

    private static BigInteger scalar(Bytes b, String name) {
        if (b.size() != K256.SCALAR_BYTES) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, name + " must be 32 bytes but is " + b.size());
        }
        return K256.N.fromBytes(b.toByteArray(), name);
    }
}
