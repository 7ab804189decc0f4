package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.CountingBlsVerifier;
import io.litj.client.testing.FakeBlsNetwork;
import io.litj.client.testing.RecordingNodeTransport;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import io.litj.threshold.bls.Bls;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code getPkpSessionSigs}: the network grantor's {@code sign_session_key} round, one verification of each network
 * grant, and re-use, against nodes that hold real shares of a network BLS key (a recording fake transport).
 */
class LitClientPkpSessionsTest {
    private static final List<String> NODES = List.of("http://127.0.0.1:7470", "http://127.0.0.1:7471",
            "http://127.0.0.1:7472");
    private static final URI BLOCKS = URI.create("http://127.0.0.1:8545/get_most_recent_valid_block");
    private static final String SIGN_SESSION_KEY = "/web/sign_session_key/v1";
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    /** The secp256k1 generator, uncompressed: a well-formed PKP public key. */
    private static final String PKP = "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
    private static final String ACTION_CODE = "LitActions.setResponse({response: 'true'});";

    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final FakeBlsNetwork network = new FakeBlsNetwork(NODES, 2, new SecureRandom());
    private final RecordingNodeTransport transport = new RecordingNodeTransport(network::answer);
    /** Every network verifier the client made, one per network key it connected to. */
    private final List<CountingBlsVerifier> verifiers = new CopyOnWriteArrayList<>();
    private LitClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private LitClient connect() {
        client = LitClient.builder().nodeUrls(NODES).minNodeCount(2).blockHashUrl(BLOCKS).clock(clock)
                .random(new SecureRandom()).transport(transport).networkVerifier(key -> {
                    CountingBlsVerifier v = new CountingBlsVerifier(Bls.capabilityVerifier(key));
                    verifiers.add(v);
                    return v;
                }).build();
        client.connect();
        transport.reset();
        return client;
    }

    private int verifications() {
        return verifiers.stream().mapToInt(CountingBlsVerifier::count).sum();
    }

    private static PkpSessionRequest request(SessionTerms terms) {
        return PkpSessionRequest.builder().pkpPublicKey(PKP).litActionCode(ACTION_CODE).terms(terms).build();
    }

    private static AuthSig grantOf(SessionSigs sigs) {
        List<AuthSig> caps = sigs.byNodeUrl().values().iterator().next().payload().capabilities();
        return caps.get(caps.size() - 1);
    }

    private static SiweMessage proposedSiwe(RecordingNodeTransport.Call call) {
        JsonValue.JsonString siwe = (JsonValue.JsonString) JsonReader.parseObject(call.body(),
                LitErrorCode.NodeParserError, "body").get("siweMessage").orElseThrow();
        return SiweParser.parse(siwe.value());
    }

    @Test
    void getPkpSessionSigs_firstCall_oneRoundWhoseCombinedGrantIsNotVerifiedASecondTime() {
        SessionSigs sigs = connect().getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        assertEquals(3, transport.callsTo(SIGN_SESSION_KEY).size());
        assertEquals(0, verifications(), "the combiner verified the grant; the check before storing it did not");
        AuthSig grant = grantOf(sigs);
        assertEquals(AuthSigType.BLS_NETWORK_SIG, grant.type());
        for (String url : NODES) {
            SessionSigValidator validator = SessionSigValidator.builder(url).clock(clock)
                    .blsVerifier(Bls.capabilityVerifier(network.publicKey())).build();
            assertInstanceOf(AuthContext.class, validator.validate(sigs.forNode(url).orElseThrow().toAuthSig(),
                    LitResource.action("QmAny"), LitAbility.LIT_ACTION_EXECUTION));
        }
    }

    @Test
    void getPkpSessionSigs_sharesThatDoNotCombineUnderTheNetworkKey_isInvalidSignatureAndNothingIsStored() {
        InMemorySessionStore store = new InMemorySessionStore();
        client = LitClient.builder().nodeUrls(NODES).minNodeCount(2).blockHashUrl(BLOCKS).clock(clock)
                .transport(transport).sessionStore(store).build();
        client.connect();
        network.signWithAnotherKey();
        PkpSessionRequest r = request(SessionTerms.of(ACTION));
        LitClientException e = assertThrows(LitClientException.class, () -> client.getPkpSessionSigs(r));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        SessionStoreKey key = SessionStoreKey.of(client.network(), r.pkpAddress().toChecksumString() + "#"
                + r.proofId(clock.instant()), List.of(ACTION));
        assertEquals(Optional.empty(), store.load(key).orElseThrow().authSig(), "only the session key is kept");
    }

