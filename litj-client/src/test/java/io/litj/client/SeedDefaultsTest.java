package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the seed documents say and litj now does: the auth callback gets {@code chain}, {@code resources},
 * {@code expiration} and {@code uri} (a callback written as the seeds write it gets a grant nodes accept), and a
 * session naming no resources grants every ability on every resource.
 */
class SeedDefaultsTest {
    private static final List<String> NODES = List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471");
    private static final URI BLOCKS = URI.create("http://127.0.0.1:8545/get_most_recent_valid_block");
    private static final String BLOCK = "0x" + "ab".repeat(32);
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final RecordingNodeTransport transport = new RecordingNodeTransport(call -> call.url().equals(BLOCKS)
            ? new RawHttpResponse(200, "application/json", "{\"blockhash\":\"" + BLOCK + "\",\"timestamp\":1}")
            : new RawHttpResponse(200, "application/json", "{\"serverPublicKey\":\"\",\"subnetPublicKey\":\"ERR\","
                    + "\"networkPublicKey\":\"ERR\",\"networkPublicKeySet\":\"ERR\",\"hdRootPubkeys\":[],"
                    + "\"latestBlockhash\":\"" + BLOCK + "\",\"epoch\":3}"));
    private LitClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private LitClient connect() {
        client = LitClient.builder().nodeUrls(NODES).blockHashUrl(BLOCKS).clock(clock).random(new SecureRandom())
                .transport(transport).build();
        client.connect();
        return client;
    }

    /** A callback as the seeds write it: a SIWE from {chain, resources, expiration, uri}, signed by the wallet. */
    private static AuthCallback seedStyle(AtomicReference<AuthCallbackParams> seen) {
        return params -> {
            seen.set(params);
            SiweMessage message = SiweMessage.builder().domain(params.domain())
                    .address(TestSessions.WALLET.address().toChecksumString()).statement(params.siweStatement())
                    .uri(params.uri()).version("1").chainId(1).nonce(params.nonce())
                    .issuedAt(TestSessions.NOW).expirationTime(params.expiration()).resources(params.resources())
                    .build();
            return AuthSigs.generate(TestSessions.WALLET, message);
        };
    }

    private void assertAccepted(SessionSigs sigs, LitResource resource, LitAbility ability) {
        for (String url : NODES) {
            SessionSig sig = sigs.forNode(url).orElseThrow();
            assertInstanceOf(AuthContext.class, SessionSigValidator.builder(url).clock(clock).build()
                    .validate(sig.toAuthSig(), resource, ability), resource + " " + ability);
        }
    }

    @Test
    void authCallback_receivesChainResourcesExpirationAndUri_asTheSeedsShow() {
        AtomicReference<AuthCallbackParams> seen = new AtomicReference<>();
        Instant expiration = TestSessions.NOW.plus(Duration.ofHours(2));
        SessionTerms terms = SessionTerms.builder().resourceAbilityRequest(ACTION).expiration(expiration)
                .chain("polygon").build();
        SessionSigs sigs = connect().getSessionSigs(SessionRequest.builder().terms(terms)
                .authCallback(TestSessions.WALLET.address(), seedStyle(seen)).build());

        AuthCallbackParams p = seen.get();
        assertEquals("polygon", p.chain());
        assertEquals(expiration, p.expiration());
        String sessionKey = sigs.byNodeUrl().values().iterator().next().payload().sessionKey();
        assertEquals("lit:session:" + sessionKey, p.uri());
        assertEquals(1, p.resources().size(), p.resources().toString());
        Recap recap = RecapCodec.decode(p.resources().get(0));
        assertEquals(Set.of("lit-litaction://*"), recap.attenuations().keySet());
        assertTrue(p.siweStatement().startsWith(p.statement() + " I further authorize"), p.siweStatement());
        assertTrue(p.siweStatement().endsWith(recap.statement()), p.siweStatement());
        assertAccepted(sigs, LitResource.action("QmAny"), LitAbility.LIT_ACTION_EXECUTION);
    }

    @Test
    void authCallback_chainDefaultsToEthereum() {
        AtomicReference<AuthCallbackParams> seen = new AtomicReference<>();
        connect().getSessionSigs(SessionRequest.builder().terms(SessionTerms.of(ACTION))
                .authCallback(TestSessions.WALLET.address(), seedStyle(seen)).build());
        assertEquals("ethereum", seen.get().chain());
    }

    @Test
    void terms_blankChain_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> SessionTerms.builder().chain(" ")).code());
    }

    @Test
    void terms_withoutResources_grantEveryAbilityOnEveryResource() {
        SessionTerms terms = SessionTerms.builder().build();
        assertTrue(terms.usesDefaultResources());
        assertEquals(LitAbility.values().length, terms.resourceAbilityRequests().size());
        for (ResourceAbilityRequest r : terms.resourceAbilityRequests()) {
            assertEquals("*", r.resource().id(), r.toString());
            assertEquals(r.ability().prefix(), r.resource().prefix(), r.toString());
        }
        assertFalse(SessionTerms.of(ACTION).usesDefaultResources());
        assertTrue(terms.toBuilder().build().usesDefaultResources(), "a variant keeps the default");

        SessionSigs sigs = connect().getSessionSigs(SessionRequest.of(terms, TestSessions.WALLET));
        assertAccepted(sigs, LitResource.action("QmAny"), LitAbility.LIT_ACTION_EXECUTION);
        assertAccepted(sigs, LitResource.pkp("7"), LitAbility.PKP_SIGNING);
        assertAccepted(sigs, LitResource.accessControlCondition("abc"), LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION);
        assertAccepted(sigs, LitResource.accessControlCondition("abc"), LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
        assertAccepted(sigs, LitResource.rateLimitIncrease("1"), LitAbility.RATE_LIMIT_INCREASE_AUTH);
    }
}
