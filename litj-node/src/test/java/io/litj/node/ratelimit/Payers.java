package io.litj.node.ratelimit;

import static io.litj.protocol.testing.TestSessions.CLOCK;
import static io.litj.protocol.testing.TestSessions.NONCE;
import static io.litj.protocol.testing.TestSessions.NOW;

import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Payers as the node gets them: the test wallet's session sig, validated by the real validator, carrying capacity
 * delegations signed the way {@code createCapacityDelegationAuthSig} signs them.
 */
final class Payers {
    private static final SessionSigValidator VALIDATOR = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
            .clock(CLOCK).build();

    private Payers() {
    }

    /** {@code owner}'s delegation of {@code delegation}, valid for 7 days from {@code TestSessions.NOW}. */
    static AuthSig delegation(PrivateKeyEthSigner owner, CapacityDelegation delegation) {
        return AuthSigs.generate(owner, LitSiweBuilder.create(owner.address(), NONCE).clock(CLOCK)
                .uri(CapacityDelegation.URI).expiration(NOW.plus(Duration.ofDays(7))).capacityDelegation(delegation)
                .build());
    }

    /** {@code owner}'s delegation of the credits {@code ids} (one {@code nft_id} list) to anyone. */
    static AuthSig delegationNaming(PrivateKeyEthSigner owner, List<String> ids) {
        List<JsonValue> items = ids.stream().map(id -> (JsonValue) new JsonValue.JsonString(id)).toList();
        Recap recap = Recap.empty().withAttenuation("lit-ratelimitincrease://*", "Auth", "Auth",
                JsonValue.object().put("nft_id", new JsonValue.JsonArray(items)).build());
        SiweMessage siwe = SiweMessage.builder().domain("localhost").address(owner.address().toChecksumString())
                .statement("delegation").uri(CapacityDelegation.URI).nonce(NONCE).issuedAt(NOW.minusSeconds(60))
                .expirationTime(NOW.plus(Duration.ofDays(1))).build();
        return AuthSigs.generate(owner, SiweRecaps.add(siwe, recap));
    }

    /** The test wallet's session carrying {@code delegations} ahead of its own grant, validated. */
    static AuthContext session(AuthSig... delegations) {
        List<AuthSig> capabilities = new ArrayList<>(List.of(delegations));
        capabilities.add(TestSessions.walletGrant());
        return (AuthContext) VALIDATOR.validate(TestSessions.sessionSig(capabilities),
                LitResource.action(TestSessions.ACTION_CID), LitAbility.LIT_ACTION_EXECUTION);
    }

    /** The payer of {@link #session}. */
    static Payer payer(AuthSig... delegations) {
        return Payer.of(session(delegations));
    }
}
