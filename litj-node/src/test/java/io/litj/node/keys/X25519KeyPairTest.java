package io.litj.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ed25519 → X25519 conversion against @noble/curves and tweetnacl vectors, and the key pair's behaviour. */
class X25519KeyPairTest {
    private static final String VECTORS = "/vectors/noble-curves-1.8.0/ed25519-to-x25519.json";

    private record Vector(String id, String seed, String edPublicKey, String x25519Secret, String x25519PublicKey) {
    }

    private static JsonFields vectors() throws IOException {
        try (InputStream in = X25519KeyPairTest.class.getResourceAsStream(VECTORS)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new JsonFields(JsonReader.parseObject(text, LitErrorCode.InvalidArgument, VECTORS),
                    LitErrorCode.InvalidArgument, VECTORS);
        }
    }

    private static List<Vector> keys() throws IOException {
        JsonFields all = vectors();
        List<Vector> out = new ArrayList<>();
        for (JsonValue v : all.array("keys")) {
            JsonFields f = new JsonFields(all.asObject(v, "keys[]"), LitErrorCode.InvalidArgument, "vector");
            out.add(new Vector(f.string("id"), f.string("seed"), f.string("edPublicKey"), f.string("x25519Secret"),
                    f.string("x25519PublicKey")));
        }
        return out;
    }

    @Test
    void conversion_nobleAndTweetnaclVectors_allMatch() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Vector v : keys()) {
            byte[] seed = Hex.decode(v.seed(), "seed");
            if (!SessionKeyPair.fromSeed(seed).publicKeyHex().equals(v.edPublicKey())) {
                failures.add(v.id() + ": Ed25519 public key differs");
            }
            String converted = X25519KeyPair.publicKeyFromEd25519(Bytes.fromHex(v.edPublicKey(), "ed")).hex();
            if (!converted.equals(v.x25519PublicKey())) {
                failures.add(v.id() + ": public key map gives " + converted);
            }
            X25519KeyPair pair = X25519KeyPair.fromEd25519Seed(seed);
            if (!pair.publicKey().hex().equals(v.x25519PublicKey())) {
                failures.add(v.id() + ": secret map gives public key " + pair.publicKey().hex());
            }
            byte[] expectedPublic = new byte[32];
            X25519.scalarMultBase(Hex.decode(v.x25519Secret(), "secret"), 0, expectedPublic, 0);
            if (!Hex.encode(expectedPublic).equals(v.x25519PublicKey())) {
                failures.add(v.id() + ": the vector's secret does not give its public key");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void agree_convertedPairs_giveTheVectorSharedSecretBothWays() throws IOException {
        List<Vector> keys = keys();
        String expected = new JsonFields(vectors().object("sharedSecret"), LitErrorCode.InvalidArgument, "shared")
                .string("value");
        X25519KeyPair a = X25519KeyPair.fromEd25519Seed(Hex.decode(keys.get(0).seed(), "seed"));
        X25519KeyPair b = X25519KeyPair.fromEd25519Seed(Hex.decode(keys.get(1).seed(), "seed"));

        String ab = Hex.encode(a.agree(X25519KeyPair.publicKeyFromEd25519(Bytes.fromHex(keys.get(1).edPublicKey(),
                "ed"))));
        String ba = Hex.encode(b.agree(a.publicKey()));

        assertEquals(expected, ab);
        assertEquals(expected, ba);
    }

    @Test
    void publicKeyFromEd25519_identityOrWrongLength_refusedWithInvalidArgument() {
        byte[] identity = new byte[32];
        identity[0] = 1; // y = 1: the neutral element, of small order
        LitNodeException small = assertThrows(LitNodeException.class,
                () -> X25519KeyPair.publicKeyFromEd25519(Bytes.of(identity)));
        LitNodeException shortKey = assertThrows(LitNodeException.class,
                () -> X25519KeyPair.publicKeyFromEd25519(Bytes.of(new byte[31])));

        assertEquals(LitErrorCode.InvalidArgument, small.code());
        assertEquals(LitErrorCode.InvalidArgument, shortKey.code());
    }

    @Test
    void agree_lowOrderPeerKey_refusedWithNodeBadInput() {
        X25519KeyPair pair = X25519KeyPair.generate(new SecureRandom());

        LitNodeException e = assertThrows(LitNodeException.class, () -> pair.agree(Bytes.of(new byte[32])));

        assertEquals(LitErrorCode.NodeBadInput, e.code());
    }

    @Test
    void nodeIdentity_keyAgreement_isTheConversionOfTheRegistryIdentityKey(@TempDir Path dir) {
        NodeIdentity identity = NodeIdentity.loadOrCreate(dir, new SecureRandom());

        assertEquals(X25519KeyPair.publicKeyFromEd25519(Bytes.fromHex(identity.identityPublicKey(), "id")),
                identity.keyAgreement().publicKey());
    }

    @Test
    void toString_formattedLoggedOrInAnException_showsAFingerprintOfThePublicKeyOnly() throws IOException {
        Vector v = keys().get(0);
        X25519KeyPair pair = X25519KeyPair.fromEd25519Seed(Hex.decode(v.seed(), "seed"));
        String text = pair + " " + String.format("%s", pair) + " "
                + new LitNodeException(LitErrorCode.NodeSystemFault, "failed with " + pair).getMessage();

        assertTrue(text.contains("d85e…b62e"), text);
        assertFalse(text.contains(v.x25519Secret()), text);
        assertFalse(text.contains(v.x25519Secret().substring(0, 16)), text);
        assertTrue(pair.sameSecretAs(X25519KeyPair.fromEd25519Seed(Hex.decode(v.seed(), "seed"))));
    }
}
