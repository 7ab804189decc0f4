package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.internal.Lagrange;
import io.litj.threshold.internal.Secrets;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One party's share of a presignature (cait-sith): the common nonce point {@code R = k⁻¹·G}, this party's Shamir
 * shares of {@code k} and of {@code σ = k·x} (threshold {@code t}, over the presigning {@link Participants}), and
 * for every party {@code j} of the set the public {@code K_j = k_j·G} and {@code Σ_j = σ_j·G}, with which anyone
 * holding this object checks the other parties' signature shares ({@link #verifiesShare}).
 *
 * <p>A presignature signs exactly one message, with exactly its participants: every party of the set must
 * {@link #sign} the same digest, and the linearized shares sum to the signature. Signing two messages with one
 * presignature reveals the key; this class keeps no state, so the caller (the node's presignature pool) must
 * record a presignature as used, durably, before any share of it leaves the node.
 *
 * <p>Immutable and thread-safe. Security: holds secrets; {@link #toString()} shows the id, party and {@code R}
 * only, there is no {@code equals}, and {@link #exportSecretJson()} is the only way out (for the node's pool).
 */
public final class PresignatureShare {
    private static final byte[] ID_TAG = "litj/ecdsa/presignature/v1".getBytes(StandardCharsets.US_ASCII);

    private final Participants participants;
    private final int self;
    private final GroupElement publicKey;
    private final Bytes publicKeyUncompressed;
    private final GroupElement bigR;
    private final byte[] k;
    private final byte[] sigma;
    private final SortedMap<Integer, GroupElement> bigK;
    private final SortedMap<Integer, GroupElement> bigSigma;
    private final Map<Integer, BigInteger> lambdas;

    private PresignatureShare(Participants participants, int self, GroupElement publicKey, GroupElement bigR,
            byte[] k, byte[] sigma, SortedMap<Integer, GroupElement> bigK, SortedMap<Integer, GroupElement> bigSigma) {
        this.participants = participants;
        this.self = self;
        this.publicKey = publicKey;
        this.publicKeyUncompressed = K256.uncompressed(publicKey);
        this.bigR = bigR;
        this.k = k;
        this.sigma = sigma;
        this.bigK = bigK;
        this.bigSigma = bigSigma;
        this.lambdas = lagrange(participants);
    }

    /**
     * Builds and checks a presignature share: {@code self} in the set, public data for exactly the set, a usable
     * {@code R}, and the secrets matching this party's public data.
     *
     * @throws ThresholdException {@code code} if any of that fails
     */
    static PresignatureShare of(Participants participants, int self, GroupElement publicKey, GroupElement bigR,
            byte[] k, byte[] sigma, Map<Integer, GroupElement> bigK, Map<Integer, GroupElement> bigSigma,
            LitErrorCode code) {
        Objects.requireNonNull(participants, "participants");
        if (!participants.contains(self)) {
            throw new ThresholdException(code, "party " + self + " is not among " + participants.indices());
        }
        if (!bigK.keySet().equals(Set.copyOf(participants.indices()))
                || !bigSigma.keySet().equals(Set.copyOf(participants.indices()))) {
            throw new ThresholdException(code, "presignature public data must cover exactly the parties "
                    + participants.indices());
        }
        if (publicKey.group() != Group.SECP256K1 || publicKey.isIdentity()) {
            throw new ThresholdException(code, "presignature key must be a secp256k1 point other than the identity");
        }
        if (bigR.group() != Group.SECP256K1 || bigR.isIdentity() || K256.xOverflows(bigR)
                || K256.r(bigR).signum() == 0) {
            throw new ThresholdException(code, "presignature R " + bigR.toBytes().hex() + " is not usable");
        }
        SecretScalar kScalar = SecretScalar.of(Group.SECP256K1, k);
        SecretScalar sigmaScalar = SecretScalar.of(Group.SECP256K1, sigma);
        if (!kScalar.publicKey().equals(bigK.get(self)) || !sigmaScalar.publicKey().equals(bigSigma.get(self))) {
            throw new ThresholdException(code, "party " + self + "'s presignature secrets do not match its public"
                    + " data (R " + bigR.toBytes().hex() + ")");
        }
        return new PresignatureShare(participants, self, publicKey, bigR, k.clone(), sigma.clone(),
                new TreeMap<>(bigK), new TreeMap<>(bigSigma));
    }

    /** The parties that made this presignature; all of them sign with it. */
    public Participants participants() {
        return participants;
    }

    /** This party's share index. */
    public int self() {
        return self;
    }

    /** The public key the presignature signs for (compressed). */
    public GroupElement publicKey() {
        return publicKey;
    }

    /** The nonce point {@code R = k⁻¹·G}, common to all parties; {@code r = x(R) mod n}. */
    public GroupElement bigR() {
        return bigR;
    }

    /** Party {@code index}'s public {@code K_j = k_j·G}. */
    public GroupElement bigK(int index) {
        return publicData(bigK, index);
    }

    /** Party {@code index}'s public {@code Σ_j = σ_j·G}. */
    public GroupElement bigSigma(int index) {
        return publicData(bigSigma, index);
    }

    /**
     * A public identifier, the same at every party: SHA-256 of a tag, the key, {@code R}, the threshold and the
     * parties. Nodes use it to agree on the presignature of a request.
     */
    public Bytes id() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ID_TAG);
        out.writeBytes(publicKey.toBytes().toByteArray());
        out.writeBytes(bigR.toBytes().toByteArray());
        out.write(participants.threshold());
        out.write(participants.size());
        participants.indices().forEach(out::write);
        return Bytes.of(Hashes.sha256(out.toByteArray()));
    }

    /**
     * This party's linearized signature share of {@code digest32} under the presignature's key:
     * {@code s_i = λ_i·(m·k_i + r·σ_i)}, so that the shares of all parties sum to {@code s = k·(m + r·x)}.
     *
     * @param publicKeyUncompressed the 65-byte key the caller means to sign for; must be this presignature's
     * @throws ThresholdException {@code InvalidArgument} for a digest that is not 32 bytes or another key
     */
    public EcdsaSignatureShare sign(byte[] digest32, Bytes publicKeyUncompressed) {
        BigInteger m = K256.digestScalar(digest32);
        if (!this.publicKeyUncompressed.equals(Objects.requireNonNull(publicKeyUncompressed, "publicKey"))) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "presignature " + id().hex()
                    + " is for key " + this.publicKeyUncompressed.hex() + ", not " + publicKeyUncompressed.hex());
        }
        BigInteger r = K256.r(bigR);
        BigInteger ki = new BigInteger(1, k);
        BigInteger si = new BigInteger(1, sigma);
        BigInteger share = K256.N.mul(lambdas.get(self), K256.N.add(K256.N.mul(m, ki), K256.N.mul(r, si)));
        return new EcdsaSignatureShare(self, Bytes.of(K256.scalarBytes(share)), bigR.toBytes(),
                Bytes.of(digest32), this.publicKeyUncompressed);
    }

    /**
     * What party {@code index}'s signature share of {@code digest32} must be times {@code G}:
     * {@code λ_j·(m·K_j + r·Σ_j)}.
     *
     * @throws ThresholdException {@code InvalidArgument} for a party outside the set or a digest not 32 bytes
     */
    public GroupElement expectedShareCommitment(int index, byte[] digest32) {
        return commitments().expected(index, digest32);
    }

    /** The public data with which anyone checks the parties' signature shares of this presignature. */
    public ShareCommitments commitments() {
        return ShareCommitments.of(participants, bigR, bigK, bigSigma);
    }

    /** {@link #expectedShareCommitment} of every party, by share index: the public data of the combiner's check. */
    public Map<Integer, GroupElement> expectedShareCommitments(byte[] digest32) {
        Map<Integer, GroupElement> out = new LinkedHashMap<>();
        for (int j : participants.indices()) {
            out.put(j, expectedShareCommitment(j, digest32));
        }
        return Map.copyOf(out);
    }

    /**
     * True if {@code share} is exactly what its party must send for {@code digest32} with this presignature:
     * a party of the set, this {@code R}, this key, this digest, and {@code s_j·G == λ_j·(m·K_j + r·Σ_j)}.
     */
    public boolean verifiesShare(EcdsaSignatureShare share, byte[] digest32) {
        Objects.requireNonNull(share, "share");
        K256.requireDigest(digest32);
        if (!participants.contains(share.shareIndex()) || !share.bigR().equals(bigR.toBytes())
                || !share.digest().equals(Bytes.of(digest32))
                || !share.publicKey().equals(publicKeyUncompressed)) {
            return false;
        }
        BigInteger s = new BigInteger(1, share.signatureShare().toByteArray());
        return K256.timesGenerator(s).equals(expectedShareCommitment(share.shareIndex(), digest32));
    }

    /**
     * The whole share, secrets included, as JSON for the node's presignature pool ({@link #importSecretJson}
     * reads it back). Security: the result is secret.
     */
    public String exportSecretJson() {
        return PresignatureJson.write(this, k.clone(), sigma.clone(), bigK, bigSigma);
    }

    /**
     * Reads what {@link #exportSecretJson()} wrote, strictly: known fields only, version 1, points on the curve,
     * public data for exactly the parties, and secrets that match this party's public data.
     *
     * @throws ThresholdException {@code NodeParserError} for anything else
     */
    public static PresignatureShare importSecretJson(String json) {
        return PresignatureJson.read(json);
    }

    /** Constant-time comparison of the secrets, with equal public data. */
    public boolean sameSecretAs(PresignatureShare other) {
        boolean same = Secrets.equal(k, other.k) & Secrets.equal(sigma, other.sigma);
        return same && other.self == self && other.participants.equals(participants) && other.bigR.equals(bigR)
                && other.publicKey.equals(publicKey) && other.bigK.equals(bigK) && other.bigSigma.equals(bigSigma);
    }

    /** The Lagrange coefficient at 0 of every party of {@code set}, by share index. */
    static Map<Integer, BigInteger> lagrange(Participants set) {
        List<Integer> indices = set.indices();
        BigInteger[] lambda = Lagrange.atZero(K256.N, indices.stream().mapToInt(Integer::intValue).toArray());
        Map<Integer, BigInteger> out = new TreeMap<>();
        for (int i = 0; i < lambda.length; i++) {
            out.put(indices.get(i), lambda[i]);
        }
        return out;
    }

    private GroupElement publicData(SortedMap<Integer, GroupElement> data, int index) {
        GroupElement e = data.get(index);
        if (e == null) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "party " + index + " is not among "
                    + participants.indices());
        }
        return e;
    }

    @Override
    public String toString() {
        return "PresignatureShare[id=" + id().hex().substring(0, 16) + ", party=" + self + " of "
                + participants.indices() + ", R=" + bigR.toBytes().hex() + "]";
    }
}