    @Test
    void getPkpSessionSigs_repeatedCalls_reuseTheGrantAndVerifyItOnceAcrossCalls() {
        LitClient c = connect();
        SessionSigs first = c.getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        clock.advance(Duration.ofMinutes(10));
        SessionSigs second = c.getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        clock.advance(Duration.ofMinutes(10));
        SessionSigs third = c.getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        assertEquals(3, transport.callsTo(SIGN_SESSION_KEY).size(), "one round for three calls");
        assertEquals(grantOf(first), grantOf(second));
        assertEquals(grantOf(first), grantOf(third));
        assertEquals(1, verifications(), "the stored grant is verified by the first re-use, then remembered");
    }

    @Test
    void getPkpSessionSigs_afterReconnectingToANewNetworkKey_signsAgainInsteadOfTrustingTheOldGrant() {
        LitClient c = connect();
        SessionSigs first = c.getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        network.newNetworkKey();
        c.connect();
        SessionSigs second = c.getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        assertEquals(6, transport.callsTo(SIGN_SESSION_KEY).size(), "a second round");
        assertNotEquals(grantOf(first), grantOf(second));
        assertEquals(2, verifiers.size(), "one verifier per network key");
        assertEquals(1, verifiers.get(1).count(), "the old grant was checked under the new key, and refused");
    }

    @Test
    void getPkpSessionSigs_proposedSiwe_hasThePkpDomainAndStatementUnlessTheTermsNameOthers() {
        LitClient c = connect();
        c.getPkpSessionSigs(request(SessionTerms.of(ACTION)));
        SiweMessage siwe = proposedSiwe(transport.callsTo(SIGN_SESSION_KEY).get(0));
        assertEquals(PkpSessionRequest.DEFAULT_DOMAIN, siwe.domain());
        assertTrue(siwe.statement().orElseThrow().startsWith(PkpSessionRequest.STATEMENT_PREFIX + " I further"),
                siwe.statement().orElseThrow());
        transport.reset();
        ResourceAbilityRequest oneAction = ResourceAbilityRequest.of(LitResource.action(TestSessions.ACTION_CID),
                LitAbility.LIT_ACTION_EXECUTION);
        c.getPkpSessionSigs(request(SessionTerms.builder().resourceAbilityRequest(oneAction).domain("example.org")
                .statement("Hello.").expiration(TestSessions.NOW.plus(Duration.ofHours(2))).build()));
        siwe = proposedSiwe(transport.callsTo(SIGN_SESSION_KEY).get(0));
        assertEquals("example.org", siwe.domain());
        assertTrue(siwe.statement().orElseThrow().startsWith(PkpSessionRequest.STATEMENT_PREFIX + " Hello."),
                siwe.statement().orElseThrow());
        assertEquals(TestSessions.NOW.plus(Duration.ofHours(2)), siwe.expirationInstant().orElseThrow());
    }

    @Test
    void getPkpSessionSigs_networkWithoutAKey_isInitError() {
        RecordingNodeTransport noKey = new RecordingNodeTransport(call -> {
            RawHttpResponse r = network.answer(call);
            return new RawHttpResponse(r.status(), r.contentType(), r.body().replace(network.publicKey().toHex(), "ERR"));
        });
        client = LitClient.builder().nodeUrls(NODES).blockHashUrl(BLOCKS).clock(clock).transport(noKey).build();
        client.connect();
        LitClientException e = assertThrows(LitClientException.class,
                () -> client.getPkpSessionSigs(request(SessionTerms.of(ACTION))));
        assertEquals(LitErrorCode.InitError, e.code());
        assertEquals(List.of(), noKey.callsTo(SIGN_SESSION_KEY));
    }

    @Test
    void getLitActionSessionSigs_withoutAnAction_isInvalidArgument() {
        LitClient c = connect();
        PkpSessionRequest walletOnly = PkpSessionRequest.builder().pkpPublicKey(PKP)
                .authMethods(List.of(new AuthMethod(AuthMethod.ETH_WALLET, "{}"))).terms(SessionTerms.of(ACTION))
                .build();
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitClientException.class,
                () -> c.getLitActionSessionSigs(walletOnly)).code());
        assertEquals(List.of(), transport.calls());
    }
}
