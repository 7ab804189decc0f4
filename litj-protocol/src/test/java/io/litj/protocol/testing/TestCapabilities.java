package io.litj.protocol.testing;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweRenderer;
import java.time.Duration;

/**
 * Network-signed ({@code lit.bls}) capabilities for the test session key, valid at {@link TestSessions#NOW} in every
 * way but their signature, which only a verifier can judge: what a PKP session would carry, or what an attacker
 * can make for free.
 */
public final class TestCapabilities {
    /** The PKP the network capabilities speak for. */
    public static final EthAddress PKP = EthAddress.parse("0x7f2e96c99F9551915DA9e9F828F512330f130acB", "pkp");

    private TestCapabilities() {
    }

    /** A network capability granting every Lit Action, signed (or not) by {@code popJson}. */
    public static AuthSig network(String popJson) {
        return network(popJson, SiweMessage.builder().domain("litprotocol.com").address(PKP.toChecksumString())
                .statement("Lit Protocol PKP session signature").uri(TestSessions.SESSION_KEY.uri())
                .nonce(TestSessions.NONCE).issuedAt(TestSessions.NOW.minusSeconds(60))
                .expirationTime(TestSessions.NOW.plus(Duration.ofDays(1))).build());
    }

    /** A network capability over {@code siwe} (its ReCap added here) granting every Lit Action. */
    public static AuthSig network(String popJson, SiweMessage siwe) {
        Recap grant = Recap.empty().withAttenuation("lit-litaction://*", "Threshold", "Execution",
                JsonValue.JsonObject.empty());
        return AuthSig.bls(popJson, SiweRenderer.render(SiweRecaps.add(siwe, grant)), PKP.toChecksumString());
    }

    /** {@code {"ProofOfPossession":"<hex of a 96-byte G2 point>"}} for {@code seed}: different seeds, different sigs. */
    public static String popJson(int seed) {
        byte[] g2 = new byte[96];
        for (int i = 0; i < 4; i++) {
            g2[95 - i] = (byte) (seed >>> (8 * i));
        }
        return "{\"ProofOfPossession\":\"" + Hex.encode(g2) + "\"}";
    }
}
