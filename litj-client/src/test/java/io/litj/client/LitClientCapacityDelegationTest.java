package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.CountingSigner;
import io.litj.client.testing.FakeBlsNetwork;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import io.litj.threshold.bls.Bls;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code createCapacityDelegationAuthSig} and the delegation's journey through sessions: the SIWE it signs, its
 * checks, and its place ahead of the grant in wallet and PKP session sigs, also when a stored grant is re-used.
 * Nodes are a recording fake transport holding real shares of a network BLS key.
 */
class LitClientCapacityDelegationTest {
    private static final String DELEGATEE = TestSessions.WALLET.address().toChecksumString();
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    private static final String PKP = "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final FakeBlsNetwork network = new FakeBlsNetwork(LitClientEncryptionTest.NODES, 2, new SecureRandom());
    private final RecordingNodeTransport transport = new RecordingNodeTransport(network::answer);
    private final LitClient client = LitClient.builder().nodeUrls(LitClientEncryptionTest.NODES).minNodeCount(2)
            .blockHashUrl(LitClientEncryptionTest.BLOCKS).clock(clock).transport(transport).build();

    @AfterEach
    void close() {
        client.close();
    }

    private static CapacityDelegationRequest.Builder byOtherWallet() {
        return CapacityDelegationRequest.builder(TestSessions.OTHER_WALLET);
    }

    private AuthSig delegation(String tokenId) {
        return client.createCapacityDelegationAuthSig(byOtherWallet().capacityTokenId(tokenId).delegatee(DELEGATEE)
                .uses(2).build());
    }

    /** A signer claiming {@code OTHER_WALLET}'s address whose signatures come from {@code sign}. */
    private static EthSigner otherWalletSigningWith(Function<String, EthSignature> sign) {
        return new EthSigner() {
            @Override
            public EthAddress address() {
                return TestSessions.OTHER_WALLET.address();
            }

            @Override
            public EthSignature signPersonalMessage(String message) {
                return sign.apply(message);
            }
        };
    }

    private static List<AuthSig> capabilities(SessionSigs sigs, String node) {
        return sigs.forNode(node).orElseThrow().payload().capabilities();
    }

    @Test
    void create_notConnected_connectsFirstAndUsesTheNetworksBlockhashAsNonce() {
        AuthSig sig = delegation("7");
        assertTrue(client.connected());
        assertEquals(3, transport.callsTo("/web/handshake/").size());
        SiweMessage siwe = SiweParser.parse(sig.signedMessage());
        assertEquals(FakeBlsNetwork.BLOCKHASH, siwe.nonce());
    }

    @Test
    void create_signsTheJsSdksDelegationSiwe() {
        AuthSig sig = delegation("7");
        SiweMessage siwe = SiweParser.parse(sig.signedMessage());
        String owner = TestSessions.OTHER_WALLET.address().toChecksumString();
        assertEquals(owner, sig.address());
        assertEquals(AuthSig.WALLET_DERIVED_VIA, sig.derivedVia());
        assertEquals(owner, siwe.address());
        assertEquals("lit:capability:delegation", siwe.uri());
        assertEquals("localhost", siwe.domain());
        assertEquals(1, siwe.chainId());
        assertEquals(IsoTime.format(TestSessions.NOW), siwe.issuedAt());
        assertEquals(IsoTime.format(TestSessions.NOW.plus(Duration.ofDays(7))), siwe.expirationTime().orElseThrow());
        assertEquals("{\"att\":{\"lit-ratelimitincrease://7\":{\"Auth/Auth\":[{\"delegate_to\":[\""
                + DELEGATEE.substring(2) + "\"],\"nft_id\":[\"7\"],\"uses\":\"2\"}]}},\"prf\":[]}",
                new String(Base64.getUrlDecoder().decode(siwe.resources().get(0).substring("urn:recap:".length())),
                        StandardCharsets.UTF_8), "the ReCap JSON, decoded with the JDK only");
        assertEquals(TestSessions.OTHER_WALLET.address(), Eip191.recover(sig.signedMessage(),
                EthSignature.parse(sig.sig(), "sig")));
    }

    @Test
    void create_givenExpirationDomainAndStatement_areSigned() {
        AuthSig sig = client.createCapacityDelegationAuthSig(byOtherWallet().expiration(TestSessions.NOW
                .plus(Duration.ofHours(1))).domain("dapp.example").statement("Paid by my dApp").build());
        SiweMessage siwe = SiweParser.parse(sig.signedMessage());
        assertEquals("dapp.example", siwe.domain());
        assertTrue(siwe.statement().orElseThrow().startsWith("Paid by my dApp I further authorize"),
                siwe.statement().orElseThrow());
        assertEquals(TestSessions.NOW.plus(Duration.ofHours(1)), siwe.expirationInstant().orElseThrow());
        assertTrue(siwe.resources().get(0).startsWith("urn:recap:"));
    }

