package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.PrimeField;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 details the ECDSA classes share: the scalar field, public-key encodings, the ECDSA {@code r} of a
 * point, and verification. Point arithmetic is Bouncy Castle's (through {@link GroupElement} or directly); only
 * public values pass through here.
 */
final class K256 {
    static final PrimeField N = PrimeField.SECP256K1_N;
    static final int SCALAR_BYTES = 32;
    static final int COMPRESSED_BYTES = 33;
    static final int UNCOMPRESSED_BYTES = 65;
    static final BigInteger HALF_N = N.order().shiftRight(1);

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(),
            PARAMS.getN(), PARAMS.getH());

    private K256() {
    }

    static ECDomainParameters domain() {
        return DOMAIN;
    }

    /**
     * A 65-byte uncompressed public key ({@code 04 ‖ x ‖ y}) on the curve and not the identity.
     *
     * @throws ThresholdException {@code code} otherwise
     */
    static ECPoint uncompressedKey(Bytes key, LitErrorCode code, String field) {
        if (key.size() != UNCOMPRESSED_BYTES || key.get(0) != 4) {
            throw new ThresholdException(code, field + " must be a 65-byte uncompressed secp256k1 key (04 ‖ x ‖ y)"
                    + " but is " + key.size() + " bytes");
        }
        try {
            ECPoint p = PARAMS.getCurve().decodePoint(key.toByteArray());
            if (p.isInfinity() || !p.isValid()) {
                throw new ThresholdException(code, field + " is not a point of secp256k1");
            }
            return p.normalize();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ThresholdException(code, field + " is not a point of secp256k1", e);
        }
    }

    /** The 65-byte uncompressed encoding of a non-identity element. */
    static Bytes uncompressed(GroupElement e) {
        return Bytes.of(bc(e).getEncoded(false));
    }

    static ECPoint bc(GroupElement e) {
        return PARAMS.getCurve().decodePoint(e.toBytes().toByteArray()).normalize();
    }

    /**
     * A 33-byte compressed point that is not the identity.
     *
     * @throws ThresholdException {@code code} otherwise
     */
    static GroupElement compressedPoint(byte[] encoded, LitErrorCode code, String field) {
        if (encoded.length != COMPRESSED_BYTES) {
            throw new ThresholdException(code, field + " must be a 33-byte compressed secp256k1 point but is "
                    + encoded.length + " bytes");
        }
        try {
            return Group.SECP256K1.decode(Bytes.of(encoded));
        } catch (ThresholdException e) {
            throw new ThresholdException(code, e.getMessage(), e);
        }
    }

    /** ECDSA's {@code r} of a point: its x-coordinate modulo {@code n}. */
    static BigInteger r(GroupElement point) {
        byte[] enc = point.toBytes().toByteArray();
        return N.reduce(new BigInteger(1, Arrays.copyOfRange(enc, 1, COMPRESSED_BYTES)));
    }

    /** True if the point's x-coordinate is not below {@code n} (then {@code r} loses information; odds 2^-128). */
    static boolean xOverflows(GroupElement point) {
        byte[] enc = point.toBytes().toByteArray();
        return new BigInteger(1, Arrays.copyOfRange(enc, 1, COMPRESSED_BYTES)).compareTo(N.order()) >= 0;
    }

    /** True if the point's y-coordinate is odd. */
    static boolean yIsOdd(GroupElement point) {
        return point.toBytes().get(0) == 3;
    }

    /** A 32-byte digest as the scalar ECDSA signs: its big-endian value modulo {@code n}. */
    static BigInteger digestScalar(byte[] digest32) {
        requireDigest(digest32);
        return N.reduce(new BigInteger(1, digest32));
    }

    static void requireDigest(byte[] digest32) {
        if (digest32 == null || digest32.length != SCALAR_BYTES) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "digest must be 32 bytes but is "
                    + (digest32 == null ? "missing" : digest32.length + " bytes"));
        }
    }

    static byte[] scalarBytes(BigInteger v) {
        return N.toBytes(v);
    }

    /** Standard ECDSA verification (Bouncy Castle), no low-S rule. */
    static boolean verifies(ECPoint publicKey, byte[] digest32, BigInteger r, BigInteger s) {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey, DOMAIN));
        return verifier.verifySignature(digest32, r, s);
    }

    /** {@code v·G} by the fixed-base comb (faster than a variable-base multiplication; {@code v} in {@code [0, n)}). */
    static GroupElement timesGenerator(BigInteger v) {
        return SecretScalar.of(Group.SECP256K1, scalarBytes(v)).publicKey();
    }
}
