package io.litj.protocol.testing;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Fixed keys, clock and helpers to build valid (and deliberately broken) session sigs in tests. */
public final class TestSessions {
    public static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String NONCE = "0x" + "ab".repeat(32);
    public static final String NODE_URL = "http://127.0.0.1:7470";
    public static final String NODE_ADDRESS = "127.0.0.1:7470";
    /** Hardhat account #0. */
    public static final PrivateKeyEthSigner WALLET =
            PrivateKeyEthSigner.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    /** Hardhat account #1. */
    public static final PrivateKeyEthSigner OTHER_WALLET =
            PrivateKeyEthSigner.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    public static final SessionKeyPair SESSION_KEY = SessionKeyPair.fromSeed(Hex.decode("07".repeat(32), "seed"));
    public static final SessionKeyPair OTHER_SESSION_KEY = SessionKeyPair.fromSeed(Hex.decode("09".repeat(32), "s"));
    public static final String ACTION_CID = "QmWBC8aLLeMpH9SD3tNuVT6jLbYmFLm6uVdxXkK7MQ8tp4";

    private TestSessions() {
    }

    public static List<ResourceAbilityRequest> actionAndPkp() {
        return List.of(ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION),
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING));
    }

    /** A SIWE builder for the test wallet delegating to the test session key, expiring in 24 h. */
    public static LitSiweBuilder grantSiwe() {
        return LitSiweBuilder.create(WALLET.address(), NONCE).clock(CLOCK).uri(SESSION_KEY.uri())
                .expiration(NOW.plus(Duration.ofDays(1))).resources(actionAndPkp());
    }

    /** The wallet's session-granting AuthSig. */
    public static AuthSig walletGrant() {
        return AuthSigs.generate(WALLET, grantSiwe().build());
    }

    /** A valid session sig for {@link #NODE_URL} granting action execution and PKP signing. */
    public static AuthSig validSessionSig() {
        return sessionSig(List.of(walletGrant()));
    }

    public static AuthSig sessionSig(List<AuthSig> capabilities) {
        return new SessionSigIssuer(CLOCK).issue(SESSION_KEY, actionAndPkp(), capabilities, List.of(NODE_URL))
                .forNode(NODE_URL).orElseThrow().toAuthSig();
    }

    /** A payload like the issuer makes, to modify in tests. */
    public static SessionSigPayload payload(List<AuthSig> capabilities) {
        return new SessionSigPayload(SESSION_KEY.publicKeyHex(), actionAndPkp(), capabilities,
                "2025-01-01T00:00:00.000Z", "2025-01-02T00:00:00.000Z", NODE_URL);
    }

    /** Signs {@code signedMessage} (any text) with {@code key} as a session sig. */
    public static AuthSig signRaw(SessionKeyPair key, String signedMessage) {
        byte[] sig = key.sign(signedMessage.getBytes(StandardCharsets.UTF_8));
        return new SessionSig(Hex.encode(sig), signedMessage, key.publicKeyHex()).toAuthSig();
    }

    /** Signs {@code payload} with the test session key. */
    public static AuthSig sign(SessionSigPayload payload) {
        return signRaw(SESSION_KEY, payload.toJsonString());
    }
}
