package io.litj.client.testing;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Test dealer of linearized ECDSA signature shares: a random key {@code x} and nonce {@code k}, the signature
 * {@code s = k⁻¹(m + r·x)} split into {@code t} random addends, each written as a Datil node writes its share. The
 * shares combine exactly as a real signing set's do. Test code only: it knows the whole key.
 */
public final class DealtSignature {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();

    private final Bytes publicKey;
    private final Bytes digest;
    private final Bytes bigR;
    private final List<BigInteger> shares;
    private final BigInteger r;
    private final Random random;

    private DealtSignature(Bytes publicKey, Bytes digest, Bytes bigR, List<BigInteger> shares, BigInteger r,
            Random random) {
        this.publicKey = publicKey;
        this.digest = digest;
        this.bigR = bigR;
        this.shares = shares;
        this.r = r;
        this.random = random;
    }

    /** {@code t} shares of a signature of {@code digest32} under a new key, from a seeded random. */
    public static DealtSignature deal(byte[] digest32, int t, long seed) {
        Random random = new Random(seed);
        BigInteger x = scalar(random);
        BigInteger k = scalar(random);
        ECPoint q = CURVE.getG().multiply(x).normalize();
        ECPoint r = CURVE.getG().multiply(k).normalize();
        BigInteger rx = r.getAffineXCoord().toBigInteger().mod(N);
        BigInteger s = k.modInverse(N).multiply(new BigInteger(1, digest32).add(rx.multiply(x))).mod(N);
        List<BigInteger> parts = new ArrayList<>();
        BigInteger rest = s;
        for (int i = 1; i < t; i++) {
            BigInteger part = scalar(random);
            parts.add(part);
            rest = rest.subtract(part).mod(N);
        }
        parts.add(rest);
        return new DealtSignature(Bytes.of(q.getEncoded(false)), Bytes.of(digest32), Bytes.of(r.getEncoded(true)),
                List.copyOf(parts), rx, random);
    }

    public Bytes publicKey() {
        return publicKey;
    }

    /** Share {@code i}'s scalar, 32 bytes. */
    public Bytes share(int i) {
        return Bytes.of(scalarBytes(shares.get(i)));
    }

    /** Share {@code i} plus one: a wrong share of the right shape. */
    public Bytes wrongShare(int i) {
        return Bytes.of(scalarBytes(shares.get(i).add(BigInteger.ONE).mod(N)));
    }

    /** The {@code /web/pkp/sign} answer of a node sending share {@code value}. */
    public JsonValue.JsonObject pkpSignAnswer(Bytes value) {
        return answer(JsonValue.object().put("digest", quoted(digest)).put("result", "success")
                .put("share_index", new JsonValue.JsonNumber(0)).put("signature_share", quoted(value))
                .put("big_r", quoted(bigR)).put("public_key", quoted(publicKey)).put("sig_type", "K256").build());
    }

    /**
     * The answer of a litj node of the signing set sending {@code value} as party {@code i} (share index
     * {@code i + 1}), with its {@code litjShareCheck} member {@code check}.
     */
    public JsonValue.JsonObject litjAnswer(Bytes value, JsonValue.JsonObject check) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        pkpSignAnswer(value).members().forEach(b::put);
        return b.put("litjShareCheck", check).build();
    }

    /**
     * Public presignature data that the dealt shares match: for each party {@code j} (share index {@code j + 1})
     * a random {@code Σ_j}, and {@code K_j} such that {@code s_j·G = λ_j·(m·K_j + r·Σ_j)}. With {@code lieAbout}
     * party {@code i} holding {@code value}, the data fits that value instead of party {@code i}'s dealt share.
     */
    public List<Bytes[]> commitments(Map<Integer, Bytes> lieAbout) {
        BigInteger m = new BigInteger(1, digest.toByteArray()).mod(N);
        int t = shares.size();
        List<Bytes[]> out = new ArrayList<>();
        for (int j = 0; j < t; j++) {
            BigInteger lambda = BigInteger.ONE;
            for (int o = 1; o <= t; o++) {
                if (o != j + 1) {
                    lambda = lambda.multiply(BigInteger.valueOf(o))
                            .multiply(BigInteger.valueOf(o - (j + 1)).modInverse(N)).mod(N);
                }
            }
            BigInteger s = lieAbout.containsKey(j) ? new BigInteger(1, lieAbout.get(j).toByteArray()) : shares.get(j);
            BigInteger sigma = scalar(random);
            BigInteger k = s.multiply(lambda.modInverse(N)).subtract(r.multiply(sigma)).mod(N)
                    .multiply(m.modInverse(N)).mod(N);
            out.add(new Bytes[] {point(k), point(sigma)});
        }
        return out;
    }

    /** A {@code litjShareCheck} member: share index {@code i + 1} and {@code data} for parties 1..t. */
    public static JsonValue.JsonObject shareCheck(int i, List<Bytes[]> data) {
        List<JsonValue> parties = new ArrayList<>();
        for (int j = 0; j < data.size(); j++) {
            parties.add(JsonValue.object().put("index", new JsonValue.JsonNumber(j + 1))
                    .put("k", data.get(j)[0].hex()).put("sigma", data.get(j)[1].hex()).build());
        }
        return JsonValue.object().put("shareIndex", new JsonValue.JsonNumber(i + 1))
                .put("parties", new JsonValue.JsonArray(parties)).build();
    }

    private static Bytes point(BigInteger scalar) {
        return Bytes.of(CURVE.getG().multiply(scalar).normalize().getEncoded(true));
    }

    /** The {@code /web/pkp/sign} answer of a node outside the signing set. */
    public JsonValue.JsonObject failAnswer() {
        return answer(JsonValue.object().put("digest", "").put("result", "fail")
                .put("share_index", new JsonValue.JsonNumber(0)).put("signature_share", "").put("big_r", "")
                .put("public_key", "").put("sig_type", "K256").build());
    }

    /** An {@code executeJs} {@code signedData[sigName]} share (camelCase, quoted hex) carrying share {@code i}. */
    public JsonValue.JsonObject executeJsShare(String sigName, int i) {
        return JsonValue.object().put("sigType", "K256").put("dataSigned", quoted(digest))
                .put("signatureShare", quoted(share(i))).put("shareIndex", new JsonValue.JsonNumber(0))
                .put("bigR", quoted(bigR)).put("publicKey", quoted(publicKey)).put("sigName", sigName).build();
    }

    private JsonValue.JsonObject answer(JsonValue.JsonObject share) {
        List<JsonValue> bytes = new ArrayList<>();
        for (byte b : digest.toByteArray()) {
            bytes.add(new JsonValue.JsonNumber(b & 0xff));
        }
        return JsonValue.object().put("success", new JsonValue.JsonBoolean(true))
                .put("signedData", new JsonValue.JsonArray(bytes)).put("signatureShare", share).build();
    }

    private static String quoted(Bytes b) {
        return "\"" + b.hex().toUpperCase(Locale.ROOT) + "\"";
    }

    private static BigInteger scalar(Random random) {
        BigInteger v;
        do {
            v = new BigInteger(256, random);
        } while (v.signum() == 0 || v.compareTo(N) >= 0);
        return v;
    }

    private static byte[] scalarBytes(BigInteger v) {
        return Hex.decode(String.format("%064x", v), "scalar");
    }
}