    @Test
    void create_expirationNotAfterNow_isInvalidArgumentAndNothingIsSigned() {
        CountingSigner owner = new CountingSigner(TestSessions.OTHER_WALLET);
        CapacityDelegationRequest atNow = CapacityDelegationRequest.builder(owner).expiration(TestSessions.NOW)
                .build();
        LitClientException e = assertThrows(LitClientException.class,
                () -> client.createCapacityDelegationAuthSig(atNow));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("is not after now"), e.getMessage());
        assertEquals(0, owner.count());
    }

    @Test
    void create_signerThatFails_isWalletSignatureNotFound() {
        EthSigner broken = otherWalletSigningWith(message -> {
            throw new IllegalStateException("hardware wallet unplugged");
        });
        LitClientException e = assertThrows(LitClientException.class, () -> client.createCapacityDelegationAuthSig(
                CapacityDelegationRequest.builder(broken).build()));
        assertEquals(LitErrorCode.WalletSignatureNotFound, e.code());
        assertTrue(e.getMessage().contains("hardware wallet unplugged"), e.getMessage());
    }

    @Test
    void create_signerThatSignsWithAnotherKey_isInvalidSignature() {
        EthSigner impostor = otherWalletSigningWith(TestSessions.WALLET::signPersonalMessage);
        LitClientException e = assertThrows(LitClientException.class, () -> client.createCapacityDelegationAuthSig(
                CapacityDelegationRequest.builder(impostor).build()));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void create_afterClose_isClientNotReady() {
        client.connect();
        client.close();
        CapacityDelegationRequest r = byOtherWallet().build();
        assertEquals(LitErrorCode.ClientNotReady, assertThrows(LitClientException.class,
                () -> client.createCapacityDelegationAuthSig(r)).code());
    }

    @Test
    void walletSession_withTheDelegation_isAcceptedByEveryNodesValidator() {
        AuthSig delegation = delegation("7");
        SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.builder().resourceAbilityRequest(ACTION)
                .capabilityAuthSigs(List.of(delegation)).build(), TestSessions.WALLET));
        for (String url : LitClientEncryptionTest.NODES) {
            assertEquals(delegation, capabilities(sigs, url).get(0));
            SessionSigValidator validator = SessionSigValidator.builder(url).clock(clock).build();
            assertInstanceOf(AuthContext.class, validator.validate(sigs.forNode(url).orElseThrow().toAuthSig(),
                    LitResource.action("QmAny"), LitAbility.LIT_ACTION_EXECUTION));
        }
    }

    @Test
    void storedGrant_isReusedWithWhateverCapabilityAuthSigsEachCallAsksFor() {
        // the store keeps the session key and the grant only; capabilities are placed per call, as the JS SDK does
        CountingSigner wallet = new CountingSigner(TestSessions.WALLET);
        AuthSig first = delegation("7");
        AuthSig second = delegation("8");
        String node = LitClientEncryptionTest.NODES.get(0);
        SessionSigs withFirst = client.getSessionSigs(SessionRequest.of(SessionTerms.builder()
                .resourceAbilityRequest(ACTION).capabilityAuthSigs(List.of(first)).build(), wallet));
        SessionSigs withBoth = client.getSessionSigs(SessionRequest.of(SessionTerms.builder()
                .resourceAbilityRequest(ACTION).capabilityAuthSigs(List.of(second, first)).build(), wallet));
        SessionSigs without = client.getSessionSigs(SessionRequest.of(SessionTerms.of(ACTION), wallet));
        assertEquals(1, wallet.count(), "one wallet prompt: the grant does not depend on the capabilities");
        AuthSig grant = capabilities(withFirst, node).get(1);
        assertEquals(List.of(first, grant), capabilities(withFirst, node));
        assertEquals(List.of(second, first, grant), capabilities(withBoth, node));
        assertEquals(List.of(grant), capabilities(without, node));
    }

    @Test
    void pkpSession_placesTheDelegationAheadOfTheNetworkGrant() {
        AuthSig delegation = delegation("7");
        SessionSigs sigs = client.getPkpSessionSigs(PkpSessionRequest.builder().pkpPublicKey(PKP)
                .litActionCode("LitActions.setResponse({response: 'true'});").terms(SessionTerms.builder()
                        .resourceAbilityRequest(ACTION).capabilityAuthSigs(List.of(delegation)).build()).build());
        for (String url : LitClientEncryptionTest.NODES) {
            List<AuthSig> caps = capabilities(sigs, url);
            assertEquals(2, caps.size());
            assertEquals(delegation, caps.get(0));
            assertEquals(AuthSigType.BLS_NETWORK_SIG, caps.get(1).type());
            SessionSigValidator validator = SessionSigValidator.builder(url).clock(clock)
                    .blsVerifier(Bls.capabilityVerifier(network.publicKey())).build();
            assertInstanceOf(AuthContext.class, validator.validate(sigs.forNode(url).orElseThrow().toAuthSig(),
                    LitResource.action("QmAny"), LitAbility.LIT_ACTION_EXECUTION));
        }
    }
}
