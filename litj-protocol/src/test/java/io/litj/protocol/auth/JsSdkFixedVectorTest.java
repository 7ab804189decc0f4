package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.Vectors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reproduces {@code vectors/js-sdk-7.4.0/fixed.json}, made by the real JS SDK 7.4.0, byte for byte. */
class JsSdkFixedVectorTest {
    private static final JsonValue.JsonObject V = Vectors.json("js-sdk-7.4.0/fixed.json");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String NONCE = "0x" + "ab".repeat(32);
    private static final String NODE = "http://127.0.0.1:7470";
    private static final PrivateKeyEthSigner WALLET =
            PrivateKeyEthSigner.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final SessionKeyPair SESSION = SessionKeyPair.fromSeed(Hex.decode("07".repeat(32), "seed"));

    @Test
    void sessionKey_fromSeed_matchesJsStorageForm() {
        assertEquals(Vectors.str(V, "sessionKey", "publicKey"), SESSION.publicKeyHex());
        assertEquals(Vectors.str(V, "sessionKey", "secretKey"),
                Vectors.str(io.litj.protocol.json.JsonReader.parseObject(SESSION.exportSecretJson(),
                        io.litj.protocol.LitErrorCode.NodeParserError, "x"), "secretKey"));
    }

    @Test
    void capacityDelegationAuthSig_isByteIdentical() {
        AuthSig made = capacityDelegation();
        AuthSig expected = AuthSig.fromJson(Vectors.obj(V, "capacityDelegationAuthSig"),
                io.litj.protocol.LitErrorCode.NodeParserError, "vector");
        assertEquals(expected.signedMessage(), made.signedMessage());
        assertEquals(expected.sig(), made.sig());
        assertEquals(expected.toJsonString(), made.toJsonString());
    }

    @Test
    void sessionSigs_areByteIdentical() {
        AuthSig grant = AuthSigs.generate(WALLET, LitSiweBuilder.create(WALLET.address(), NONCE).clock(CLOCK)
                .uri(SESSION.uri()).expiration(NOW.plusSeconds(86400)).resources(requests()).build());
        SessionSigs sigs = new SessionSigIssuer(CLOCK).issue(SESSION, requests(),
                SessionSigIssuer.capabilities(List.of(capacityDelegation()), grant), List.of(NODE));
        AuthSig expected = AuthSig.fromJson(Vectors.obj(V, "sessionSigs", NODE),
                io.litj.protocol.LitErrorCode.NodeParserError, "vector");
        SessionSig made = sigs.forNode(NODE).orElseThrow();
        assertEquals(expected.signedMessage(), made.signedMessage());
        assertEquals(expected.sig(), made.sig());
        assertEquals(expected.toJsonString(), made.toAuthSig().toJsonString());
    }

    @Test
    void jsMadeSessionSig_isAcceptedByTheValidator_throughTheWalletGrant() {
        AuthSig jsSig = AuthSig.fromJson(Vectors.obj(V, "sessionSigs", NODE),
                io.litj.protocol.LitErrorCode.NodeParserError, "vector");
        SessionSigValidator validator = SessionSigValidator.builder("127.0.0.1:7470")
                .clock(Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC)).build();
        ValidationResult result = validator.validate(jsSig, LitResource.pkp("0x1234"), LitAbility.PKP_SIGNING);
        AuthContext ctx = org.junit.jupiter.api.Assertions.assertInstanceOf(AuthContext.class, result);
        assertEquals(WALLET.address(), ctx.caller());
        assertEquals(1, ctx.capabilityIndex());
    }

    private static List<ResourceAbilityRequest> requests() {
        return List.of(ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION),
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING));
    }

    private static AuthSig capacityDelegation() {
        return AuthSigs.capacityDelegation(WALLET, LitSiweBuilder.create(WALLET.address(), NONCE).clock(CLOCK),
                CapacityDelegation.of("12345", List.of(EthAddress.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                        "delegatee").toChecksumString()), 10));
    }
}
